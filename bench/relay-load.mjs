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
// Who measures: the SSE clients live in BENCH_WORKERS worker threads (default 2, one per core of
// this machine), so the receiving side is not one event loop; the main thread only posts the
// callbacks. Latency is printed split in legs, each measured where it happens: callback posted →
// Redis append (the stream id's milliseconds), Redis append → frame handed to the socket inside
// each relay (bench/relay-kit/probe.mjs), Redis append → parsed at the client; with every
// process's event-loop delay (relays, sender thread, client threads) beside them.
// BENCH_CPU_PROF=<folder>: each relay writes a V8 CPU profile there when it stops.
//
// File descriptors: this process holds one socket per client (2,000) and each relay one per
// client plus Redis. Raise the limit first if `ulimit -n` says less than 8192:
//   ulimit -n 16384 && npm run bench:relay-load
// Scale: BENCH_CLIENTS (per instance, 1000), BENCH_RATE (callbacks/s, 200), BENCH_SECONDS (30),
// BENCH_SCOPES (regions the clients and callbacks spread over, 20; 1 = every client sees every
// callback, the worst case for fan-out), BENCH_WORKERS (client threads, 2), BENCH_RESTART=0 (skip
// run 4), BENCH_AB (below). Decision 0079 explains how to read the output.
//
// Side by side with a well-known SSE hub: BENCH_HUB=nchan runs runs 1 and 2 against nginx with
// Nchan instead (Debian: apt-get install -y nginx-light libnginx-mod-nchan): two nginx servers of
// one worker each sharing one Redis, as the two relays do; the same client threads, the same
// callback bodies (posted to Nchan's publisher; unsigned, as Nchan checks no signature), the same
// counts. Runs 3 (Nchan is no proxy) and 4 are the relay's only. Decision 0094 compares them.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
  deadline,
  delayText,
  directHeaders,
  epochNow,
  loopDelay,
  machineLine,
  ms,
  now,
  percentile,
  processUsage,
  request,
  nchanAvailable,
  outcomeBody,
  requireRedis,
  sleep,
  sortedOf,
  spread,
  startNchanHubs,
  startRedis,
  startStack,
} from './relay-kit/stack.mjs'

if (process.env.BENCH_BUILT === '1') {
  console.log('relay load bench: not part of `npm run bench` (minutes, 4,000 sockets);')
  console.log('run it on its own: npm run bench:relay-load')
  process.exit(0)
}
const { signCallback } = await import('../src/api/contract.ts')

const CLIENTS_PER_INSTANCE = Number(process.env.BENCH_CLIENTS ?? 1000)
const RATE = Number(process.env.BENCH_RATE ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const SCOPES = Number(process.env.BENCH_SCOPES ?? 20)
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2)
const SKIP_RESTART = process.env.BENCH_RESTART === '0'
// A/B on one machine at one time: BENCH_AB=<another checkout of this repo (node_modules
// present)> runs instance 0 from that checkout's relay code and instance 1 from this one, so
// both see the same load; the figures are then printed per instance.
const AB = process.env.BENCH_AB ?? null
/** `relay` (default) or `nchan`: which hub the SSE clients read and the callbacks go to. */
const HUB = process.env.BENCH_HUB ?? 'relay'
const isNchan = HUB === 'nchan'
if (HUB !== 'relay' && !isNchan) {
  console.log(`relay load bench: BENCH_HUB is relay or nchan, not ${HUB}`)
  process.exit(1)
}
if (isNchan && !nchanAvailable()) {
  console.log('relay load bench: nginx with Nchan is not installed here;')
  console.log('apt-get install -y nginx-light libnginx-mod-nchan, then BENCH_HUB=nchan again')
  process.exit(1)
}
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
const senderLoop = loopDelay()

// --- processes -------------------------------------------------------------------------------
// The load regions are the relay's own (the callbacks are signed here); the proxy part uses the
// mock's first region, whose answer the canned upstream serves.
const loadRegions = Array.from({ length: SCOPES }, (_, i) => ({
  id: `load-${String(i + 1).padStart(2, '0')}`,
  apiKey: `bench-key-${i + 1}`,
  secret: `bench-callback-secret-${i + 1}-0123456789`,
}))
/** Two nginx + Nchan servers on one Redis, in the shape of the relay stack (what runs 1–2 use). */
async function startNchanStack() {
  requireRedis('relay load bench')
  const cancelDeadline = deadline('relay load bench', 240)
  const redis = await startRedis()
  const nchan = await startNchanHubs(2, redis.url)
  return {
    redis,
    relays: nchan.hubs,
    publicUrl: nchan.hubs[0].url,
    cookie: '',
    interactions: '',
    async stop() {
      cancelDeadline()
      await nchan.stop()
    },
  }
}
// Canned upstreams: the mock itself queues at hundreds of requests/s on this machine.
const stack = isNchan
  ? await startNchanStack()
  : await startStack({
      name: 'relay load bench',
      seconds: 360,
      instances: 2,
      canned: true,
      extra: loadRegions,
      ab: AB,
    })
const { redis, relays: instances, publicUrl, cookie, interactions } = stack
/** What the hub is called in the report. */
const HUB_NAME = isNchan ? 'nginx + Nchan' : 'relay'

// --- clients, in worker threads ----------------------------------------------------------------
const total = RATE * SECONDS
const sentShared = new SharedArrayBuffer(total * Float64Array.BYTES_PER_ELEMENT)
const sentAt = new Float64Array(sentShared)
const workers = Array.from(
  { length: WORKERS },
  () =>
    new Worker(new URL('./relay-kit/sse-clients.mjs', import.meta.url), {
      workerData: {
        instances: instances.map((instance) => instance.url),
        cookie,
        regionIds: loadRegions.map((region) => region.id),
        scopes: SCOPES,
        sentAt: sentShared,
        hub: HUB,
      },
    }),
)
/** Sends `message` to every worker; resolves with their answers. */
function ask(message) {
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve) => {
          const answer = (reply) => {
            if (reply.type !== message.type) return
            worker.off('message', answer)
            resolve(reply)
          }
          worker.on('message', answer)
          worker.postMessage(message)
        }),
    ),
  )
}
/** Opens `perInstance` clients on each instance, dealt out over the workers. */
async function openClients(perInstance) {
  const shares = workers.map(() => [])
  let k = 0
  for (const [home] of instances.entries()) {
    for (let i = 0; i < perInstance; i += 1) {
      shares[k % workers.length].push({ scope: i % SCOPES, home })
      k += 1
    }
  }
  await Promise.all(
    workers.map(
      (worker, w) =>
        new Promise((resolve) => {
          const answer = (reply) => {
            if (reply.type !== 'open') return
            worker.off('message', answer)
            resolve()
          }
          worker.on('message', answer)
          worker.postMessage({ type: 'open', clients: shares[w] })
        }),
    ),
  )
}

// --- callbacks ---------------------------------------------------------------------------------
async function signAll(run) {
  // Signed before the clock starts, so signing stays out of the measured path.
  const signed = []
  for (let i = 0; i < total; i += 1) {
    const region = loadRegions[i % SCOPES]
    const body = outcomeBody(`bench${i}`)
    if (isNchan) {
      // The same body to Nchan's publisher for the region's channel.
      signed.push({
        url: `${publicUrl}/pub/${region.id}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      continue
    }
    signed.push(
      await signCallback({
        secret: region.secret,
        callbackUrl: `${publicUrl}/callbacks/${region.id}/production`,
        body,
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
 * 204 = taken, 409 = an earlier delivery was taken. Returns the index of the instance that took
 * it, or -1 when none did.
 */
async function deliver(signed, i) {
  const path = new URL(signed.url).pathname
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const instance = instances[(i + attempt) % instances.length]
    try {
      const response = await request(`${instance.url}${path}`, {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
      })
      // The relay: 204 taken, 409 taken before. Nchan: 201 or 202, the message is stored.
      const taken = isNchan
        ? response.status === 201 || response.status === 202
        : response.status === 204 || response.status === 409
      if (taken) return (i + attempt) % instances.length
    } catch {
      // instance down: the next attempt goes to the other one
    }
    await sleep(50 * attempt)
  }
  return -1
}

function concatSorted(arrays) {
  const out = new Float64Array(arrays.reduce((sum, a) => sum + a.length, 0))
  let at = 0
  for (const a of arrays) {
    out.set(a, at)
    at += a.length
  }
  return out.sort()
}

async function runLoad(run, midway) {
  const signed = await signAll(run)
  sentAt.fill(0)
  await ask({ type: 'reset' })
  await Promise.all(instances.map((instance) => instance.probe())) // start the relays' figures
  senderLoop.reset()
  const cpuBefore = instances.map((instance) => instance.usage().cpuSeconds)
  const othersBefore = [process.pid, redis.child.pid].map((pid) => processUsage(pid).cpuSeconds)
  const started = now()
  const deliveries = []
  const appendedAfter = [] // callback posted → its 204 (the append is done by then)
  const answeredBy = instances.map(() => []) // the same, by the instance that answered
  let midwayDone = null
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE
    const wait = due - now()
    if (wait > 0) await sleep(wait)
    if (midway && i === Math.floor(total / 2)) midwayDone = midway()
    sentAt[i] = epochNow()
    deliveries.push(
      deliver(signed[i], i).then((by) => {
        const after = epochNow() - sentAt[i]
        appendedAfter.push(after)
        if (by !== -1) answeredBy[by].push(after)
        return by !== -1
      }),
    )
  }
  const takenList = await Promise.all(deliveries)
  const elapsed = (now() - started) / 1000
  const cpu = midway
    ? null
    : instances.map((instance, k) => (instance.usage().cpuSeconds - cpuBefore[k]) / elapsed)
  // This bench (sender and client threads) and redis-server, on the same cores as the relays.
  const [benchCpu, redisCpu] = [process.pid, redis.child.pid].map(
    (pid, k) => (processUsage(pid).cpuSeconds - othersBefore[k]) / elapsed,
  )
  const sender = senderLoop.read()
  await midwayDone
  const taken = Uint8Array.from(takenList, (value) => (value ? 1 : 0))
  const drainUntil = now() + 15_000
  for (;;) {
    const answers = await ask({ type: 'progress', taken })
    if (answers.every((answer) => answer.complete) || now() > drainUntil) break
    await sleep(100)
  }
  const relays = await Promise.all(instances.map((instance) => instance.probe()))
  const reports = await ask({ type: 'report', taken })
  const sum = (name) => reports.reduce((acc, report) => acc + report[name], 0)
  return {
    taken: takenList.filter(Boolean).length,
    deliveries: sum('expected'),
    lost: sum('lost'),
    doubled: sum('doubled'),
    outOfOrder: sum('outOfOrder'),
    reopened: sum('reopened'),
    latency: concatSorted(reports.flatMap((report) => report.total)),
    fromAppend: concatSorted(reports.flatMap((report) => report.fromAppend)),
    byInstance: instances.map((_, k) => ({
      latency: concatSorted(reports.map((report) => report.total[k])),
      fromAppend: concatSorted(reports.map((report) => report.fromAppend[k])),
    })),
    answered: sortedOf(appendedAfter),
    answeredBy: answeredBy.map(sortedOf),
    readers: reports.map((report) => report.loop),
    relays,
    sender,
    cpu,
    benchCpu,
    redisCpu,
  }
}

// --- 1 and 2: idle memory, then the load --------------------------------------------------------
// Warm up first (code paths compiled, pools filled), so the growth below is the connections'.
await openClients(20)
await ask({ type: 'close' })
await sleep(2000)
const idleBefore = instances.map((instance) => instance.usage().rss)
await openClients(CLIENTS_PER_INSTANCE)
await sleep(3000) // let the connections settle (and a GC or two pass)
const idleAfter = instances.map((instance) => instance.usage().rss)
const memoryPer1000 = instances.map(
  (_, k) => ((idleAfter[k] - idleBefore[k]) / CLIENTS_PER_INSTANCE) * 1000,
)

const steady = await runLoad(1, null)
await ask({ type: 'close' })

// --- 3: proxy overhead at 200 requests/s ---------------------------------------------------------
// (the relay's only: Nchan is no proxy)
async function proxyRun() {
  let proxyFailures = 0
  async function timed(url, init) {
    const t0 = now()
    try {
      const response = await request(url, init)
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
    } catch {
      proxyFailures += 1
      return NaN
    }
    return now() - t0
  }
  // Instance 0; with BENCH_AB both instances, so the two relays' figures compare.
  const proxied = AB !== null ? instances : [instances[0]]
  /** Every path at PROXY_RATE, interleaved tick by tick, so all see the same machine. */
  async function pacedPaths() {
    const count = PROXY_RATE * PROXY_SECONDS
    const started = now()
    const direct = []
    const relayed = proxied.map(() => [])
    for (let i = 0; i < count; i += 1) {
      const wait = started + (i * 1000) / PROXY_RATE - now()
      if (wait > 0) await sleep(wait)
      direct.push(timed(`${stack.upstream.direct}${interactions}`, { headers: directHeaders }))
      proxied.forEach((instance, k) => {
        relayed[k].push(timed(`${instance.url}${interactions}`, { headers: { cookie } }))
      })
    }
    const ok = (values) => values.filter((value) => !Number.isNaN(value))
    return {
      direct: sortedOf(ok(await Promise.all(direct))),
      relayed: await Promise.all(
        relayed.map(async (list) => sortedOf(ok(await Promise.all(list)))),
      ),
    }
  }
  for (let i = 0; i < 100; i += 1) {
    await timed(`${stack.upstream.direct}${interactions}`, { headers: directHeaders })
    for (const instance of proxied)
      await timed(`${instance.url}${interactions}`, { headers: { cookie } })
  }
  await Promise.all(proxied.map((instance) => instance.probe()))
  senderLoop.reset()
  const proxyCpuBefore = proxied.map((instance) => instance.usage().cpuSeconds)
  const connectionsBefore = stack.upstreamConnections()
  const { direct, relayed } = await pacedPaths()
  const proxyCpu = proxied.map((instance, k) => instance.usage().cpuSeconds - proxyCpuBefore[k])
  const proxyRelays = await Promise.all(proxied.map((instance) => instance.probe()))
  const upstreamConnections = stack.upstreamConnections() - connectionsBefore
  const proxySender = senderLoop.read()
  return {
    proxied,
    direct,
    relayed,
    proxyCpu,
    proxyRelays,
    upstreamConnections,
    proxySender,
    proxyFailures,
  }
}
const proxy = isNchan ? null : await proxyRun()

// --- 4: the same load with instance 0 restarted in the middle -------------------------------------
let stopSeconds = NaN
let restarted = null
if (!SKIP_RESTART && !isNchan) {
  await openClients(CLIENTS_PER_INSTANCE)
  restarted = await runLoad(2, async () => {
    const stopStarted = now()
    await instances[0].stop()
    stopSeconds = (now() - stopStarted) / 1000
    await instances[0].start()
  })
  await ask({ type: 'close' })
}

const machine = machineLine()
await stack.stop() // the relays' CPU profiles are written now
await Promise.all(workers.map((worker) => worker.terminate()))

// --- report ------------------------------------------------------------------------------------
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const fanout = (2 * CLIENTS_PER_INSTANCE) / SCOPES
const P3 = [50, 95, 99]
function printLoad(result) {
  console.log(`  callbacks taken: ${result.taken}/${total}`)
  console.log(
    `  events delivered: ${result.latency.length} (expected ${result.deliveries}) · lost ${result.lost} · delivered twice ${result.doubled} · out of stream order ${result.outOfOrder}`,
  )
  console.log(
    `  callback posted → parsed at the client: ${spread(result.latency, P3)} · max ${ms(result.latency.at(-1) ?? NaN)}`,
  )
  console.log('  where it goes (each leg measured where it happens; percentiles do not add up):')
  console.log(
    isNchan
      ? `    callback posted → answered 201/202 (stored):   ${spread(result.answered, P3)}`
      : `    callback posted → answered 204 (append done):  ${spread(result.answered, P3)}`,
  )
  result.relays.forEach((probe, k) => {
    if (probe === null) return
    console.log(
      `    relay ${k}: Redis append → frame written to the socket: p50 ${ms(probe.fanout.p50)} · p99 ${ms(probe.fanout.p99)} · max ${ms(probe.fanout.max)} (${probe.fanout.count} writes); its event-loop delay ${delayText(probe.loop)}`,
    )
    if (probe.gc !== undefined) {
      console.log(
        `      its garbage collection: ${probe.gc.count} pauses, ${ms(probe.gc.total)} in all, longest ${ms(probe.gc.max)}, ${probe.gc.over10} over 10 ms`,
      )
    }
  })
  if (result.fromAppend.length > 0) {
    console.log(
      `    Redis append → parsed at the client:          ${spread(result.fromAppend, P3)} (the relay's part above, then the kernel and the reading thread)`,
    )
  }
  if (AB !== null) {
    result.answeredBy.forEach((own, k) => {
      console.log(
        `    callbacks answered by relay ${k} (${instances[k].cwd}): posted → answered 204 ${spread(own, P3)} (${own.length})`,
      )
    })
    result.byInstance.forEach((own, k) => {
      console.log(
        `    clients of relay ${k} (${instances[k].cwd}): posted → parsed ${spread(own.latency, P3)}; append → parsed ${spread(own.fromAppend, P3)}`,
      )
    })
  }
  console.log(`    event-loop delay of the sender thread: ${delayText(result.sender)}`)
  result.readers.forEach((loop, w) => {
    console.log(`    event-loop delay of client thread ${w}: ${delayText(loop)}`)
  })
  if (!isNchan) {
    console.log(
      '    (stream ids carry whole milliseconds: legs measured from the append read up to 1 ms long)',
    )
  }
  const pct = (share) => `${(share * 100).toFixed(0)} %`
  const relaysCpu = result.cpu === null ? '' : `${HUB_NAME} ${result.cpu.map(pct).join(' + ')}, `
  console.log(
    `  CPU meanwhile, of the ${cpus().length * 100} % this machine has: ${relaysCpu}redis-server ${pct(result.redisCpu)}, this bench (sending and reading) ${pct(result.benchCpu)}; the rest went to other work on the machine`,
  )
}
console.log(machine)
console.log(
  `${isNchan ? 'nginx + Nchan load (BENCH_HUB=nchan): 2 servers of 1 worker each' : 'relay load: 2 instances'}, 1 Redis, ${CLIENTS_PER_INSTANCE} SSE clients per instance over ${SCOPES} region scopes (${fanout} clients per scope, so each callback fans out to ${fanout}), ${RATE} callbacks/s for ${SECONDS} s`,
)
console.log(
  `  clients read in ${WORKERS} worker thread(s) of this process (BENCH_WORKERS); callbacks are posted from its main thread (node:http, kept alive)`,
)
printLoad(steady)
console.log(`  target p99 ≤ ${TARGETS.p99} ms, lost 0, twice 0`)
console.log(
  `  memory per 1,000 idle SSE connections (RSS growth): ${memoryPer1000.map(mb).join(' · ')} (target ≤ ${TARGETS.memoryPer1000} MB)`,
)
const relayCpuSum = steady.cpu.reduce((a, b) => a + b, 0)
console.log(
  `  CPU per instance under load: ${steady.cpu.map((share) => `${(share * 100).toFixed(0)} %`).join(' · ')} of a core; per 100 callbacks/s (both instances): ${((relayCpuSum * 100) / (RATE / 100)).toFixed(0)} % of a core; ${HUB_NAME} CPU per event delivered to a client (callback handling included): ${((relayCpuSum * SECONDS * 1e6) / Math.max(1, steady.latency.length)).toFixed(1)} µs`,
)
if (proxy !== null) {
  console.log(
    `relay: proxy overhead on GET …/interactions at ${PROXY_RATE} requests/s for ${PROXY_SECONDS} s (direct = a plain Node server replaying one recorded answer of the mock)`,
  )
  console.log(`  failed requests: ${proxy.proxyFailures}`)
  console.log(
    `  TCP connections the relay${proxy.proxied.length > 1 ? 's' : ''} opened to the upstream meanwhile: ${proxy.upstreamConnections}, for ${PROXY_RATE * PROXY_SECONDS * proxy.proxied.length} requests (a pool of kept-alive connections, at most 64 per relay)`,
  )
  console.log(`  direct ${spread(proxy.direct)}`)
  proxy.proxied.forEach((instance, k) => {
    const via = proxy.relayed[k]
    const name = AB !== null ? `relay ${k} (${instance.cwd})` : 'relay'
    console.log(`  via ${name}: ${spread(via)}`)
    console.log(
      `    added p50 ${ms(percentile(via, 50) - percentile(proxy.direct, 50))} · p99 ${ms(percentile(via, 99) - percentile(proxy.direct, 99))} (target p99 ≤ ${TARGETS.proxyP99} ms)`,
    )
    console.log(
      `    relay CPU per proxied request: ${((proxy.proxyCpu[k] / (PROXY_RATE * PROXY_SECONDS)) * 1e6).toFixed(0)} µs (CPU time: less affected by other load than the latencies, not immune to it)`,
    )
    if (proxy.proxyRelays[k] !== null) {
      console.log(`    its event-loop delay meanwhile: ${delayText(proxy.proxyRelays[k].loop)}`)
    }
  })
  console.log(
    `  event-loop delay of this bench's thread meanwhile: ${delayText(proxy.proxySender)}`,
  )
}
if (restarted !== null) {
  console.log(
    `relay load with instance 0 restarted halfway (SIGTERM: stopped in ${stopSeconds.toFixed(1)} s, then started again):`,
  )
  printLoad(restarted)
  console.log(`  clients that reconnected: ${restarted.reopened}`)
}
// --- side by side: the same load on nginx + Nchan, when it is installed ---------------------------
/** Run 1's headline figures, as the side-by-side table prints them. */
const summary = {
  p50: percentile(steady.latency, 50),
  p95: percentile(steady.latency, 95),
  p99: percentile(steady.latency, 99),
  max: steady.latency.at(-1) ?? NaN,
  answeredP99: percentile(steady.answered, 99),
  lost: steady.lost,
  doubled: steady.doubled,
  outOfOrder: steady.outOfOrder,
  cpuPerEventMicros: (relayCpuSum * SECONDS * 1e6) / Math.max(1, steady.latency.length),
  cpuShare: relayCpuSum / steady.cpu.length,
  memoryPer1000: memoryPer1000.reduce((a, b) => a + b, 0) / memoryPer1000.length,
  benchCpu: steady.benchCpu,
}
if (process.env.BENCH_SUMMARY_FILE)
  writeFileSync(process.env.BENCH_SUMMARY_FILE, JSON.stringify(summary))
if (!isNchan && process.env.BENCH_NCHAN !== '0') {
  console.log('')
  if (!nchanAvailable()) {
    console.log(
      'side by side: nginx with Nchan is not installed here (apt-get install -y nginx-light libnginx-mod-nchan); no comparison run',
    )
  } else {
    console.log('side by side: the same run 1 on nginx + Nchan (BENCH_NCHAN=0 skips it)')
    const file = join(mkdtempSync(join(tmpdir(), 'bench-summary-')), 'nchan.json')
    spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_HUB: 'nchan', BENCH_SUMMARY_FILE: file },
    })
    const other = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
    rmSync(dirname(file), { recursive: true, force: true })
    if (other === null) console.log('  the nginx + Nchan run gave no figures (see above)')
    else {
      const rows = [
        ['callback posted → parsed at the client, p50', (x) => ms(x.p50)],
        ['… p95', (x) => ms(x.p95)],
        [`… p99 (target ≤ ${TARGETS.p99} ms)`, (x) => ms(x.p99)],
        ['… max', (x) => ms(x.max)],
        ['callback posted → answered (stored), p99', (x) => ms(x.answeredP99)],
        ['lost · twice · out of order', (x) => `${x.lost} · ${x.doubled} · ${x.outOfOrder}`],
        [
          'CPU per event delivered (callback included)',
          (x) => `${x.cpuPerEventMicros.toFixed(1)} µs`,
        ],
        ['CPU of one instance under load', (x) => `${(x.cpuShare * 100).toFixed(0)} % of a core`],
        ['memory per 1,000 idle SSE connections', (x) => mb(x.memoryPer1000)],
        ["this bench's own CPU meanwhile", (x) => `${(x.benchCpu * 100).toFixed(0)} %`],
      ]
      console.log(`side by side (run 1, the same clients, bodies and counts):`)
      console.log(`  ${''.padEnd(46)} ${'relay'.padStart(16)} ${'nginx + Nchan'.padStart(16)}`)
      for (const [label, format] of rows)
        console.log(
          `  ${label.padEnd(46)} ${format(summary).padStart(16)} ${format(other).padStart(16)}`,
        )
    }
  }
}
const ok =
  steady.lost === 0 &&
  steady.doubled === 0 &&
  (restarted === null || (restarted.lost === 0 && restarted.doubled === 0))
process.exit(ok ? 0 : 1)
