// `npm run bench:relay-load`: several relays under load, over loopback only, bounded in time
// (about 3 minutes; stopped at 6) and count. Two relay instances (each its own process, as
// `npm run relay` starts it), one redis-server, the HTTP mock upstream. Prints:
// 1. callback received → event at the client, p50/p95/p99, with 1,000 SSE clients per instance
//    and 200 callbacks/s for 30 s; events lost and delivered twice, counted by the clients;
// 2. memory of a relay per 1,000 idle SSE connections; CPU per 100 callbacks/s;
// 3. what the proxy adds to `GET …/interactions` at 200 requests/s, p50/p99, over the upstream;
// 4. run 1 again with one instance restarted (SIGTERM, started again) in the middle.
//
// Every stream and read is a signed-in counsellor's, as in production: the local identity
// provider (server/idp/provider.ts) runs in this process and one demo counsellor signs in once
// through it (the test kit's signIn: real redirects, cookies and tokens); all clients share her
// session cookie, as tabs of one browser would. Her access (RELAY_ACCESS_RULES below) covers the
// load regions. The bench posts no writes through the proxy, so the per-counsellor write limit
// does not apply (callbacks are not limited); the run (minutes) stays far inside the session's
// idle and absolute timeouts, and the streams' heartbeat session checks are part of the load.
//
// File descriptors: this process holds one socket per client (2,000) and each relay one per
// client plus Redis. Raise the limit first if `ulimit -n` says less than 8192:
//   ulimit -n 16384 && npm run bench:relay-load
// Scale: BENCH_CLIENTS (per instance, 1000), BENCH_RATE (callbacks/s, 200), BENCH_SECONDS (30),
// BENCH_SCOPES (regions the clients and callbacks spread over, 20; 1 = every client sees every
// callback, the worst case for fan-out).
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer as createHttpServer, get as httpGet } from 'node:http'
import { createServer } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { createParser } from 'eventsource-parser'
import { register } from 'tsx/esm/api'

if (process.env.BENCH_BUILT === '1') {
  console.log('relay load bench: not part of `npm run bench` (minutes, 4,000 sockets);')
  console.log('run it on its own: npm run bench:relay-load')
  process.exit(0)
}

register()
const { signCallback, HEADER_API_KEY } = await import('../src/api/contract.ts')
const { REGIONS } = await import('../src/mocks/regions.ts')
const { startIdentityProvider } = await import('../server/idp/provider.ts')
const { signIn } = await import('../server/test/kit.ts')

const CLIENTS_PER_INSTANCE = Number(process.env.BENCH_CLIENTS ?? 1000)
const RATE = Number(process.env.BENCH_RATE ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const SCOPES = Number(process.env.BENCH_SCOPES ?? 20)
const PROXY_RATE = 200
const PROXY_SECONDS = 10
const TARGETS = { p99: 50, memoryPer1000: 50, proxyP99: 5 }

const ulimit = Number(spawnSync('sh', ['-c', 'ulimit -n']).stdout.toString().trim())
const fdsNeeded = 2 * CLIENTS_PER_INSTANCE + 500
if (Number.isFinite(ulimit) && ulimit < fdsNeeded) {
  console.log(
    `relay load bench: needs about ${fdsNeeded} file descriptors, ulimit -n is ${ulimit}.`,
  )
  console.log(
    `raise it first: ulimit -n ${Math.max(8192, fdsNeeded * 2)} && npm run bench:relay-load`,
  )
  process.exit(1)
}
if (spawnSync('redis-server', ['--version']).error) {
  console.log('relay load bench: redis-server is not installed (apt-get install -y redis-server)')
  process.exit(1)
}

const children = new Set()
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
}
process.on('exit', stopAll)
const deadline = setTimeout(() => {
  console.error('relay load bench: took longer than 6 minutes, stopping')
  stopAll()
  process.exit(1)
}, 360_000)

function freePort() {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const now = () => performance.now()

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const sortedOf = (values) => Float64Array.from(values).sort()

async function waitFor(url) {
  for (let i = 0; i < 300; i += 1) {
    try {
      const response = await fetch(url)
      await response.body?.cancel()
      return // any HTTP answer: it listens
    } catch {
      // not up yet
    }
    await sleep(100)
  }
  throw new Error(`${url} did not come up`)
}

/** Resident memory (bytes) and CPU time (seconds, user + system) of a process, from /proc. */
function processUsage(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime
  return { rss, cpuSeconds: ticks / 100 }
}

// --- processes -------------------------------------------------------------------------------
const [redisPort, upstreamPort] = [await freePort(), await freePort()]
const redisChild = spawn(
  'redis-server',
  ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  { stdio: 'ignore' },
)
children.add(redisChild)
const upstreamChild = spawn(process.execPath, ['--import', 'tsx', 'server/mock-upstream/main.ts'], {
  stdio: 'ignore',
  env: { ...process.env, MOCK_UPSTREAM_PORT: String(upstreamPort), MOCK_LATENCY_MS: '0' },
})
children.add(upstreamChild)
const mockUpstream = `http://127.0.0.1:${upstreamPort}`
await waitFor(`${mockUpstream}/`)

// The proxy figure needs an upstream that is not itself the bottleneck: the mock (msw handlers
// and its engine) queues at 200 requests/s on a small shared machine, and then "direct" measures
// the mock's queue. So one real answer of the mock for GET …/interactions is recorded, and a
// plain Node server serves those bytes to both the direct and the relayed requests.
const apiHeaders = { [HEADER_API_KEY]: REGIONS[0].apiKey }
const list = await (
  await fetch(`${mockUpstream}/api/v2/candidates?pageSize=1`, { headers: apiHeaders })
).json()
const interactions = `/api/v2/candidates/${list.data[0].id}/interactions`
const recorded = await fetch(`${mockUpstream}${interactions}`, { headers: apiHeaders })
const recordedBody = Buffer.from(await recorded.arrayBuffer())
const recordedType = recorded.headers.get('content-type') ?? 'application/json'
upstreamChild.kill('SIGTERM')
const cannedUpstream = createHttpServer((req, res) => {
  req.resume()
  res.writeHead(200, { 'content-type': recordedType, 'content-length': recordedBody.length })
  res.end(recordedBody)
})
cannedUpstream.keepAliveTimeout = 60_000 // longer than the clients' own, so no reuse races
await new Promise((resolve) => cannedUpstream.listen(0, '127.0.0.1', resolve))
const upstream = `http://127.0.0.1:${cannedUpstream.address().port}`

// The load regions are the relay's own (the callbacks are signed here); the proxy part uses the
// mock's first region, whose key the mock upstream knows.
const loadRegions = Array.from({ length: SCOPES }, (_, i) => ({
  id: `load-${String(i + 1).padStart(2, '0')}`,
  apiKey: `bench-key-${i + 1}`,
  secret: `bench-callback-secret-${i + 1}-0123456789`,
}))
const instances = [
  { port: await freePort(), child: null },
  { port: await freePort(), child: null },
]
for (const instance of instances) instance.url = `http://127.0.0.1:${instance.port}`
// One public URL for both, as behind a load balancer; sign-in's redirects come back to it.
const publicUrl = instances[0].url
const idp = await startIdentityProvider()
const relayEnv = {
  ...process.env,
  RELAY_OIDC_ISSUER: idp.issuer,
  RELAY_OIDC_CLIENT_ID: idp.clientId,
  RELAY_OIDC_CLIENT_SECRET: idp.clientSecret,
  RELAY_OIDC_SCOPES: 'openid profile email groups',
  // The demo group of the counsellor who signs in below, granted every region of the bench.
  RELAY_ACCESS_RULES: JSON.stringify({
    'ct-utrecht-counsellors': {
      regions: [REGIONS[0].id, ...loadRegions.map((region) => region.id)],
      roles: ['counsellor'],
    },
  }),
  RELAY_UPSTREAM_ORIGIN: upstream,
  RELAY_PUBLIC_URL: publicUrl,
  RELAY_REGIONS: [REGIONS[0].id, ...loadRegions.map((region) => region.id)].join(','),
  RELAY_DEFAULT_REGION: REGIONS[0].id,
  RELAY_REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  RELAY_SESSION_SECRET: 'bench-only-session-secret-0123456789abcdef',
  RELAY_LOG_LEVEL: 'error',
  [`RELAY_REGION_${REGIONS[0].id.toUpperCase()}_API_KEY`]: REGIONS[0].apiKey,
  [`RELAY_REGION_${REGIONS[0].id.toUpperCase()}_CALLBACK_SECRET`]: REGIONS[0].signingSecret,
}
for (const region of loadRegions) {
  const prefix = `RELAY_REGION_${region.id.toUpperCase().replace(/-/g, '_')}`
  relayEnv[`${prefix}_API_KEY`] = region.apiKey
  relayEnv[`${prefix}_CALLBACK_SECRET`] = region.secret
}

async function startInstance(instance) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...relayEnv, RELAY_PORT: String(instance.port) },
  })
  children.add(child)
  instance.child = child
  instance.exited = new Promise((resolve) => child.once('exit', resolve))
  await waitFor(`${instance.url}/healthz`)
}
await Promise.all(instances.map(startInstance))
const { cookie } = await signIn({ url: publicUrl }, 'anna')

// --- clients ---------------------------------------------------------------------------------
const KEY_MARK = '"idempotencyKey":"bench'

/** Whether stream id `a` (`<ms>-<seq>`; both parts fit a double here) comes after `b`. */
function isAfter(a, b) {
  const [aMs, aSeq] = a.split('-').map(Number)
  const [bMs, bSeq] = b.split('-').map(Number)
  return aMs > bMs || (aMs === bMs && aSeq > bSeq)
}

/** Received callback indices per client; latencies in ms for every delivery. */
let latencies = []
let sentAt = new Float64Array(0)

/**
 * An EventSource-like client behind a load balancer: parses with eventsource-parser, and when
 * the stream ends or fails it waits the server's `retry:` and opens the other instance with the
 * `Last-Event-ID` it last saw. It reads with node:http (chunked decoding in C) rather than
 * fetch's web streams: 2,000 of them must keep up with 20,000 events/s in this one process.
 */
function openClient(scope, home) {
  const client = {
    scope,
    received: [],
    outOfOrder: 0,
    opened: 0,
    lastId: null,
    closed: false,
    request: null,
    close() {
      client.closed = true
      client.request?.destroy()
    },
  }
  let retry = 1000
  let turn = home
  const parser = createParser({
    onEvent(message) {
      if (message.event !== 'mutation') {
        if (message.id) client.lastId = message.id // `ready`: the resume point
        return
      }
      if (client.lastId !== null && !isAfter(message.id, client.lastId)) client.outOfOrder += 1
      client.lastId = message.id
      // The key is `bench<i>`; found by position rather than by parsing the whole JSON.
      const at = message.data.indexOf(KEY_MARK) + KEY_MARK.length
      const index = Number(message.data.slice(at, message.data.indexOf('"', at)))
      client.received.push(index)
      latencies.push(now() - sentAt[index])
    },
    onRetry(ms) {
      retry = ms
    },
  })
  const connectOnce = () =>
    new Promise((resolve) => {
      const instance = instances[turn % instances.length]
      turn += 1
      const headers = {
        accept: 'text/event-stream',
        cookie,
        'x-relay-region': loadRegions[scope].id,
      }
      if (client.lastId !== null) headers['last-event-id'] = client.lastId
      parser.reset()
      const request = httpGet(
        `${instance.url}/api/v2/events`,
        { headers, agent: false },
        (response) => {
          response.on('error', resolve)
          response.on('close', resolve)
          if (response.statusCode !== 200) {
            response.resume()
            return
          }
          client.opened += 1
          response.setEncoding('utf8')
          response.on('data', (text) => parser.feed(text))
        },
      )
      request.on('error', resolve)
      client.request = request
    })
  void (async () => {
    while (!client.closed) {
      await connectOnce()
      if (client.closed) return
      await sleep(retry)
    }
  })()
  return client
}

async function openClients() {
  const clients = []
  for (const [home] of instances.entries()) {
    for (let i = 0; i < CLIENTS_PER_INSTANCE; i += 1) {
      clients.push(openClient(i % SCOPES, home))
      if (i % 100 === 99) await sleep(20) // a ramp, not a thundering herd
    }
  }
  const until = now() + 60_000
  while (clients.some((client) => client.opened === 0)) {
    if (now() > until) throw new Error('not every client could connect')
    await sleep(100)
  }
  return clients
}

// --- callbacks ---------------------------------------------------------------------------------
const total = RATE * SECONDS
async function signAll(run) {
  // Signed before the clock starts, so signing stays out of the measured path.
  const signed = []
  for (let i = 0; i < total; i += 1) {
    const region = loadRegions[i % SCOPES]
    signed.push(
      await signCallback({
        secret: region.secret,
        callbackUrl: `${publicUrl}/callbacks/${region.id}/production`,
        body: {
          idempotencyKey: `bench${i}`,
          status: 'succeeded',
          operation: 'create',
          resource: 'interaction',
          candidateId: 'rec1',
          recordIds: ['rec2'],
          completedAt: new Date().toISOString(),
        },
        timestamp: Math.floor(Date.now() / 1000),
        nonce: `run${run}-${i}-${Math.random().toString(36).slice(2)}`,
      }),
    )
  }
  return signed
}

/**
 * Posts callback `i` to an instance (round robin, like a load balancer); when it cannot take it
 * (refused, 503) the same signed bytes go to the other, as the Mutation Engine's redelivery would.
 * 204 = taken, 409 = an earlier delivery was taken. Returns whether it was taken.
 */
async function deliver(signed, i) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const instance = instances[(i + attempt) % instances.length]
    const path = new URL(signed.url).pathname
    try {
      const response = await fetch(`${instance.url}${path}`, {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
      })
      await response.body?.cancel()
      if (response.status === 204 || response.status === 409) return true
    } catch {
      // instance down: the next attempt goes to the other one
    }
    await sleep(50 * attempt)
  }
  return false
}

async function runLoad(run, clients, midway) {
  const signed = await signAll(run)
  latencies = []
  sentAt = new Float64Array(total)
  for (const client of clients) {
    client.received = []
    client.outOfOrder = 0
  }
  const cpuBefore = instances.map((instance) => processUsage(instance.child.pid).cpuSeconds)
  const started = now()
  const deliveries = []
  let midwayDone = null
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE
    const wait = due - now()
    if (wait > 0) await sleep(wait)
    if (midway && i === Math.floor(total / 2)) midwayDone = midway()
    sentAt[i] = now()
    deliveries.push(deliver(signed[i], i))
  }
  const taken = await Promise.all(deliveries)
  const elapsed = (now() - started) / 1000
  const cpu = midway
    ? null
    : instances.map(
        (instance, k) => (processUsage(instance.child.pid).cpuSeconds - cpuBefore[k]) / elapsed,
      )
  await midwayDone
  // Each client expects every taken callback of its scope, once, in order.
  const expectedOf = (scope) => {
    const keys = []
    for (let i = scope; i < total; i += SCOPES) if (taken[i]) keys.push(i)
    return keys
  }
  const expected = Array.from({ length: SCOPES }, (_, scope) => expectedOf(scope))
  const drainUntil = now() + 15_000
  const complete = () =>
    clients.every((client) => new Set(client.received).size >= expected[client.scope].length)
  while (!complete() && now() < drainUntil) await sleep(100)
  let lost = 0
  let doubled = 0
  let outOfOrder = 0
  for (const client of clients) {
    const seen = new Set(client.received)
    doubled += client.received.length - seen.size
    for (const index of expected[client.scope]) if (!seen.has(index)) lost += 1
    outOfOrder += client.outOfOrder
  }
  return {
    taken: taken.filter(Boolean).length,
    deliveries: expected.reduce((sum, keys) => sum + keys.length * (clients.length / SCOPES), 0),
    lost,
    doubled,
    outOfOrder,
    latency: sortedOf(latencies),
    cpu,
  }
}

// --- 1 and 2: idle memory, then the load --------------------------------------------------------
// Warm up first (code paths compiled, pools filled), so the growth below is the connections'.
const warmup = Array.from({ length: 40 }, (_, i) => openClient(i % SCOPES, i % 2))
while (warmup.some((client) => client.opened === 0)) await sleep(100)
for (const client of warmup) client.close()
await sleep(2000)
const idleBefore = instances.map((instance) => processUsage(instance.child.pid).rss)
let clients = await openClients()
await sleep(3000) // let the connections settle (and a GC or two pass)
const idleAfter = instances.map((instance) => processUsage(instance.child.pid).rss)
const memoryPer1000 = instances.map(
  (_, k) => ((idleAfter[k] - idleBefore[k]) / CLIENTS_PER_INSTANCE) * 1000,
)

const steady = await runLoad(1, clients, null)
for (const client of clients) client.close()

// --- 3: proxy overhead at 200 requests/s ---------------------------------------------------------
const headers = apiHeaders
let proxyFailures = 0
async function timed(url, init) {
  const t0 = now()
  try {
    const response = await fetch(url, init)
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`${url}: ${response.status}`)
  } catch {
    proxyFailures += 1
    return NaN
  }
  return now() - t0
}
/** Both paths at PROXY_RATE each, interleaved tick by tick, so both see the same machine. */
async function pacedPair() {
  const count = PROXY_RATE * PROXY_SECONDS
  const started = now()
  const direct = []
  const relayed = []
  for (let i = 0; i < count; i += 1) {
    const wait = started + (i * 1000) / PROXY_RATE - now()
    if (wait > 0) await sleep(wait)
    direct.push(timed(`${upstream}${interactions}`, { headers }))
    relayed.push(timed(`${instances[0].url}${interactions}`, { headers: { cookie } }))
  }
  const ok = (values) => values.filter((value) => !Number.isNaN(value))
  return [sortedOf(ok(await Promise.all(direct))), sortedOf(ok(await Promise.all(relayed)))]
}
for (let i = 0; i < 100; i += 1) {
  await timed(`${upstream}${interactions}`, { headers })
  await timed(`${instances[0].url}${interactions}`, { headers: { cookie } })
}
const [direct, viaRelay] = await pacedPair()

// --- 4: the same load with instance 0 restarted in the middle -------------------------------------
clients = await openClients()
const restart = async () => {
  instances[0].child.kill('SIGTERM')
  const stopStarted = now()
  await instances[0].exited
  const stopSeconds = (now() - stopStarted) / 1000
  children.delete(instances[0].child)
  await startInstance(instances[0])
  return stopSeconds
}
let stopSeconds = NaN
const restarted = await runLoad(2, clients, async () => {
  stopSeconds = await restart()
})
const reopened = clients.filter((client) => client.opened > 1).length
for (const client of clients) client.close()

clearTimeout(deadline)
const load = loadavg()
stopAll()
cannedUpstream.close()
await idp.close()

// --- report ------------------------------------------------------------------------------------
const ms = (value) => `${value.toFixed(1)} ms`
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const fanout = (2 * CLIENTS_PER_INSTANCE) / SCOPES
function printLoad(result) {
  console.log(`  callbacks taken: ${result.taken}/${total}`)
  console.log(
    `  events delivered: ${result.latency.length} (expected ${result.deliveries}) · lost ${result.lost} · delivered twice ${result.doubled} · out of stream order ${result.outOfOrder}`,
  )
  console.log(
    `  callback → client: p50 ${ms(percentile(result.latency, 50))} · p95 ${ms(percentile(result.latency, 95))} · p99 ${ms(percentile(result.latency, 99))} · max ${ms(result.latency.at(-1) ?? NaN)}`,
  )
}
console.log(
  `machine: ${cpus().length} cores, load average ${load.map((value) => value.toFixed(2)).join(' / ')} at the end (shared machine: figures compare only at low load)`,
)
console.log(
  `relay load: 2 instances, 1 Redis, ${CLIENTS_PER_INSTANCE} SSE clients per instance over ${SCOPES} region scopes (${fanout} clients per scope, so each callback fans out to ${fanout}), ${RATE} callbacks/s for ${SECONDS} s`,
)
printLoad(steady)
console.log(`  target p99 ≤ ${TARGETS.p99} ms, lost 0, twice 0`)
console.log(
  `  memory per 1,000 idle SSE connections (RSS growth): ${memoryPer1000.map(mb).join(' · ')} (target ≤ ${TARGETS.memoryPer1000} MB)`,
)
console.log(
  `  CPU per instance under load: ${steady.cpu.map((share) => `${(share * 100).toFixed(0)} %`).join(' · ')} of a core; per 100 callbacks/s (both instances): ${((steady.cpu.reduce((a, b) => a + b, 0) * 100) / (RATE / 100)).toFixed(0)} % of a core`,
)
console.log(
  `relay: proxy overhead on GET …/interactions at ${PROXY_RATE} requests/s for ${PROXY_SECONDS} s`,
)
console.log(`  failed requests: ${proxyFailures}`)
console.log(`  direct p50 ${ms(percentile(direct, 50))} · p99 ${ms(percentile(direct, 99))}`)
console.log(`  via relay p50 ${ms(percentile(viaRelay, 50))} · p99 ${ms(percentile(viaRelay, 99))}`)
const addedP99 = percentile(viaRelay, 99) - percentile(direct, 99)
console.log(
  `  added p50 ${ms(percentile(viaRelay, 50) - percentile(direct, 50))} · p99 ${ms(addedP99)} (target p99 ≤ ${TARGETS.proxyP99} ms)`,
)
console.log(
  `relay load with instance 0 restarted halfway (SIGTERM: stopped in ${stopSeconds.toFixed(1)} s, then started again):`,
)
printLoad(restarted)
console.log(`  clients that reconnected: ${reopened}`)
const ok =
  steady.lost === 0 && steady.doubled === 0 && restarted.lost === 0 && restarted.doubled === 0
process.exit(ok ? 0 : 1)
