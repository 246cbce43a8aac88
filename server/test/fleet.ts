import { spawn, type ChildProcess } from 'node:child_process'
import { createParser } from 'eventsource-parser'
import { signCallback, type SignedCallback } from '../../src/api/contract.js'
import { parseOutcome } from '../../src/api/events.js'
import type { Env } from '../src/config.js'
import { freePort, outcome, postCallback, SECRETS, testEnv } from './kit.js'

/** Test helpers for several relay instances: reconnecting SSE clients and callback delivery. */

export type Received = { id: string; key: string }

export type ReconnectingClient = {
  received: Received[]
  /** Event names other than `mutation` (e.g. `resync`). */
  others: string[]
  /** How many times the stream was (re)opened with status 200. */
  opened: number
  /** How many of those opened streams have ended (by the server, a reset or close()). */
  ended: number
  /** The URLs of the successful opens, in order. */
  openedAt: string[]
  close(): void
}

/**
 * Behaves like a browser's EventSource behind a load balancer: when a stream ends or fails it
 * waits the server's `retry:` (or `retryMs`), then opens the next URL of the list with the
 * `Last-Event-ID` it last saw. Parsing is eventsource-parser's, as in the app.
 */
export function reconnectingClient(
  urls: readonly string[],
  options: { start?: number; retryMs?: number; headers?: Record<string, string> } = {},
): ReconnectingClient {
  const controller = new AbortController()
  const state: ReconnectingClient = {
    received: [],
    others: [],
    opened: 0,
    ended: 0,
    openedAt: [],
    close: () => {
      controller.abort()
    },
  }
  const cursor: { lastId: string | null } = { lastId: null }
  const closed = () => controller.signal.aborted
  let retry = options.retryMs ?? 50
  let turn = options.start ?? 0
  void (async () => {
    while (!closed()) {
      const url = urls[turn % urls.length] ?? ''
      turn += 1
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers }
        if (cursor.lastId !== null) headers['last-event-id'] = cursor.lastId
        const response = await fetch(url, { headers, signal: controller.signal })
        if (response.status === 200 && response.body) {
          state.opened += 1
          state.openedAt.push(url)
          const parser = createParser({
            onEvent(message) {
              if (message.id !== undefined) cursor.lastId = message.id
              if (message.event === 'mutation') {
                const key = parseOutcome(message.data)?.idempotencyKey ?? '?'
                state.received.push({ id: message.id ?? '', key })
              } else state.others.push(message.event ?? 'message')
            },
            onRetry(ms) {
              retry = ms
            },
          })
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
          try {
            for (;;) {
              const { done, value } = await reader.read()
              if (done) break
              parser.feed(value)
            }
          } finally {
            state.ended += 1
          }
        } else {
          await response.body?.cancel()
        }
      } catch {
        // refused, reset or aborted: try again (unless closed)
      }
      if (closed()) return
      await new Promise((resolve) => setTimeout(resolve, retry))
    }
  })()
  return state
}

export const UTRECHT_CALLBACK_PATH = '/callbacks/utrecht/production'

/** Posts a signed callback for Utrecht production to one instance. */
export function deliverTo(relayUrl: string, key: string): Promise<Response> {
  return postCallback({
    relayUrl,
    path: UTRECHT_CALLBACK_PATH,
    secret: SECRETS.utrechtSecret,
    body: outcome({ idempotencyKey: key }),
  })
}

/**
 * One signed Utrecht production callback, to post as the same bytes to any instance: the
 * signature covers path and query, not the host, so every instance behind one public URL takes it.
 */
export async function signedCallback(key: string): Promise<SignedCallback> {
  return signCallback({
    secret: SECRETS.utrechtSecret,
    callbackUrl: `http://relay.invalid${UTRECHT_CALLBACK_PATH}`,
    body: outcome({ idempotencyKey: key }),
    timestamp: Math.floor(Date.now() / 1000),
    nonce: `nonce-${key}-${Math.random().toString(36).slice(2)}`,
  })
}

export function postSigned(relayUrl: string, signed: SignedCallback): Promise<Response> {
  return fetch(`${relayUrl}${UTRECHT_CALLBACK_PATH}`, {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
  })
}

/** The keys a client received, in order. */
export const keysOf = (received: readonly Received[]): string[] => received.map((r) => r.key)

export type RelayProcess = {
  url: string
  child: ChildProcess
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>
}

/**
 * The relay as its own process (`server/src/main.ts`, as `npm run relay` starts it), so a test
 * can SIGKILL or SIGTERM it like an orchestrator does.
 */
export async function spawnRelay(env: Env): Promise<RelayProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...testEnv({ RELAY_PUBLIC_URL: url, RELAY_PORT: String(port), RELAY_LOG_LEVEL: 'warn' }),
      ...env,
    },
  })
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown')
    })
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error('the relay process ended at start')
    try {
      const response = await fetch(`${url}/healthz`)
      await response.body?.cancel()
      if (response.ok) return { url, child, exited }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
