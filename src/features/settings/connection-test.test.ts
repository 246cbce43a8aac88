// @vitest-environment node
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import {
  testConnection,
  testedUrl,
  withExpectedRegion,
  type ConnectionTestInput,
} from '@/features/settings/connection-test'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://api.test'
const { server } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })

const input: ConnectionTestInput = {
  origin: ORIGIN,
  apiKey: 'demo-utrecht',
  environment: 'production',
  sandboxMode: 'header',
  expectedRegion: null,
}
const page = { pageOrigin: 'http://app.test', pageProtocol: 'http:' }

/** What a browser does without CORS permission: the API call fails, a no-cors request works. */
const corsBlockedFetch: typeof fetch = (_url, init) =>
  init?.mode === 'no-cors'
    ? Promise.resolve(new Response(null, { status: 200 }))
    : Promise.reject(new TypeError('Failed to fetch'))
const nothingThereFetch: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'))

test('a working key is reported with the region the API says it opens', async () => {
  expect(await testConnection(input, page)).toEqual({
    kind: 'ok',
    region: { id: 'utrecht', name: 'Onderwijsregio Utrecht' },
  })
  expect(
    await testConnection(
      { ...input, environment: 'sandbox', sandboxMode: 'prefix', expectedRegion: 'utrecht' },
      page,
    ),
  ).toMatchObject({ kind: 'ok' })
})

test('a key of another region than expected is called out', async () => {
  const outcome = await testConnection(
    { ...input, apiKey: 'demo-rijnmond', expectedRegion: 'Onderwijsregio Utrecht' },
    page,
  )
  expect(outcome).toEqual({
    kind: 'wrong-region',
    region: { id: 'rijnmond', name: 'Onderwijsregio Rijnmond' },
    expected: 'Onderwijsregio Utrecht',
  })
  expect(withExpectedRegion(outcome, ' onderwijsregio  rijnmond ')).toMatchObject({ kind: 'ok' })
})

test('a wrong key is a 401 in plain words', async () => {
  expect(await testConnection({ ...input, apiKey: 'not-a-key' }, page)).toEqual({
    kind: 'unauthorized',
  })
})

test('a blocked API call to a server that answers plain requests reads as CORS', async () => {
  expect(await testConnection(input, { ...page, fetch: corsBlockedFetch })).toEqual({
    kind: 'cors',
  })
})

test('when nothing answers at all, the server is unreachable', async () => {
  expect(await testConnection(input, { ...page, fetch: nothingThereFetch })).toEqual({
    kind: 'unreachable',
  })
})

test('a server that keeps silent runs into the timeout', async () => {
  server.use(http.get(`${ORIGIN}/api/v2/schema`, () => new Promise<never>(() => undefined)))
  expect(await testConnection(input, { ...page, timeoutMs: 50 })).toEqual({
    kind: 'timeout',
    seconds: 0,
  })
})

test('a web page, a 404 or another shape is "not the API"', async () => {
  server.use(
    http.get(
      `${ORIGIN}/api/v2/schema`,
      () => new HttpResponse('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    ),
  )
  expect(await testConnection(input, page)).toMatchObject({ kind: 'not-the-api' })
  server.use(http.get(`${ORIGIN}/api/v2/schema`, () => HttpResponse.json({ hello: 1 })))
  expect(await testConnection(input, page)).toMatchObject({ kind: 'not-the-api' })
  server.use(http.get(`${ORIGIN}/api/v2/schema`, () => new HttpResponse('nope', { status: 404 })))
  expect(await testConnection(input, page)).toMatchObject({ kind: 'not-the-api' })
})

test('an API that answers a sandbox request from production is caught', async () => {
  server.use(
    http.get(`${ORIGIN}/api/v2/schema`, () =>
      HttpResponse.json({
        statusCode: 200,
        message: 'ok',
        data: {},
        meta: { sandboxEnabled: false },
      }),
    ),
  )
  expect(await testConnection({ ...input, environment: 'sandbox' }, page)).toEqual({
    kind: 'sandbox-ignored',
  })
})

test('busy and broken servers, and other statuses, are told apart', async () => {
  server.use(
    http.get(`${ORIGIN}/api/v2/schema`, () =>
      HttpResponse.json(
        { statusCode: 429, message: 'slow down', error: { code: 'rate_limited' } },
        { status: 429, headers: { 'retry-after': '1' } },
      ),
    ),
  )
  expect(await testConnection(input, page)).toEqual({ kind: 'rate-limited' })
  server.use(http.get(`${ORIGIN}/api/v2/schema`, () => new HttpResponse('x', { status: 503 })))
  expect(await testConnection(input, page)).toEqual({ kind: 'server', status: 503 })
  server.use(http.get(`${ORIGIN}/api/v2/schema`, () => new HttpResponse('x', { status: 403 })))
  expect(await testConnection(input, page)).toEqual({ kind: 'forbidden' })
  server.use(http.get(`${ORIGIN}/api/v2/schema`, () => new HttpResponse('x', { status: 418 })))
  expect(await testConnection(input, page)).toEqual({ kind: 'http', status: 418 })
})

test('an https page cannot call an http API, and a CSP build only its own origins', async () => {
  expect(
    await testConnection(input, { pageOrigin: 'https://app.test', pageProtocol: 'https:' }),
  ).toEqual({ kind: 'mixed-content' })
  expect(
    await testConnection(input, {
      ...page,
      cspConnectSources: ["'self'", 'https://onderwijsregio.onderwijsin.nl'],
    }),
  ).toEqual({
    kind: 'blocked-by-policy',
    allowed: ['http://app.test', 'https://onderwijsregio.onderwijsin.nl'],
  })
})

test('the tested URL names the address and environment, never the key', () => {
  const url = testedUrl({ ...input, environment: 'sandbox', sandboxMode: 'prefix' }, 'http://x')
  expect(url).toBe('http://api.test/api/sandbox/schema')
  expect(url).not.toContain('demo-utrecht')
})
