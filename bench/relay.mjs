// The relay's speed on one instance, over loopback only, bounded in count and time:
// 1. callback received → event at an SSE client, p50/p99, with 100 clients and 50 callbacks/s;
// 2. what the proxy adds to `GET …/interactions` over calling the HTTP mock upstream directly.
// Starts its own redis-server, mock upstream and relay (each in its own process, through
// bench/relay-kit/stack.mjs, shared with bench/relay-load.mjs) and stops them. The 100 clients
// read in this process's one thread; its event-loop delay is printed beside the figures, with
// the relay's own (probe.mjs) and the relay's share of the SSE latency.
import {
  delayText,
  directHeaders,
  loopDelay,
  machineLine,
  ms,
  now,
  outcomeBody,
  percentile,
  request,
  REGIONS,
  sleep,
  sortedOf,
  spread,
  startStack,
} from './relay-kit/stack.mjs'

// After stack.mjs, which registers tsx for the TypeScript sources.
const { signCallback, EVENT_MUTATION } = await import('../src/api/contract.ts')

const CLIENTS = 100
const CALLBACKS_PER_SECOND = 50
const SECONDS = 10
const PROXY_REQUESTS = 400
const TARGET_SSE_P99 = 25
const TARGET_PROXY_P99 = 5

const benchLoop = loopDelay()
// Every request is a signed-in counsellor's (the session check is part of what is measured).
const stack = await startStack({ name: 'relay bench', seconds: 180 })
const [relay] = stack.relays
const { cookie } = stack
const upstream = stack.upstream.direct

// --- 1. callback → SSE -------------------------------------------------------------------------
const sentAt = new Map()
const latencies = []
let received = 0
const controllers = []
async function client() {
  const controller = new AbortController()
  controllers.push(controller)
  const response = await fetch(`${relay.url}/api/v2/events`, {
    signal: controller.signal,
    headers: { cookie },
  })
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        buffer += value
        let end
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const lines = frame.split('\n')
          // Only outcomes count: a fresh stream's first event is `ready` (its resume id).
          if (!lines.includes(`event:${EVENT_MUTATION}`)) continue
          const data = lines.find((line) => line.startsWith('data:'))
          if (!data) continue
          const key = JSON.parse(data.slice(5)).idempotencyKey
          const at = sentAt.get(key)
          if (at !== undefined) latencies.push(performance.now() - at)
          received += 1
        }
      }
    } catch {
      // aborted at the end
    }
  })()
}
await Promise.all(Array.from({ length: CLIENTS }, client))

const secret = REGIONS[0].signingSecret
const callbackUrl = `${relay.url}/callbacks/${REGIONS[0].id}/production`
const total = CALLBACKS_PER_SECOND * SECONDS
// Signed up front, so the sender's own signing work stays out of the measured path.
const signedCallbacks = []
for (let i = 0; i < total; i += 1) {
  signedCallbacks.push(
    await signCallback({
      secret,
      callbackUrl,
      body: outcomeBody(`bench-${i}`),
      timestamp: Math.floor(Date.now() / 1000),
      nonce: `bench-${i}-${Math.random()}`,
    }),
  )
}
await relay.probe()
benchLoop.reset()
const started = now()
const posts = []
for (let i = 0; i < total; i += 1) {
  const due = started + (i * 1000) / CALLBACKS_PER_SECOND
  const wait = due - now()
  if (wait > 0) await sleep(wait)
  const signed = signedCallbacks[i]
  sentAt.set(`bench-${i}`, now())
  posts.push(
    request(signed.url, { method: 'POST', headers: signed.headers, body: signed.body }).then(
      (r) => r.status,
    ),
  )
}
const statuses = await Promise.all(posts)
const expected = total * CLIENTS
const drainUntil = now() + 5000
while (received < expected && now() < drainUntil) await sleep(50)
const sseLoop = benchLoop.read()
const sseRelay = await relay.probe()
for (const controller of controllers) controller.abort()

// --- 2. proxy overhead -----------------------------------------------------------------------------
const path = stack.interactions
const direct = []
const viaRelay = []
async function timed(url, init) {
  const t0 = now()
  const response = await request(url, init)
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
  return now() - t0
}
for (let i = 0; i < 50; i += 1) {
  await timed(`${upstream}${path}`, { headers: directHeaders })
  await timed(`${relay.url}${path}`, { headers: { cookie } })
}
await relay.probe()
benchLoop.reset()
const proxyCpuBefore = relay.usage().cpuSeconds
for (let i = 0; i < PROXY_REQUESTS; i += 1) {
  direct.push(await timed(`${upstream}${path}`, { headers: directHeaders }))
  viaRelay.push(await timed(`${relay.url}${path}`, { headers: { cookie } }))
}
const proxyCpu = relay.usage().cpuSeconds - proxyCpuBefore
const proxyLoop = benchLoop.read()
const proxyRelay = await relay.probe()

const machine = machineLine()
await stack.stop()

const sse = sortedOf(latencies)
const [directSorted, relayedSorted] = [sortedOf(direct), sortedOf(viaRelay)]
const addedP50 = percentile(relayedSorted, 50) - percentile(directSorted, 50)
const addedP99 = percentile(relayedSorted, 99) - percentile(directSorted, 99)
console.log(machine)
console.log(
  `relay: callback → SSE event, ${CLIENTS} clients, ${CALLBACKS_PER_SECOND} callbacks/s for ${SECONDS} s`,
)
console.log(`  callbacks answered 204: ${statuses.filter((s) => s === 204).length}/${total}`)
console.log(`  events delivered: ${received}/${expected}`)
console.log(`  ${spread(sse)} (target p99 ≤ ${TARGET_SSE_P99} ms)`)
if (sseRelay !== null) {
  console.log(
    `  of which in the relay, Redis append → frame written to the socket: p50 ${ms(sseRelay.fanout.p50)} · p99 ${ms(sseRelay.fanout.p99)} (whole-ms stream ids: up to 1 ms more); relay event-loop delay ${delayText(sseRelay.loop)}`,
  )
}
console.log(`  event-loop delay of this bench (sender and all 100 readers): ${delayText(sseLoop)}`)
console.log(
  `relay: proxy overhead on GET …/interactions, ${PROXY_REQUESTS} sequential requests each (node:http, kept alive)`,
)
console.log(`  direct ${spread(directSorted)} · via relay ${spread(relayedSorted)}`)
console.log(
  `  added p50 ${ms(addedP50)} · p99 ${ms(addedP99)} (target p99 ≤ ${TARGET_PROXY_P99} ms)`,
)
console.log(
  `  relay CPU per proxied request: ${((proxyCpu / PROXY_REQUESTS) * 1e6).toFixed(0)} µs (CPU time: less affected by other load than the latencies, not immune to it)`,
)
if (proxyRelay !== null) console.log(`  relay event-loop delay: ${delayText(proxyRelay.loop)}`)
console.log(`  event-loop delay of this bench: ${delayText(proxyLoop)}`)
process.exit(received === expected ? 0 : 1)
