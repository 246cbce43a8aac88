import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { createParser, type EventSourceMessage } from 'eventsource-parser'
import { Redis } from 'ioredis'
import { signCallback, type MutationOutcome } from '../../src/api/contract.js'
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

export type TestRedis = { url: string; stop(): Promise<void> }

/**
 * `redis-server` on a free port (or the given one, to bring a stopped Redis back at the same
 * address), without persistence; fails plainly when it is not installed.
 */
export async function startRedis(atPort?: number): Promise<TestRedis> {
  const port = atPort ?? (await freePort())
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
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
    stop: async () => {
      const exited = new Promise<void>((resolve) =>
        child.once('exit', () => {
          resolve()
        }),
      )
      child.kill('SIGTERM')
      await exited
    },
  }
}

export const SECRETS = {
  utrechtKey: 'key-utrecht-7d1f0b2c9e',
  utrechtSecret: 'whsec_test_utrecht_a81c55e0d3',
  rijnmondKey: 'key-rijnmond-4b6e8a1f27',
  rijnmondSecret: 'whsec_test_rijnmond_0c9d7e3b12',
  session: 'session-secret-for-tests-0123456789abcdef',
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

export type RunningRelay = Relay & { url: string; config: RelayConfig; logs: LogCapture }

/** Builds and starts a relay on a free loopback port; its public URL is its own address. */
export async function startRelay(env: Env, options: RelayOptions = {}): Promise<RunningRelay> {
  const port = await freePort()
  const config = loadConfig(
    testEnv({ RELAY_PUBLIC_URL: `http://127.0.0.1:${port}`, RELAY_PORT: String(port), ...env }),
  )
  const logs = new LogCapture()
  const relay = await buildRelay(config, { ...options, logStream: logs })
  await relay.app.listen({ host: '127.0.0.1', port })
  return { ...relay, url: `http://127.0.0.1:${port}`, config, logs }
}

export type Recorded = { method: string; url: string; headers: IncomingHttpHeaders; body: string }

/** An upstream that records what reached it and answers like the API's 202 / 200. */
export async function startRecordingUpstream(): Promise<{
  url: string
  requests: Recorded[]
  close(): Promise<void>
}> {
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
  if (response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    void (async () => {
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
