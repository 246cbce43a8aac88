// The start-up both relay benches share (bench/relay.mjs, bench/relay-load.mjs): Debian's
// redis-server, the HTTP mock upstream, the local identity provider, relay processes (each as
// `npm run relay` starts it, with the bench probe preloaded), sign-in, and the small measuring
// helpers. Every process started here is stopped when the bench exits, however it exits.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import {
  Agent as HttpAgent,
  createServer as createHttpServer,
  request as httpRequest,
} from 'node:http'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { register } from 'tsx/esm/api'

register()
const { HEADER_API_KEY } = await import('../../src/api/contract.ts')
const { REGIONS } = await import('../../src/mocks/regions.ts')
const { startIdentityProvider } = await import('../../server/idp/provider.ts')
const { signIn } = await import('../../server/test/kit.ts')

export { REGIONS }
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
export const now = () => performance.now()
/** Wall-clock milliseconds with a fraction: comparable across processes and threads (and with
 * the milliseconds of a Redis stream id, which are Redis's wall clock on this machine). */
export const epochNow = () => performance.timeOrigin + performance.now()

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

export const sortedOf = (values) => Float64Array.from(values).sort()
/** The p-th percentile of an ascending array (NaN when empty). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
export const ms = (value) => `${value.toFixed(1)} ms`
/** "p50 … · p99 …" of an ascending array, in ms. */
export const spread = (sorted, ps = [50, 99]) =>
  ps.map((p) => `p${p} ${ms(percentile(sorted, p))}`).join(' · ')

export async function waitFor(url) {
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
export function processUsage(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime
  return { rss, cpuSeconds: ticks / 100 }
}

/** The machine line every relay figure is printed under. */
export function machineLine() {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')
  return `machine: ${cpus().length} cores, load average ${load} (1/5/15 min). Everything below shares these cores: redis-server, every relay, and this bench's own senders and readers; figures compare only at low load.`
}

/** Event-loop delay of this thread (resolution 5 ms): how late its timers and reads ran. */
export function loopDelay() {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  return {
    reset: () => histogram.reset(),
    /** p50 / p99 / max in ms since the last reset. */
    read: () => ({
      p50: histogram.percentile(50) / 1e6,
      p99: histogram.percentile(99) / 1e6,
      max: histogram.max / 1e6,
    }),
  }
}
export const delayText = (d) => `p50 ${ms(d.p50)} · p99 ${ms(d.p99)} · max ${ms(d.max)}`

// --- processes ---------------------------------------------------------------------------------
const children = new Set()
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
}
process.on('exit', stopAll)

/** Ends the bench (exit 1) if it runs past `seconds`. Returns a function that cancels it. */
export function deadline(name, seconds) {
  const timer = setTimeout(() => {
    console.error(`${name}: took longer than ${seconds} s, stopping`)
    stopAll()
    process.exit(1)
  }, seconds * 1000)
  return () => clearTimeout(timer)
}

export function requireRedis(name) {
  if (spawnSync('redis-server', ['--version']).error) {
    console.log(`${name}: redis-server is not installed (apt-get install -y redis-server)`)
    process.exit(1)
  }
}

/** redis-server on a free loopback port, without persistence (nothing here must outlive it). */
export async function startRedis() {
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  children.add(child)
  return { url: `redis://127.0.0.1:${port}`, child }
}

/** The HTTP mock upstream (msw handlers and engine, real signed callbacks), no engine latency. */
export async function startMockUpstream() {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/mock-upstream/main.ts'], {
    stdio: 'ignore',
    env: { ...process.env, MOCK_UPSTREAM_PORT: String(port), MOCK_LATENCY_MS: '0' },
  })
  children.add(child)
  const url = `http://127.0.0.1:${port}`
  await waitFor(`${url}/`)
  return { url, child, stop: () => child.kill('SIGTERM') }
}

/** Headers of a direct call to the mock upstream (its first region's key). */
export const directHeaders = { [HEADER_API_KEY]: REGIONS[0].apiKey }

/** The path of the first candidate's `GET …/interactions` on the mock. */
export async function interactionsPath(upstreamUrl) {
  const response = await fetch(`${upstreamUrl}/api/v2/candidates?pageSize=1`, {
    headers: directHeaders,
  })
  const list = await response.json()
  return `/api/v2/candidates/${list.data[0].id}/interactions`
}

/**
 * A plain Node server that answers every request with one recorded answer of the mock for
 * `path`: at hundreds of requests/s the mock (msw handlers and its engine) queues on a small
 * shared machine, and then "direct" would measure the mock's queue, not the relay.
 */
export async function cannedUpstream(mockUrl, path) {
  const recorded = await fetch(`${mockUrl}${path}`, { headers: directHeaders })
  const body = Buffer.from(await recorded.arrayBuffer())
  const type = recorded.headers.get('content-type') ?? 'application/json'
  const server = createHttpServer((req, res) => {
    req.resume()
    res.writeHead(200, { 'content-type': type, 'content-length': body.length })
    res.end(body)
  })
  server.keepAliveTimeout = 60_000 // longer than the clients' own, so no reuse races
  let connections = 0
  server.on('connection', () => {
    connections += 1
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** TCP connections opened to it so far (a pooled, kept-alive client opens few). */
    connections: () => connections,
    close: () => server.close(),
  }
}

/** The local identity provider, for one demo counsellor's real sign-in. */
export const startIdp = () => startIdentityProvider()

/**
 * The relays' environment: the mock's regions (keys and secrets the mock knows) plus `extra`
 * regions ({ id, apiKey, secret }) the bench signs callbacks for itself; Anna's demo group
 * (`ct-utrecht-counsellors`) is granted all of them.
 */
export function relayEnv({ idp, upstream, redis, publicUrl, extra = [] }) {
  const regions = [...REGIONS.map((r) => ({ ...r, secret: r.signingSecret })), ...extra]
  const env = {
    ...process.env,
    RELAY_OIDC_ISSUER: idp.issuer,
    RELAY_OIDC_CLIENT_ID: idp.clientId,
    RELAY_OIDC_CLIENT_SECRET: idp.clientSecret,
    RELAY_OIDC_SCOPES: 'openid profile email groups',
    RELAY_ACCESS_RULES: JSON.stringify({
      'ct-utrecht-counsellors': { regions: regions.map((r) => r.id), roles: ['counsellor'] },
    }),
    RELAY_UPSTREAM_ORIGIN: upstream,
    RELAY_PUBLIC_URL: publicUrl,
    RELAY_REGIONS: regions.map((r) => r.id).join(','),
    RELAY_DEFAULT_REGION: REGIONS[0].id,
    RELAY_REDIS_URL: redis,
    RELAY_SESSION_SECRET: 'bench-only-session-secret-0123456789abcdef',
    RELAY_LOG_LEVEL: 'error',
  }
  for (const region of regions) {
    const prefix = `RELAY_REGION_${region.id.toUpperCase().replace(/-/g, '_')}`
    env[`${prefix}_API_KEY`] = region.apiKey
    env[`${prefix}_CALLBACK_SECRET`] = region.secret
  }
  return env
}

const PROBE = new URL('./probe.mjs', import.meta.url).pathname
const probeDir = mkdtempSync(join(tmpdir(), 'relay-bench-'))
process.on('exit', () => rmSync(probeDir, { recursive: true, force: true }))

/**
 * A relay process on `port` (`server/src/main.ts`, as `npm run relay` starts it) with the bench
 * probe (probe.mjs) preloaded. BENCH_CPU_PROF=<folder>: the relay writes a V8 CPU profile there
 * when it stops (open it in Chrome DevTools → Performance, or speedscope).
 */
export function relayInstance(env, port, options = {}) {
  const instance = {
    port,
    /** The checkout whose relay code runs (default: this one); see BENCH_AB in relay-load.mjs. */
    cwd: options.cwd ?? process.cwd(),
    url: `http://127.0.0.1:${port}`,
    child: null,
    exited: null,
    probeFile: join(probeDir, `probe-${port}.json`),
    async start() {
      const profile = process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []
      const child = spawn(
        process.execPath,
        [...profile, '--import', 'tsx', '--import', PROBE, 'server/src/main.ts'],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
          cwd: instance.cwd,
          env: { ...env, RELAY_PORT: String(port), RELAY_PROBE_FILE: instance.probeFile },
        },
      )
      children.add(child)
      instance.child = child
      instance.exited = new Promise((resolve) => child.once('exit', resolve))
      await waitFor(`${instance.url}/healthz`)
    },
    /** SIGTERM (drain, as an orchestrator stops it); resolves when it has exited. */
    async stop() {
      instance.child.kill('SIGTERM')
      await instance.exited
      children.delete(instance.child)
    },
    usage: () => processUsage(instance.child.pid),
    /**
     * The probe's figures since the last call (then reset): the relay's event-loop delay, and
     * Redis append (stream id) → the event's frame handed to a client socket (`res.write`).
     */
    async probe() {
      rmSync(instance.probeFile, { force: true })
      instance.child.kill('SIGUSR2')
      for (let i = 0; i < 100 && !existsSync(instance.probeFile); i += 1) await sleep(20)
      try {
        return JSON.parse(readFileSync(instance.probeFile, 'utf8'))
      } catch {
        return null
      }
    },
  }
  return instance
}

/** Anna (a demo counsellor) signs in at `url` through the identity provider: her cookie. */
export async function signInAnna(url) {
  return (await signIn({ url }, 'anna')).cookie
}

/**
 * The whole start-up of a relay bench: redis-server, the HTTP mock upstream, the identity
 * provider, `instances` relays (one public URL, the first's, as behind a load balancer) and
 * Anna signed in. `canned`: the relays' upstream, and the one "direct" calls go to, are two
 * plain servers replaying one recorded answer of the mock (see cannedUpstream); otherwise both
 * are the mock. `extra`: regions beside the mock's (relayEnv). `ab`: a checkout whose relay code
 * instance 0 runs. Ends the bench after `seconds`.
 */
export async function startStack({ name, seconds, instances = 1, canned = false, extra, ab }) {
  requireRedis(name)
  const cancelDeadline = deadline(name, seconds)
  const redis = await startRedis()
  const mock = await startMockUpstream()
  const interactions = await interactionsPath(mock.url)
  const replayed = canned
    ? [await cannedUpstream(mock.url, interactions), await cannedUpstream(mock.url, interactions)]
    : []
  if (canned) mock.stop()
  const [forRelays, forDirect] = replayed
  const ports = []
  for (let k = 0; k < instances; k += 1) ports.push(await freePort())
  const publicUrl = `http://127.0.0.1:${ports[0]}`
  const idp = await startIdp()
  const upstream = forRelays?.url ?? mock.url
  const env = relayEnv({ idp, upstream, redis: redis.url, publicUrl, extra })
  const relays = ports.map((port, k) => relayInstance(env, port, ab && k === 0 ? { cwd: ab } : {}))
  await Promise.all(relays.map((relay) => relay.start()))
  return {
    redis,
    relays,
    publicUrl,
    interactions,
    /** Where the relays forward to, and where "direct" calls go (the same bytes). */
    upstream: { relays: upstream, direct: forDirect?.url ?? mock.url },
    /** TCP connections the relays opened to their upstream (canned only). */
    upstreamConnections: () => forRelays?.connections() ?? NaN,
    cookie: await signInAnna(publicUrl),
    /** Stops the relays (SIGTERM: CPU profiles are written then) and the rest. */
    async stop() {
      cancelDeadline()
      await Promise.all(relays.map((relay) => relay.stop()))
      for (const server of replayed) server.close()
      if (!canned) mock.stop()
      await idp.close()
    },
  }
}

// --- a well-known SSE hub beside the relay: nginx with Nchan ------------------------------------
const NCHAN_MODULE = '/usr/lib/nginx/modules/ngx_nchan_module.so'

/** Debian's nginx with the Nchan module: `apt-get install -y nginx-light libnginx-mod-nchan`. */
export function nchanAvailable() {
  return !spawnSync('nginx', ['-v']).error && existsSync(NCHAN_MODULE)
}

/**
 * `count` nginx servers with Nchan, one worker process each, sharing one Redis (Nchan's way to run
 * several servers, as the relays share theirs): EventSource subscribers at `/sub/<channel>`,
 * publishers (HTTP POST, the body is the event's data) at `/pub/<channel>`, events named
 * `mutation` as the relay's are, and each channel's messages kept in Redis for 15 minutes (up to
 * 20,000), so a client resumes by `Last-Event-ID` as it does at the relay.
 */
export async function startNchanHubs(count, redisUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-nchan-'))
  const hubs = []
  for (let k = 0; k < count; k += 1) {
    const port = await freePort()
    const home = join(dir, String(k))
    mkdirSync(home)
    const conf = join(home, 'nginx.conf')
    writeFileSync(
      conf,
      `load_module ${NCHAN_MODULE};
user root;
worker_processes 1;
worker_rlimit_nofile 16384;
error_log ${join(home, 'error.log')} warn;
pid ${join(home, 'nginx.pid')};
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${join(home, 'body')};
  proxy_temp_path ${join(home, 'proxy')};
  fastcgi_temp_path ${join(home, 'fastcgi')};
  uwsgi_temp_path ${join(home, 'uwsgi')};
  scgi_temp_path ${join(home, 'scgi')};
  upstream hub_redis { nchan_redis_server ${redisUrl}; }
  server {
    listen 127.0.0.1:${port};
    location ~ ^/sub/([\\w-]+)$ {
      nchan_subscriber eventsource;
      nchan_channel_id $1;
      nchan_eventsource_event mutation;
      nchan_redis_pass hub_redis;
    }
    location ~ ^/pub/([\\w-]+)$ {
      nchan_publisher;
      nchan_channel_id $1;
      nchan_message_buffer_length 20000;
      nchan_message_timeout 15m;
      nchan_redis_pass hub_redis;
    }
  }
}
`,
    )
    const child = spawn('nginx', ['-p', home, '-c', conf, '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    children.add(child)
    const url = `http://127.0.0.1:${port}`
    await waitFor(`${url}/`) // 404: it listens
    // The one worker does the work; the master only watches it.
    const worker = Number(
      spawnSync('pgrep', ['-P', String(child.pid)])
        .stdout.toString()
        .trim(),
    )
    hubs.push({
      url,
      cwd: 'nginx + Nchan',
      child,
      usage: () => processUsage(worker),
      probe: async () => null,
    })
  }
  return {
    hubs,
    async stop() {
      await Promise.all(
        hubs.map(
          ({ child }) =>
            new Promise((resolve) => {
              child.once('exit', resolve)
              child.kill('SIGQUIT')
            }),
        ),
      )
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The body of a succeeded create's outcome, as the Mutation Engine reports it (callback `key`). */
export function outcomeBody(key) {
  return {
    idempotencyKey: key,
    status: 'succeeded',
    operation: 'create',
    resource: 'interaction',
    candidateId: 'rec1',
    recordIds: ['rec2'],
    completedAt: new Date().toISOString(),
  }
}

/**
 * The bench's own HTTP client: node:http with one kept-alive pool per process (64 sockets an
 * origin). fetch costs several times its CPU per request, and the sending thread's delay adds to
 * every figure it times (its event-loop delay is printed).
 */
const agent = new HttpAgent({ keepAlive: true, maxSockets: 64 })
export function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent }, (res) => {
      let size = 0
      res.on('data', (chunk) => {
        size += chunk.length
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, size }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
