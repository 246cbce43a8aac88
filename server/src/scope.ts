import type { FastifyReply, FastifyRequest } from 'fastify'
import { HEADER_SANDBOX, type Environment } from '../../src/api/contract.js'
import type { ActiveSession, SessionStore } from './auth/session.js'
import type { RelayConfig } from './config.js'
import { relayRefusal } from './errors.js'
import type { Scope } from './keys.js'

/**
 * Who is asking and for which region and environment, checked before any data route answers
 * (proxy, events, audit). The region is named by the `x-relay-region` header (fetch) or the
 * `region` query parameter (EventSource cannot set headers); without either, the session's
 * default region. The session's access (from the identity provider's claim) decides:
 * no session → 401, region not allowed → 403 `forbidden_region`, sandbox not allowed → 403
 * `forbidden_environment`; a write also needs a same-origin request and the app's header, or
 * 403 `cross_site`.
 */
export const HEADER_RELAY_REGION = 'x-relay-region'
export const QUERY_RELAY_REGION = 'region'
/** Set by the app on every write (and sign-out); a cross-site form cannot set a header. */
export const HEADER_CSRF = 'x-candidate-timeline'
/**
 * The subject the app believes is signed in (from `/auth/session`). When it is sent and is not
 * the session's, the cookie now belongs to someone else (another tab of this browser signed in
 * as another counsellor): the request is refused with 409 `session_changed`, never forwarded,
 * so one counsellor's change is never made (and audited) under another's name. Decision 0076.
 */
export const HEADER_RELAY_SUBJECT = 'x-relay-subject'
export const SESSION_CHANGED = 'session_changed'
export const LOGIN_PATH = '/auth/login'

export type Granted = { session: ActiveSession; scope: Scope }

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `admit` once the request's session and scope are checked. */
    granted: Granted | null
  }
}

/** [DOC] `/api/sandbox` selects sandbox; on `/api/v2` the `x-api-sandbox: true` header does. */
export function environmentOf(request: FastifyRequest, byPrefix: Environment): Environment {
  if (byPrefix === 'sandbox') return 'sandbox'
  const header = request.headers[HEADER_SANDBOX]
  return typeof header === 'string' && header.trim().toLowerCase() === 'true'
    ? 'sandbox'
    : 'production'
}

export function isWriteMethod(method: string): boolean {
  return method === 'POST' || method === 'PATCH' || method === 'PUT' || method === 'DELETE'
}

function rawQueryOf(request: FastifyRequest): string {
  const url = request.raw.url ?? ''
  const q = url.indexOf('?')
  return q === -1 ? '' : url.slice(q + 1)
}

/** The region the request names, or null when it names none. */
function namedRegion(request: FastifyRequest): string | null {
  const header = request.headers[HEADER_RELAY_REGION]
  if (typeof header === 'string' && header.trim() !== '') return header.trim()
  const query = new URLSearchParams(rawQueryOf(request)).get(QUERY_RELAY_REGION)
  return query !== null && query.trim() !== '' ? query.trim() : null
}

/**
 * Same-origin check for writes: the app's header, and an `Origin` equal to the relay's own (or,
 * when a browser sends no Origin, `Sec-Fetch-Site: same-origin`). A request with neither is
 * refused too: every browser this app supports sends one of them on a fetch write.
 */
export function isSameOriginWrite(request: FastifyRequest, config: RelayConfig): boolean {
  if (request.headers[HEADER_CSRF] !== '1') return false
  const origin = request.headers.origin
  if (typeof origin === 'string') return origin === new URL(config.publicUrl).origin
  return request.headers['sec-fetch-site'] === 'same-origin'
}

export function refuseUnauthenticated(reply: FastifyReply): FastifyReply {
  return relayRefusal(
    reply,
    401,
    'unauthenticated',
    'Sign in to continue: your session has ended or you have not signed in yet.',
    { login: LOGIN_PATH },
  )
}

/**
 * Checks session, cross-site (writes) and scope; on success records them on the request and
 * returns them, otherwise answers the refusal and returns null. Nothing has been forwarded then.
 */
export async function admit(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { config: RelayConfig; sessions: SessionStore },
  environment: Environment,
): Promise<Granted | null> {
  let session: ActiveSession | null
  try {
    // A read may ride out a short Redis outage on a session checked moments ago (session.ts).
    session = await deps.sessions.get(request, true, { isRead: request.method === 'GET' })
  } catch (error) {
    request.log.warn({ err: error }, 'session lookup: Redis unavailable')
    await relayRefusal(reply, 503, 'unavailable', 'The relay cannot check sign-in right now.', {
      retryAfterSeconds: 5,
    })
    return null
  }
  if (session === null) {
    await refuseUnauthenticated(reply)
    return null
  }
  const claimed = request.headers[HEADER_RELAY_SUBJECT]
  if (typeof claimed === 'string' && claimed !== session.subject) {
    request.log.warn({ reason: SESSION_CHANGED }, 'request refused: another counsellor signed in')
    await relayRefusal(
      reply,
      409,
      SESSION_CHANGED,
      'Another account has signed in in this browser since this page was opened; nothing was sent.',
    )
    return null
  }
  if (isWriteMethod(request.method) && !isSameOriginWrite(request, deps.config)) {
    await relayRefusal(
      reply,
      403,
      'cross_site',
      'This change was refused: it did not come from the Candidate Timeline app on this site.',
    )
    return null
  }
  const regionId = namedRegion(request) ?? session.defaultRegion
  const allowed = session.access.find((entry) => entry.region === regionId)
  if (!allowed || !deps.config.regions.some((region) => region.id === regionId)) {
    await relayRefusal(reply, 403, 'forbidden_region', 'You may not use this region.')
    return null
  }
  if (environment === 'sandbox' && !allowed.sandbox) {
    await relayRefusal(
      reply,
      403,
      'forbidden_environment',
      'You may not use the sandbox of this region.',
    )
    return null
  }
  const granted: Granted = { session, scope: { region: regionId, environment } }
  request.granted = granted
  return granted
}
