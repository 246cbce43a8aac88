// @vitest-environment node
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  HEADER_API_KEY,
  HEADER_SANDBOX,
  QUERY_CALLBACK_URL,
  relayErrorBodySchema,
} from '../../src/api/contract.js'
import {
  SECRETS,
  signIn,
  startRelay,
  useRelays,
  type Counsellor,
  type RecordingUpstream,
  type RunningRelay,
  type TestRedis,
} from './kit.js'

let redis: TestRedis
let upstream: RecordingUpstream
let relay: RunningRelay
/** Anna: Utrecht with sandbox (every request below is hers unless it says otherwise). */
let anna: Counsellor

// The upstream forgets what reached it before each test.
useRelays({ env: { RELAY_BODY_LIMIT_BYTES: '4096' }, signIn: ['anna'] }, (stage) => {
  ;({ redis, upstream, relay } = stage)
  anna = stage.as.anna
})

/**
 * A raw HTTP request, so paths reach the relay exactly as written (fetch would normalise them),
 * signed in as `who` (Anna by default) with the app's headers.
 */
function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
  who: Counsellor = anna,
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(relay.url)
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...who.headers(method), ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text })
        })
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

/**
 * An answer the relay gave itself before forwarding anything: the contract's one shape (never
 * the upstream's, whose `error` is an object), saying that nothing reached the upstream.
 */
function expectRefusalShape(body: string, code?: string): void {
  const parsed = relayErrorBodySchema.parse(JSON.parse(body))
  expect(parsed.mayHaveReachedUpstream).toBe(false)
  expect(parsed.message.length).toBeGreaterThan(0)
  if (code !== undefined) expect(parsed.error).toBe(code)
}

describe('proxy allowlist', () => {
  it.each([
    ['GET', '/api/v2/schema?operation=update'],
    ['GET', '/api/v2/candidates?pageSize=5'],
    ['GET', '/api/v2/candidates/find?email=a%40b.nl'],
    ['GET', '/api/v2/candidates/rec1'],
    ['GET', '/api/v2/candidates/rec1/interactions'],
    ['GET', '/api/sandbox/candidates/rec1/interactions'],
    ['DELETE', '/api/v2/candidates/rec1/interactions/rec2'],
  ])('forwards %s %s', async (method, path) => {
    const response = await rawRequest(method, path)
    expect(response.status).toBeLessThan(300)
    expect(upstream.requests).toHaveLength(1)
    expect(upstream.requests[0]?.url.startsWith(path.split('?')[0] ?? '')).toBe(true)
  })

  it.each([
    ['GET', '/api/v2/admin'],
    ['GET', '/api/v2/candidates/rec1/interactions/rec2/extra'],
    ['GET', '/api/v3/candidates'],
    ['PUT', '/api/v2/candidates/rec1'],
    ['DELETE', '/api/v2/candidates/rec1'],
    ['POST', '/api/v2/schema'],
    ['GET', '/api/v2/candidates/rec1/interactions/rec2'],
    ['OPTIONS', '/api/v2/candidates'],
  ])('answers %s %s itself and never forwards it', async (method, path) => {
    const response = await rawRequest(method, path)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expectRefusalShape(response.body)
    expect(upstream.requests).toHaveLength(0)
  })

  it.each([
    '/api/v2/candidates/../schema',
    '/api/v2/candidates/rec1/interactions/..',
    '/api/v2/candidates/%2e%2e/schema',
    '/api/v2/candidates/rec1%2Finteractions',
    '/api/v2/candidates/rec1%252Finteractions',
    '/api/v2/candidates/rec1%5cinteractions',
    '/api/v2//candidates',
    '/api/v2/candidates/rec1\\interactions',
    '/api/v2/candidates/%E0%A4%A',
  ])('refuses the path trick %s', async (path) => {
    const response = await rawRequest('GET', path)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expectRefusalShape(response.body)
    expect(upstream.requests).toHaveLength(0)
  })
})

describe('proxy headers, query and body', () => {
  it("sends the region's key, drops the client's key, session cookie and authorisation", async () => {
    await rawRequest('GET', '/api/v2/candidates', {
      [HEADER_API_KEY]: 'client-key',
      'api-key': 'old-client-key',
      authorization: 'Bearer abc',
    })
    const headers = upstream.requests[0]?.headers ?? {}
    expect(headers[HEADER_API_KEY]).toBe(SECRETS.utrechtKey)
    expect(headers['api-key']).toBeUndefined()
    expect(headers.cookie).toBeUndefined()
    expect(headers.authorization).toBeUndefined()
  })

  it('uses the key of the region the request names, when the counsellor may use it', async () => {
    const ravi = await signIn(relay, 'ravi')
    await rawRequest('GET', '/api/v2/candidates', { 'x-relay-region': 'rijnmond' }, undefined, ravi)
    expect(upstream.requests[0]?.headers[HEADER_API_KEY]).toBe(SECRETS.rijnmondKey)
    // By query too (EventSource cannot set headers); the upstream never sees that parameter.
    await rawRequest('GET', '/api/v2/candidates?pageSize=5&region=rijnmond', {}, undefined, ravi)
    expect(upstream.requests[1]?.headers[HEADER_API_KEY]).toBe(SECRETS.rijnmondKey)
    expect(upstream.requests[1]?.url).toBe('/api/v2/candidates?pageSize=5')
    for (const region of ['rijnmond', 'amsterdam']) {
      const refused = await rawRequest('GET', '/api/v2/candidates', { 'x-relay-region': region })
      expect(refused.status).toBe(403)
    }
    expect(upstream.requests).toHaveLength(2)
  })

  it("replaces a client's callbackUrl with the relay's own and passes idempotencyKey byte for byte", async () => {
    const key = 'abc%20def+%E2%9C%93'
    const body = '[{"type":["Telefonisch"],"performedAt":"2026-12-01"}]'
    const response = await rawRequest(
      'POST',
      `/api/v2/candidates/rec1/interactions?idempotencyKey=${key}&callbackUrl=https%3A%2F%2Fevil.example%2Fsteal&callbackUrl=x`,
      { 'content-type': 'application/json' },
      body,
    )
    expect(response.status).toBe(202)
    const sent = upstream.requests[0]
    expect(sent?.method).toBe('POST')
    expect(sent?.body).toBe(body)
    const query = sent?.url.split('?')[1] ?? ''
    expect(query.split('&')).toContain(`idempotencyKey=${key}`)
    const params = new URLSearchParams(query)
    expect(params.getAll(QUERY_CALLBACK_URL)).toEqual([`${relay.url}/callbacks/utrecht/production`])
  })

  it('points sandbox writes at the sandbox callback, by prefix and by header', async () => {
    await rawRequest('DELETE', '/api/sandbox/candidates/rec1/interactions/rec2?idempotencyKey=k1')
    await rawRequest(
      'PATCH',
      '/api/v2/candidates/rec1?idempotencyKey=k2',
      {
        [HEADER_SANDBOX]: 'true',
        'content-type': 'application/json',
      },
      '{"firstName":"A"}',
    )
    const [byPrefix, byHeader] = upstream.requests
    expect(new URLSearchParams(byPrefix?.url.split('?')[1]).get(QUERY_CALLBACK_URL)).toBe(
      `${relay.url}/callbacks/utrecht/sandbox`,
    )
    expect(byHeader?.headers[HEADER_SANDBOX]).toBe('true')
    expect(new URLSearchParams(byHeader?.url.split('?')[1]).get(QUERY_CALLBACK_URL)).toBe(
      `${relay.url}/callbacks/utrecht/sandbox`,
    )
  })

  it('refuses a body over the limit without forwarding it', async () => {
    const response = await rawRequest(
      'POST',
      '/api/v2/candidates?idempotencyKey=k',
      { 'content-type': 'application/json' },
      JSON.stringify([{ notes: 'x'.repeat(5000) }]),
    )
    expect(response.status).toBe(413)
    expectRefusalShape(response.body, 'too_large')
    expect(upstream.requests).toHaveLength(0)
  })

  it('answers its own 404 and a malformed request in the same shape', async () => {
    const missing = await rawRequest('GET', '/no-such-thing', { accept: 'application/json' })
    expect(missing.status).toBe(404)
    expectRefusalShape(missing.body, 'not_found')
    const malformed = await rawRequest(
      'POST',
      '/auth/logout',
      { 'content-type': 'application/json' },
      '{not json',
    )
    expect(malformed.status).toBe(400)
    expectRefusalShape(malformed.body, 'bad_request')
    expect(upstream.requests).toHaveLength(0)
  })

  it("never passes the upstream's cookies or a configured key back to the browser", async () => {
    const response = await anna.request('/api/v2/candidates')
    expect(response.headers.get('set-cookie')).toBeNull()
    const text = `${JSON.stringify([...response.headers])}${await response.text()}`
    expect(text).not.toContain(SECRETS.utrechtKey)
  })

  it('answers 502 in the relay’s error shape when the upstream cannot be reached', async () => {
    const lonely = await startRelay({
      RELAY_REDIS_URL: redis.url,
      RELAY_UPSTREAM_ORIGIN: 'http://127.0.0.1:9',
    })
    try {
      const response = await (await signIn(lonely, 'anna')).request('/api/v2/candidates')
      expect(response.status).toBe(502)
      expect(relayErrorBodySchema.parse(await response.json())).toEqual({
        error: 'upstream_unreachable',
        message: 'The upstream API could not be reached.',
        // Forwarding had begun: a write may be queued, so the app sends it again only as it was.
        mayHaveReachedUpstream: true,
      })
    } finally {
      await lonely.close()
    }
  })
})
