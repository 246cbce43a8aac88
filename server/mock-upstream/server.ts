import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { getResponse } from 'msw'
import { createMockBackend, type MockBackend, type MockBackendOptions } from '@/mocks/backend'
import type { CallbackDelivery } from '@/mocks/outcome'
import { BACKOFF, backoffDelay } from '@/lib/backoff'

/**
 * The built-in mock backend (the same msw handlers and Mutation Engine as the browser demo) as a
 * plain HTTP server, for the relay to sit in front of. Each request becomes a Fetch `Request`
 * and is answered by msw's `getResponse` over the backend's handlers, so there is no second copy
 * of the mock's logic. Each write's signed callback is POSTed to its `callbackUrl`, retried with
 * backoff when the receiver is unreachable or answers 5xx/408/429 (a 4xx is final).
 */
export type MockUpstream = {
  backend: MockBackend
  server: Server
  url: string
  /** Outcome of each delivery attempt, newest last (for tests and the console). */
  deliveryLog: DeliveryAttempt[]
  /** Resolves once no callback delivery is in flight or waiting for a retry. */
  deliveriesSettled(): Promise<void>
  close(): Promise<void>
}

export type DeliveryAttempt = {
  url: string
  attempt: number
  status: number | null
  error?: string
}

export type MockUpstreamOptions = MockBackendOptions & {
  host?: string
  port?: number
  /** Delivery attempts per callback (first try included). */
  deliveryAttempts?: number
  /** Delay before the first retry; doubles each time. */
  retryBaseMs?: number
  log?: (line: string) => void
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  if (request.method === 'GET' || request.method === 'HEAD') return null
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function toFetchRequest(request: IncomingMessage, body: Buffer | null, origin: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const controller = new AbortController()
  request.on('close', () => {
    controller.abort()
  })
  return new Request(new URL(request.url ?? '/', origin), {
    method: request.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : null,
    signal: controller.signal,
  })
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  res.writeHead(response.status, headers)
  if (!response.body) {
    res.end()
    return
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
  res.on('close', () => body.destroy())
  body.pipe(res)
  await new Promise<void>((resolve) => {
    body.on('end', resolve)
    body.on('error', () => {
      resolve()
    })
    body.on('close', resolve)
  })
}

function retryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429
}

export async function startMockUpstream(options: MockUpstreamOptions = {}): Promise<MockUpstream> {
  const backend = createMockBackend({ baseUrl: '*', ...options })
  const attempts = options.deliveryAttempts ?? 5
  const redelivery = {
    ...BACKOFF.mockCallbackRedelivery,
    baseMs: options.retryBaseMs ?? BACKOFF.mockCallbackRedelivery.baseMs,
  }
  const log = options.log ?? (() => undefined)
  const deliveryLog: DeliveryAttempt[] = []
  let inFlight = 0
  let settledWaiters: (() => void)[] = []
  const settle = () => {
    if (inFlight > 0) return
    const waiters = settledWaiters
    settledWaiters = []
    for (const resolve of waiters) resolve()
  }

  const deliver = async (delivery: CallbackDelivery) => {
    inFlight += 1
    try {
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        try {
          // The same signed bytes each time: the receiver refuses a nonce it already took.
          const response = await fetch(delivery.url, {
            method: 'POST',
            headers: delivery.headers,
            body: delivery.body,
            signal: AbortSignal.timeout(10_000),
          })
          await response.body?.cancel()
          deliveryLog.push({ url: delivery.url, attempt, status: response.status })
          if (!retryable(response.status)) return
          log(`callback to ${delivery.url}: ${response.status} (attempt ${attempt})`)
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          deliveryLog.push({ url: delivery.url, attempt, status: null, error: message })
          log(`callback to ${delivery.url} failed: ${message} (attempt ${attempt})`)
        }
        if (attempt < attempts) {
          const wait = backoffDelay(redelivery, attempt - 1)
          await new Promise((resolve) => setTimeout(resolve, wait))
        }
      }
    } finally {
      inFlight -= 1
      settle()
    }
  }
  const unsubscribe = backend.engine.subscribeDeliveries((delivery) => {
    void deliver(delivery)
  })

  let origin = 'http://127.0.0.1'
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req)
        const request = toFetchRequest(req, body, origin)
        const response = await getResponse(backend.handlers, request)
        if (!response) {
          res.writeHead(404, { 'content-type': 'application/json' })
          res.end(
            JSON.stringify({
              statusCode: 404,
              message: 'Not found.',
              error: { code: 'not_found' },
            }),
          )
          return
        }
        await writeResponse(response, res)
      } catch (error) {
        log(`mock upstream failed: ${error instanceof Error ? error.message : String(error)}`)
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
        res.end()
      }
    })()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  origin = `http://${host}:${address.port}`

  return {
    backend,
    server,
    url: origin,
    deliveryLog,
    deliveriesSettled: async () => {
      await backend.engine.idle()
      await new Promise<void>((resolve) => {
        settledWaiters.push(resolve)
        settle()
      })
    },
    close: async () => {
      unsubscribe()
      backend.reset()
      server.closeAllConnections()
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      })
    },
  }
}
