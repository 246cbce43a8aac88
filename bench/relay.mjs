// The relay's speed on one instance, over loopback only, bounded in count and time:
// 1. callback received → event at an SSE client, p50/p99, with 100 clients and 50 callbacks/s;
// 2. what the proxy adds to `GET …/interactions` over calling the HTTP mock upstream directly.
// Starts its own redis-server, mock upstream and relay (each in its own process) and stops them.
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { register } from 'tsx/esm/api'

register()
const { signCallback, EVENT_MUTATION, HEADER_API_KEY } = await import('../src/api/contract.ts')
const { REGIONS } = await import('../src/mocks/regions.ts')
const { DEMO_ACCESS_RULES, startIdentityProvider } = await import('../server/idp/provider.ts')
const { signIn } = await import('../server/test/kit.ts')

const CLIENTS = 100
const CALLBACKS_PER_SECOND = 50
const SECONDS = 10
const PROXY_REQUESTS = 400
const TARGET_SSE_P99 = 25
const TARGET_PROXY_P99 = 5

const children = []
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
}
process.on('exit', stopAll)
const deadline = setTimeout(() => {
  console.error('relay bench: took longer than 3 minutes, stopping')
  stopAll()
  process.exit(1)
}, 180_000)

function freePort() {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function waitFor(url) {
  for (let i = 0; i < 300; i += 1) {
    try {
      const response = await fetch(url)
      await response.body?.cancel()
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  throw new Error(`${url} did not come up`)
}

if (spawnSync('redis-server', ['--version']).error) {
  console.log(
    'relay bench: skipped, redis-server is not installed (apt-get install -y redis-server)',
  )
  process.exit(0)
}

const [redisPort, upstreamPort, relayPort] = [await freePort(), await freePort(), await freePort()]
children.push(
  spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  ),
)
children.push(
  spawn(process.execPath, ['--import', 'tsx', 'server/mock-upstream/main.ts'], {
    stdio: 'ignore',
    env: { ...process.env, MOCK_UPSTREAM_PORT: String(upstreamPort), MOCK_LATENCY_MS: '0' },
  }),
)
const upstream = `http://127.0.0.1:${upstreamPort}`
const relay = `http://127.0.0.1:${relayPort}`
// Every request is a signed-in counsellor's (the session check is part of what is measured).
const idp = await startIdentityProvider()
const env = {
  ...process.env,
  RELAY_OIDC_ISSUER: idp.issuer,
  RELAY_OIDC_CLIENT_ID: idp.clientId,
  RELAY_OIDC_CLIENT_SECRET: idp.clientSecret,
  RELAY_OIDC_SCOPES: 'openid profile email groups',
  RELAY_ACCESS_RULES: DEMO_ACCESS_RULES,
  RELAY_UPSTREAM_ORIGIN: upstream,
  RELAY_PUBLIC_URL: relay,
  RELAY_PORT: String(relayPort),
  RELAY_REGIONS: REGIONS.map((region) => region.id).join(','),
  RELAY_DEFAULT_REGION: REGIONS[0].id,
  RELAY_REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  RELAY_SESSION_SECRET: 'bench-only-session-secret-0123456789abcdef',
  RELAY_LOG_LEVEL: 'error',
}
for (const region of REGIONS) {
  env[`RELAY_REGION_${region.id.toUpperCase()}_API_KEY`] = region.apiKey
  env[`RELAY_REGION_${region.id.toUpperCase()}_CALLBACK_SECRET`] = region.signingSecret
}
children.push(
  spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { stdio: 'inherit', env }),
)
await waitFor(`${upstream}/`)
await waitFor(`${relay}/healthz`)
const { cookie } = await signIn({ url: relay }, 'anna')

// --- 1. callback → SSE -------------------------------------------------------------------------
const sentAt = new Map()
const latencies = []
let received = 0
const controllers = []
async function client() {
  const controller = new AbortController()
  controllers.push(controller)
  const response = await fetch(`${relay}/api/v2/events`, {
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
          // Only outcomes count: a fresh stream's first event is \`ready\` (its resume id).
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
const callbackUrl = `${relay}/callbacks/${REGIONS[0].id}/production`
const total = CALLBACKS_PER_SECOND * SECONDS
// Signed up front, so the sender's own signing work stays out of the measured path.
const signedCallbacks = []
for (let i = 0; i < total; i += 1) {
  signedCallbacks.push(
    await signCallback({
      secret,
      callbackUrl,
      body: {
        idempotencyKey: `bench-${i}`,
        status: 'succeeded',
        operation: 'create',
        resource: 'interaction',
        candidateId: 'rec1',
        recordIds: ['rec2'],
        completedAt: new Date().toISOString(),
      },
      timestamp: Math.floor(Date.now() / 1000),
      nonce: `bench-${i}-${Math.random()}`,
    }),
  )
}
const started = performance.now()
const posts = []
for (let i = 0; i < total; i += 1) {
  const due = started + (i * 1000) / CALLBACKS_PER_SECOND
  const wait = due - performance.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  const signed = signedCallbacks[i]
  sentAt.set(`bench-${i}`, performance.now())
  posts.push(
    fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body }).then(
      (r) => r.status,
    ),
  )
}
const statuses = await Promise.all(posts)
const expected = total * CLIENTS
const drainUntil = performance.now() + 5000
while (received < expected && performance.now() < drainUntil)
  await new Promise((r) => setTimeout(r, 50))
for (const controller of controllers) controller.abort()

// --- 2. proxy overhead -----------------------------------------------------------------------------
const headers = { [HEADER_API_KEY]: REGIONS[0].apiKey }
const list = await (await fetch(`${upstream}/api/v2/candidates?pageSize=1`, { headers })).json()
const path = `/api/v2/candidates/${list.data[0].id}/interactions`
const direct = []
const viaRelay = []
async function timed(url, init) {
  const t0 = performance.now()
  const response = await fetch(url, init)
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return performance.now() - t0
}
for (let i = 0; i < 50; i += 1) {
  await timed(`${upstream}${path}`, { headers })
  await timed(`${relay}${path}`, { headers: { cookie } })
}
for (let i = 0; i < PROXY_REQUESTS; i += 1) {
  direct.push(await timed(`${upstream}${path}`, { headers }))
  viaRelay.push(await timed(`${relay}${path}`, { headers: { cookie } }))
}

clearTimeout(deadline)
stopAll()
await idp.close()

const fmt = (value) => `${value.toFixed(1)} ms`
const sseP50 = percentile(latencies, 50)
const sseP99 = percentile(latencies, 99)
const addedP50 = percentile(viaRelay, 50) - percentile(direct, 50)
const addedP99 = percentile(viaRelay, 99) - percentile(direct, 99)
console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ')} (figures compare only at low load)`,
)
console.log(
  `relay: callback → SSE event, ${CLIENTS} clients, ${CALLBACKS_PER_SECOND} callbacks/s for ${SECONDS} s`,
)
console.log(`  callbacks answered 204: ${statuses.filter((s) => s === 204).length}/${total}`)
console.log(`  events delivered: ${received}/${expected}`)
console.log(`  p50 ${fmt(sseP50)} · p99 ${fmt(sseP99)} (target p99 ≤ ${TARGET_SSE_P99} ms)`)
console.log(
  `relay: proxy overhead on GET …/interactions, ${PROXY_REQUESTS} sequential requests each`,
)
console.log(`  direct p50 ${fmt(percentile(direct, 50))} · p99 ${fmt(percentile(direct, 99))}`)
console.log(
  `  via relay p50 ${fmt(percentile(viaRelay, 50))} · p99 ${fmt(percentile(viaRelay, 99))}`,
)
console.log(
  `  added p50 ${fmt(addedP50)} · p99 ${fmt(addedP99)} (target p99 ≤ ${TARGET_PROXY_P99} ms)`,
)
process.exit(received === expected ? 0 : 1)
