// @vitest-environment node
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { createApiClient, type ApiConfig } from '@/api/client'
import { ApiError } from '@/api/errors'
import { apiWrites } from '@/api/writes'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://api.test'
const { server } = setupMockBackend({ isStubOnly: true })

const base: ApiConfig = {
  origin: ORIGIN,
  apiKey: 'k-1',
  environment: 'production',
  sandboxMode: 'header',
  region: 'r',
}
const meta = { sandboxEnabled: false }
const accepted = (key: string) => ({
  statusCode: 202,
  message: 'ok',
  data: { status: 'accepted', idempotencyKey: key, message: 'ok' },
  meta,
})

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

test('sends the key, and sandbox by header or by prefix', async () => {
  const seen: string[] = []
  server.use(
    http.get(`${ORIGIN}/api/:prefix/candidates/:id/interactions`, ({ request, params }) => {
      seen.push(
        `${String(params.prefix)} key=${request.headers.get('x-api-key') ?? ''} sandbox=${
          request.headers.get('x-api-sandbox') ?? '-'
        }`,
      )
      const sandboxEnabled =
        params.prefix === 'sandbox' || request.headers.get('x-api-sandbox') === 'true'
      return HttpResponse.json({
        statusCode: 200,
        message: 'ok',
        data: [],
        meta: { sandboxEnabled },
      })
    }),
  )
  await createApiClient(base).listInteractions('c1')
  await createApiClient({ ...base, environment: 'sandbox' }).listInteractions('c1')
  await createApiClient({
    ...base,
    environment: 'sandbox',
    sandboxMode: 'prefix',
  }).listInteractions('c1')
  expect(seen).toEqual([
    'v2 key=k-1 sandbox=-',
    'v2 key=k-1 sandbox=true',
    'sandbox key=k-1 sandbox=-',
  ])
})

test('a write carries the idempotency key and callback as query parameters and an array body', async () => {
  let url = ''
  let body: unknown = null
  server.use(
    http.post(`${ORIGIN}/api/v2/candidates/c1/interactions`, async ({ request }) => {
      url = request.url
      body = await request.json()
      return HttpResponse.json(accepted('key-9'), { status: 202 })
    }),
  )
  const result = await apiWrites(createApiClient(base)).createInteractions(
    'c1',
    [{ type: ['E-mail'] }],
    {
      idempotencyKey: 'key-9',
      callbackUrl: 'https://relay.test/cb',
    },
  )
  expect(result).toEqual({ echoedKey: 'key-9', sandboxEnabled: false, unreadable: null })
  expect(new URL(url).searchParams.get('idempotencyKey')).toBe('key-9')
  expect(new URL(url).searchParams.get('callbackUrl')).toBe('https://relay.test/cb')
  expect(body).toEqual([{ type: ['E-mail'] }])
})

test('a 400 becomes an ApiError with the field issues', async () => {
  server.use(
    http.post(`${ORIGIN}/api/v2/candidates/c1/interactions`, () =>
      HttpResponse.json(
        {
          statusCode: 400,
          message: 'Validation failed',
          error: {
            code: 'validation_error',
            issues: [{ path: [0, 'performedAt'], message: 'is required' }],
          },
          meta,
        },
        { status: 400 },
      ),
    ),
  )
  const error = await caught(
    apiWrites(createApiClient(base)).createInteractions('c1', [{}], { idempotencyKey: 'k' }),
  )
  expect(error.kind).toBe('validation')
  expect(error.issues).toEqual([{ path: [0, 'performedAt'], message: 'is required' }])
  expect(error.isTransient).toBe(false)
})

test('a 429 carries Retry-After in milliseconds and is transient', async () => {
  server.use(
    http.get(`${ORIGIN}/api/v2/candidates/c1`, () =>
      HttpResponse.json(
        { statusCode: 429, message: 'Too many requests', error: { code: 'rate_limited' }, meta },
        { status: 429, headers: { 'Retry-After': '2' } },
      ),
    ),
  )
  const error = await caught(createApiClient(base).getCandidate('c1'))
  expect(error.kind).toBe('rate-limited')
  expect(error.retryAfterMs).toBe(2000)
  expect(error.isTransient).toBe(true)
})

test('a 500 without a JSON body still becomes a typed server error', async () => {
  server.use(
    http.get(`${ORIGIN}/api/v2/candidates/c1`, () => new HttpResponse('boom', { status: 500 })),
  )
  const error = await caught(createApiClient(base).getCandidate('c1'))
  expect(error.kind).toBe('server')
  expect(error.code).toBe('http_500')
})

test('a network failure becomes a network error', async () => {
  server.use(http.get(`${ORIGIN}/api/v2/candidates/c1`, () => HttpResponse.error()))
  const error = await caught(createApiClient(base).getCandidate('c1'))
  expect(error.kind).toBe('network')
  expect(error.isTransient).toBe(true)
})

test('an HTML page instead of JSON says so plainly', async () => {
  server.use(
    http.get(
      `${ORIGIN}/api/v2/candidates/c1`,
      () =>
        new HttpResponse('<!doctype html><p>app</p>', { headers: { 'content-type': 'text/html' } }),
    ),
  )
  const error = await caught(createApiClient(base).getCandidate('c1'))
  expect(error.kind).toBe('invalid-response')
  expect(error.message).toMatch(/web page instead of the API/)
})

test('a response of the wrong shape names the field', async () => {
  server.use(
    http.get(`${ORIGIN}/api/v2/candidates/c1`, () =>
      HttpResponse.json({ statusCode: 200, message: 'ok', data: { id: 'c1' }, meta }),
    ),
  )
  const error = await caught(createApiClient(base).getCandidate('c1'))
  expect(error.kind).toBe('invalid-response')
  expect(error.message).toMatch(/data\.firstName/)
})

test('an aborted request rejects with the abort, not an ApiError', async () => {
  server.use(http.get(`${ORIGIN}/api/v2/candidates/c1`, () => new Promise<never>(() => undefined)))
  const controller = new AbortController()
  const pending = createApiClient(base).getCandidate('c1', controller.signal)
  controller.abort()
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
})

test('any 2xx on a write is an acceptance, even when its body cannot be read', async () => {
  const bodies = [
    () => new HttpResponse('not json', { status: 202 }),
    () => HttpResponse.json({ statusCode: 202, message: 'ok' }, { status: 202 }),
    () => new HttpResponse(null, { status: 204 }),
    // Headers arrive, then the body stream breaks.
    () =>
      new HttpResponse(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"statusCode":'))
            controller.error(new Error('connection reset'))
          },
        }),
        { status: 202, headers: { 'content-type': 'application/json' } },
      ),
  ]
  for (const respond of bodies) {
    server.use(http.post(`${ORIGIN}/api/v2/candidates/c1/interactions`, respond))
    const ack = await apiWrites(createApiClient(base)).createInteractions('c1', [{}], {
      idempotencyKey: 'k',
    })
    expect(ack.echoedKey).toBeNull()
    expect(ack.unreadable).toEqual(expect.any(String))
  }
})

test('a request that gets no answer within the timeout is a transient timeout error', async () => {
  server.use(
    http.post(
      `${ORIGIN}/api/v2/candidates/c1/interactions`,
      () => new Promise<never>(() => undefined),
    ),
    http.get(`${ORIGIN}/api/v2/candidates/c1`, () => new Promise<never>(() => undefined)),
  )
  const client = createApiClient({ ...base, timeoutMs: 30 })
  const write = await caught(
    apiWrites(client).createInteractions('c1', [{}], { idempotencyKey: 'k' }),
  )
  expect(write).toMatchObject({ kind: 'network', code: 'timeout', isTransient: true })
  const read = await caught(client.getCandidate('c1'))
  expect(read.code).toBe('timeout')
})

test('an answer from the other environment is refused as data, and reported on a write', async () => {
  const at = '2026-01-01T00:00:00Z'
  const candidate = {
    id: 'c1',
    firstName: 'A',
    lastName: 'B',
    email: 'a@b.test',
    createdAt: at,
    updatedAt: at,
  }
  server.use(
    http.get(`${ORIGIN}/api/v2/candidates/c1`, () =>
      HttpResponse.json({ statusCode: 200, message: 'ok', data: candidate, meta }),
    ),
    http.post(`${ORIGIN}/api/v2/candidates/c1/interactions`, () =>
      HttpResponse.json(accepted('k'), { status: 202 }),
    ),
  )
  const sandbox = createApiClient({ ...base, environment: 'sandbox' })
  const read = await caught(sandbox.getCandidate('c1'))
  expect(read).toMatchObject({ kind: 'invalid-response', code: 'sandbox_mismatch' })
  const ack = await apiWrites(sandbox).createInteractions('c1', [{}], { idempotencyKey: 'k' })
  expect(ack.sandboxEnabled).toBe(false)
})
