import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { createParser, type EventSourceMessage } from 'eventsource-parser'
import { Redis } from 'ioredis'
import { CookieJar } from 'tough-cookie'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { signCallback, type MutationOutcome } from '../../src/api/contract.js'
import {
  DEMO_ACCESS_RULES,
  DEMO_CLIENT_ID,
  startIdentityProvider,
  type IdentityProvider,
} from '../idp/provider.js'
import { buildRelay, type Relay, type RelayOptions } from '../src/app.js'
import { loadConfig, type Env, type RelayConfig } from '../src/config.js'

/** Test helpers for the relay: a private Redis, a recording upstream, SSE and callback clients. */

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve()
    }),
  )
  return port
}

export type TestRedis = {
  url: string
  /** Its data folder (append-only files). */
  dir: string
  /** Stops it; `keepData` leaves the folder for another instance to start from. */
  stop(options?: { keepData?: boolean }): Promise<void>
}

/**
 * `redis-server` on a free port (or `port`, to bring a stopped Redis back at the same address)
 * with append-only persistence in a temporary folder, or `dir` (as the audit trail needs in
 * production); fails plainly when it is not installed.
 */
export async function startRedis(
  options: { dir?: string; port?: number; args?: readonly string[] } = {},
): Promise<TestRedis> {
  const port = options.port ?? (await freePort())
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'relay-redis-'))
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--dir',
      dir,
      ...(options.args ?? []),
    ],
    { stdio: 'ignore' },
  )
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', () => {
      reject(new Error('redis-server is not installed (Debian: apt-get install -y redis-server)'))
    })
  })
  const url = `redis://127.0.0.1:${port}`
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  probe.on('error', () => undefined)
  const ready = (async () => {
    for (let i = 0; i < 100; i += 1) {
      try {
        await probe.connect()
        await probe.ping()
        probe.disconnect()
        return
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
    throw new Error('redis-server did not start')
  })()
  await Promise.race([ready, failed])
  return {
    url,
    dir,
    stop: async (stopOptions = {}) => {
      const exited = new Promise<void>((resolve) =>
        child.once('exit', () => {
          resolve()
        }),
      )
      // Redis refuses a SIGTERM while it writes its first append-only file (a replica right
      // after a full copy: "Writing initial AOF, can't exit"), so it is asked again until it goes.
      child.kill('SIGTERM')
      const again = setInterval(() => child.kill('SIGTERM'), 250)
      await exited
      clearInterval(again)
      if (!stopOptions.keepData) rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const SECRETS = {
  utrechtKey: 'key-utrecht-7d1f0b2c9e',
  utrechtSecret: 'whsec_test_utrecht_a81c55e0d3',
  rijnmondKey: 'key-rijnmond-4b6e8a1f27',
  rijnmondSecret: 'whsec_test_rijnmond_0c9d7e3b12',
  session: 'session-secret-for-tests-0123456789abcdef',
  oidcClient: 'oidc-client-secret-for-tests-5f2a9c',
} as const

export function testEnv(overrides: Env = {}): Env {
  return {
    RELAY_UPSTREAM_ORIGIN: 'http://127.0.0.1:9',
    RELAY_PUBLIC_URL: 'http://127.0.0.1:9',
    RELAY_REGIONS: 'utrecht,rijnmond',
    RELAY_DEFAULT_REGION: 'utrecht',
    RELAY_REGION_UTRECHT_API_KEY: SECRETS.utrechtKey,
    RELAY_REGION_UTRECHT_CALLBACK_SECRET: SECRETS.utrechtSecret,
    RELAY_REGION_RIJNMOND_API_KEY: SECRETS.rijnmondKey,
    RELAY_REGION_RIJNMOND_CALLBACK_SECRET: SECRETS.rijnmondSecret,
    RELAY_REDIS_URL: 'redis://127.0.0.1:6379',
    RELAY_SESSION_SECRET: SECRETS.session,
    RELAY_OIDC_ISSUER: 'http://127.0.0.1:9',
    RELAY_OIDC_CLIENT_ID: DEMO_CLIENT_ID,
    RELAY_OIDC_CLIENT_SECRET: SECRETS.oidcClient,
    RELAY_OIDC_SCOPES: 'openid profile email groups',
    RELAY_ACCESS_RULES: DEMO_ACCESS_RULES,
    RELAY_LOG_LEVEL: 'info',
    ...overrides,
  }
}

/** Collects every log line the relay writes. */
export class LogCapture extends Writable {
  lines: string[] = []
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line) this.lines.push(line)
    done()
  }
}

export type RunningRelay = Relay & {
  url: string
  config: RelayConfig
  logs: LogCapture
  /** The local identity provider this relay signs in with. */
  idp: IdentityProvider
}

/**
 * Builds and starts a relay on a free loopback port; its public URL is its own address. Unless
 * `idp` is given, it gets its own local identity provider (oidc-provider), stopped with it.
 */
export async function startRelay(
  env: Env,
  options: Omit<RelayOptions, 'logStream'> & { idp?: IdentityProvider } = {},
): Promise<RunningRelay> {
  const { idp: sharedIdp, ...relayOptions } = options
  const port = await freePort()
  const idp = sharedIdp ?? (await startIdentityProvider({ clientSecret: SECRETS.oidcClient }))
  const config = loadConfig(
    testEnv({
      RELAY_PUBLIC_URL: `http://127.0.0.1:${port}`,
      RELAY_PORT: String(port),
      RELAY_OIDC_ISSUER: idp.issuer,
      ...env,
    }),
  )
  const logs = new LogCapture()
  const relay = await buildRelay(config, { ...relayOptions, logStream: logs })
  await relay.app.listen({ host: '127.0.0.1', port })
  return {
    ...relay,
    url: `http://127.0.0.1:${port}`,
    config,
    logs,
    idp,
    close: async () => {
      await relay.close()
      if (!sharedIdp) await idp.close()
    },
  }
}

/** A browser's cookie handling for Node's fetch: a tough-cookie jar, redirects one by one. */
export class Browser {
  readonly jar = new CookieJar()

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const href = String(url)
    const headers = new Headers(init.headers)
    const cookie = await this.jar.getCookieString(href)
    if (cookie) headers.set('cookie', cookie)
    const response = await fetch(href, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) await this.jar.setCookie(line, href)
    return response
  }

  /** Follows redirects from `url` until a page answers or `stop` says to stop at a location. */
  async follow(
    url: string | URL,
    init: RequestInit = {},
    stop: (location: URL) => boolean = () => false,
  ): Promise<{ response: Response; url: URL }> {
    let current = new URL(url)
    let response = await this.fetch(current, init)
    for (let hops = 0; hops < 20; hops += 1) {
      const location = response.headers.get('location')
      if (response.status < 300 || response.status >= 400 || location === null) break
      const next = new URL(location, current)
      await response.body?.cancel()
      if (stop(next)) return { response, url: next }
      current = next
      response = await this.fetch(current)
    }
    return { response, url: current }
  }
}

/** A signed-in counsellor: their browser, and headers for requests made without it. */
export type Counsellor = {
  browser: Browser
  /** The Cookie header the relay expects (session cookie). */
  cookie: string
  /** Headers of a request from the app: the cookie, and for writes Origin + the app's header. */
  headers(method?: string): Record<string, string>
  /** A request to the relay as the app makes it (`path` below the relay's address). */
  request(path: string, init?: RequestInit): Promise<Response>
  /** The relay's authorization callback URL this sign-in used (to replay it). */
  callbackUrl: URL
}

/** Walks the authorization code flow up to the relay's callback (not taken yet). */
export async function startSignIn(
  relay: { url: string },
  login: string,
  returnTo = '/',
  browser = new Browser(),
): Promise<{ browser: Browser; callbackUrl: URL }> {
  const atCallback = (location: URL) => location.href.startsWith(`${relay.url}/auth/callback`)
  const page = await browser.follow(
    `${relay.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
    {},
    atCallback,
  )
  if (atCallback(page.url)) return { browser, callbackUrl: page.url }
  const html = await page.response.text()
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
  if (!action)
    throw new Error(`no login form at ${page.url.href} (${String(page.response.status)})`)
  const submitted = await browser.follow(
    new URL(action, page.url),
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
    },
    atCallback,
  )
  if (!atCallback(submitted.url)) throw new Error(`sign-in of ${login} did not return to the relay`)
  return { browser, callbackUrl: submitted.url }
}

/** Signs `login` (a demo counsellor of server/idp/provider.ts) in at the relay. */
export async function signIn(relay: { url: string }, login: string): Promise<Counsellor> {
  const { browser, callbackUrl } = await startSignIn(relay, login)
  const landing = await browser.fetch(callbackUrl)
  await landing.body?.cancel()
  if (landing.status !== 302) throw new Error(`callback answered ${String(landing.status)}`)
  return counsellorOf(relay, browser, callbackUrl)
}

export async function counsellorOf(
  relay: { url: string },
  browser: Browser,
  callbackUrl: URL,
): Promise<Counsellor> {
  const cookie = await browser.jar.getCookieString(relay.url)
  const headers = (method = 'GET'): Record<string, string> =>
    method === 'GET' || method === 'HEAD'
      ? { cookie }
      : { cookie, origin: relay.url, 'x-candidate-timeline': '1' }
  return {
    browser,
    cookie,
    headers,
    callbackUrl,
    request: (path, init = {}) => {
      const method = init.method ?? 'GET'
      return fetch(`${relay.url}${path}`, {
        ...init,
        headers: { ...headers(method), ...Object.fromEntries(new Headers(init.headers)) },
      })
    },
  }
}

export type Recorded = { method: string; url: string; headers: IncomingHttpHeaders; body: string }

export type RecordingUpstream = { url: string; requests: Recorded[]; close(): Promise<void> }

/** An upstream that records what reached it and answers like the API's 202 / 200. */
export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const requests: Recorded[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      const write = req.method !== 'GET' && req.method !== 'HEAD'
      res.writeHead(write ? 202 : 200, {
        'content-type': 'application/json',
        'set-cookie': 'upstream=1',
      })
      res.end(
        JSON.stringify({
          statusCode: write ? 202 : 200,
          message: 'ok',
          data: [],
          meta: { sandboxEnabled: false },
        }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}

export function outcome(overrides: Partial<MutationOutcome> = {}): MutationOutcome {
  return {
    idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
    status: 'succeeded',
    operation: 'create',
    resource: 'interaction',
    candidateId: 'rec123',
    recordIds: ['rec456'],
    completedAt: '2026-12-06T04:00:00.000Z',
    ...overrides,
  }
}

let nonceCounter = 0

/** POSTs a callback signed like the upstream does, with room to tamper with any part. */
export async function postCallback(input: {
  relayUrl: string
  path: string
  secret: string
  body: MutationOutcome
  timestamp?: number
  nonce?: string
  signedPath?: string
  tamper?: (signed: { url: string; headers: Record<string, string>; body: string }) => void
}): Promise<Response> {
  nonceCounter += 1
  const signedUrl = `${input.relayUrl}${input.signedPath ?? input.path}`
  const signed = await signCallback({
    secret: input.secret,
    callbackUrl: signedUrl,
    body: input.body,
    timestamp: input.timestamp ?? Math.floor(Date.now() / 1000),
    nonce: input.nonce ?? `nonce-${Date.now()}-${nonceCounter}`,
  })
  const request = {
    url: `${input.relayUrl}${input.path}`,
    headers: { ...signed.headers },
    body: signed.body,
  }
  input.tamper?.(request)
  return fetch(request.url, { method: 'POST', headers: request.headers, body: request.body })
}

export type SseClient = {
  events: EventSourceMessage[]
  status: number
  headers: Headers
  raw: () => string
  /** Settles when the relay ends the stream (or it is closed here). */
  ended: Promise<void>
  waitFor(count: number): Promise<EventSourceMessage[]>
  close(): void
}

/** Reads an SSE stream with fetch (like the app does) and collects its messages. */
export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseClient> {
  const controller = new AbortController()
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  })
  const events: EventSourceMessage[] = []
  let raw = ''
  const waiters: (() => void)[] = []
  const parser = createParser({
    onEvent(message) {
      // The relay's `ready` event only carries a fresh stream's resume id (tested on its own).
      if (message.event === 'ready') return
      events.push(message)
      for (const wake of waiters.splice(0)) wake()
    },
  })
  let ended: Promise<void> = Promise.resolve()
  if (response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    ended = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          raw += value
          parser.feed(value)
        }
      } catch {
        // aborted
      }
    })()
  }
  return {
    events,
    status: response.status,
    headers: response.headers,
    raw: () => raw,
    ended,
    async waitFor(count) {
      while (events.length < count) {
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
      return events.slice(0, count)
    },
    close: () => {
      controller.abort()
    },
  }
}

/** Waits until `check` holds (polling); the test's own timeout bounds it. */
export async function eventually(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** What a test file's relays stand on; filled in before its first test. */
export type Stage<Login extends string, Upstream> = {
  redis: TestRedis
  upstream: Upstream
  /** The relay instances, all on one Redis and one identity provider. */
  relays: RunningRelay[]
  /** The first instance. */
  relay: RunningRelay
  /** Instance `index` (0 is `relay`); throws when there are not that many. */
  instance(index: number): RunningRelay
  /** The counsellors of `signIn`, signed in at the first instance. */
  as: Record<Login, Counsellor>
}

type StageOptions<Login extends string> = {
  /** Settings beside the stage's own Redis and upstream (see testEnv for the rest). */
  env?: Env
  /** Relay instances (default 1). */
  instances?: number
  /** Demo counsellors to sign in (server/idp/provider.ts). */
  signIn?: readonly Login[]
  /**
   * Before each test: an empty Redis, and the counsellors signed in again. Otherwise they sign
   * in once, before the first test. Either way a recording upstream forgets what reached it.
   */
  freshEachTest?: boolean
}

/**
 * A private Redis and one client on it (RESP2), started before the first test of a file and
 * stopped after the last, for tests of a relay part without a relay. `ready` gets the client.
 */
export function useRedisClient(ready: (client: Redis) => void): void {
  let redis: TestRedis | null = null
  let client: Redis | null = null
  beforeAll(async () => {
    redis = await startRedis()
    client = new Redis(redis.url, { protocol: 2 })
    ready(client)
  })
  afterAll(async () => {
    client?.disconnect()
    await redis?.stop()
  })
}

type Closable = { url: string; close(): Promise<void> }

/**
 * The opening every relay test file shares: a private Redis, an upstream (a recording one
 * unless `upstream` starts another), `instances` relays on them, and signed-in counsellors,
 * started before the first test and stopped after the last. `ready` gets the stage each time it
 * is (re)made, for the file to keep the parts it uses in its own variables.
 */
export function useRelays<Login extends string, Upstream extends Closable = RecordingUpstream>(
  // Without `upstream` the stage's is a recording one: leave `Upstream` to its default then.
  options: StageOptions<Login> & { upstream?: () => Promise<Upstream> },
  ready: (stage: Stage<Login, Upstream>) => void,
): void {
  let stage: Stage<Login, Closable> | null = null
  const start: () => Promise<Closable> = options.upstream ?? startRecordingUpstream
  const signInAll = async (relay: RunningRelay) => {
    const logins = options.signIn ?? []
    const signedIn = await Promise.all(logins.map((login) => signIn(relay, login)))
    return Object.fromEntries(logins.map((login, at) => [login, signedIn[at]])) as Record<
      Login,
      Counsellor
    >
  }
  beforeAll(async () => {
    const redis = await startRedis()
    const upstream = await start()
    const env = { RELAY_REDIS_URL: redis.url, RELAY_UPSTREAM_ORIGIN: upstream.url, ...options.env }
    const relay = await startRelay(env)
    const relays = [relay]
    for (let i = 1; i < (options.instances ?? 1); i += 1) {
      relays.push(await startRelay(env, { idp: relay.idp }))
    }
    const instance = (index: number) => {
      const found = relays[index]
      if (!found) throw new Error(`the stage has ${String(relays.length)} relay instances`)
      return found
    }
    stage = { redis, upstream, relays, relay, instance, as: await signInAll(relay) }
    ready(stage as Stage<Login, Upstream>)
  })
  afterAll(async () => {
    if (stage === null) return
    // The first instance last: the others share its identity provider.
    for (const relay of [...stage.relays].reverse()) await relay.close()
    await stage.upstream.close()
    await stage.redis.stop()
  })
  beforeEach(async () => {
    if (stage === null) return
    if ('requests' in stage.upstream && Array.isArray(stage.upstream.requests)) {
      stage.upstream.requests.length = 0
    }
    if (!options.freshEachTest) return
    await stage.relay.redis.flushall()
    stage.as = await signInAll(stage.relay)
    ready(stage as Stage<Login, Upstream>)
  })
}
