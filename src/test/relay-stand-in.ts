import { getResponse, http, HttpResponse } from 'msw'
import { HEADER_API_KEY, QUERY_IDEMPOTENCY_KEY } from '@/api/contract'
import {
  HEADER_RELAY_CSRF,
  HEADER_RELAY_REGION,
  HEADER_RELAY_SUBJECT,
  RELAY_PATHS,
} from '@/api/relay'
import type { RelaySession } from '@/api/relay-session'
import { findDemoRegion } from '@/config/demo-regions'
import type { MockBackend } from '@/mocks/backend'

/** A counsellor of both demo regions, sandbox only in Utrecht. */
export const TEST_SESSION: RelaySession = {
  subject: 'sub-anna',
  name: 'Anna de Vries',
  email: 'anna@example.nl',
  regions: [
    { id: 'utrecht', name: 'Onderwijsregio Utrecht', sandbox: true },
    { id: 'rijnmond', name: 'Onderwijsregio Rijnmond', sandbox: false },
  ],
  defaultRegion: 'utrecht',
  roles: ['counsellor'],
  idleExpiresAt: '2026-12-06T10:00:00.000Z',
  absoluteExpiresAt: '2026-12-06T20:00:00.000Z',
  csrfHeader: HEADER_RELAY_CSRF,
}

/** A colleague of Anna in Utrecht, who signs in in another tab of Anna's browser. */
export const TEST_SESSION_BRAM: RelaySession = {
  ...TEST_SESSION,
  subject: 'sub-bram',
  name: 'Bram Jansen',
  email: 'bram@example.nl',
  regions: [{ id: 'utrecht', name: 'Onderwijsregio Utrecht', sandbox: false }],
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/**
 * Our relay as the app meets it, in front of the mock backend (msw handlers for tests): the
 * contract's `/auth/*` and data routes, its refusals (`{ error, message }`, answered before
 * anything is forwarded), and the region's demo key added on the way through — so the app's
 * relay mode runs against the same mock the rest of the tests use. What was forwarded is
 * counted per idempotency key: the proof that a write went out once.
 */
export function createRelayStandIn(backend: MockBackend, origin = '') {
  let session: RelaySession | null = TEST_SESSION
  let rateLimitFor: number | null = null
  const forwardedKeys: string[] = []
  const refusedKeys: string[] = []
  const logouts: Headers[] = []

  const refuse = (status: number, error: string, message: string, extra: object = {}) =>
    HttpResponse.json({ error, message, mayHaveReachedUpstream: false, ...extra }, { status })

  async function proxy(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const key = url.searchParams.get(QUERY_IDEMPOTENCY_KEY)
    const isWrite = WRITE_METHODS.has(request.method)
    const refusal = (() => {
      if (!session)
        return refuse(401, 'unauthenticated', 'Sign in first.', { login: '/auth/login' })
      const claimed = request.headers.get(HEADER_RELAY_SUBJECT)
      if (claimed !== null && claimed !== session.subject)
        return refuse(409, 'session_changed', 'Another account signed in in this browser.')
      const regionId = request.headers.get(HEADER_RELAY_REGION) ?? session.defaultRegion
      const region = session.regions.find((option) => option.id === regionId)
      if (!region) return refuse(403, 'forbidden_region', `You may not use ${regionId}.`)
      const isSandbox =
        url.pathname.startsWith('/api/sandbox') || request.headers.get('x-api-sandbox') === 'true'
      if (isSandbox && !region.sandbox)
        return refuse(403, 'forbidden_environment', 'You may not use the sandbox.')
      if (isWrite && request.headers.get(HEADER_RELAY_CSRF) !== '1')
        return refuse(403, 'cross_site', 'Cross-site write refused.')
      if (isWrite && rateLimitFor !== null) {
        const seconds = rateLimitFor
        rateLimitFor = null
        return refuse(429, 'rate_limited', 'Too many writes.', { retryAfterSeconds: seconds })
      }
      return null
    })()
    if (refusal) {
      if (isWrite && key) refusedKeys.push(key)
      return refusal
    }
    const regionId = request.headers.get(HEADER_RELAY_REGION) ?? session?.defaultRegion ?? ''
    const headers = new Headers(request.headers)
    headers.delete(HEADER_RELAY_REGION)
    headers.delete(HEADER_RELAY_CSRF)
    headers.delete(HEADER_RELAY_SUBJECT)
    headers.set(HEADER_API_KEY, findDemoRegion(regionId)?.key ?? '')
    const body = isWrite ? await request.text() : null
    if (isWrite && key) forwardedKeys.push(key)
    const forwarded = new Request(request.url, {
      method: request.method,
      headers,
      body: body === '' ? null : body,
    })
    const answer = await getResponse(backend.handlers, forwarded)
    return answer ?? refuse(404, 'not_allowed', 'Not a route of the relay.')
  }

  const handlers = [
    http.get(`${origin}${RELAY_PATHS.session}`, () =>
      session
        ? HttpResponse.json(session)
        : refuse(401, 'unauthenticated', 'Nobody is signed in.', { login: RELAY_PATHS.login }),
    ),
    http.post(`${origin}${RELAY_PATHS.logout}`, ({ request }) => {
      if (request.headers.get(HEADER_RELAY_CSRF) !== '1')
        return refuse(403, 'cross_site', 'Cross-site sign-out refused.')
      logouts.push(request.headers)
      session = null
      return HttpResponse.json({ endSessionUrl: null })
    }),
    http.all(`${origin}/api/*`, ({ request }) => proxy(request)),
  ]

  return {
    handlers,
    /** The session ends (idle timeout): every data route answers 401 from now on. */
    endSession: () => {
      session = null
    },
    signIn: (next: RelaySession = TEST_SESSION) => {
      session = next
    },
    /** The next write is refused with 429 and `retryAfterSeconds`. */
    rateLimitNextWrite: (seconds: number) => {
      rateLimitFor = seconds
    },
    /** Idempotency keys of the writes passed to the mock upstream, in order. */
    forwardedKeys: () => [...forwardedKeys],
    refusedKeys: () => [...refusedKeys],
    logouts: () => [...logouts],
    /** Forgets the counts and a pending rate limit (between tests). */
    reset: () => {
      forwardedKeys.length = 0
      refusedKeys.length = 0
      logouts.length = 0
      rateLimitFor = null
    },
  }
}
