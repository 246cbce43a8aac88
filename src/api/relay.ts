/**
 * [OURS] The relay (server/) as the app sees it: its own routes, headers and refusals — never
 * the upstream's (those are guessed in contract.ts). The contract both sides build to is
 * described in docs/decisions/0065-the-app-behind-the-relay.md.
 */

export const RELAY_PATHS = {
  session: '/auth/session',
  login: '/auth/login',
  logout: '/auth/logout',
} as const

/** Which of the session's regions a request is for (EventSource has no headers: `?region=`). */
export const HEADER_RELAY_REGION = 'x-relay-region'
export const QUERY_RELAY_REGION = 'region'
/** The header (value `1`) the relay requires on writes and sign-out, with a same-origin request. */
export const HEADER_RELAY_CSRF = 'x-candidate-timeline'
/**
 * Who this page believes is signed in (the session's `subject`), on every request: when another
 * tab of this browser signed in as someone else, the relay refuses with `session_changed` instead
 * of acting under the other person's session (docs/decisions/0076).
 */
export const HEADER_RELAY_SUBJECT = 'x-relay-subject'

/* An answer by the relay itself has one shape: `relayErrorBodySchema` in contract.ts. */

/** The relay's refusal codes the app acts on; others are shown with the relay's own sentence. */
export const RELAY_UNAUTHENTICATED = 'unauthenticated'
export const RELAY_RATE_LIMITED = 'rate_limited'
/** Another counsellor signed in in this browser since this page read `/auth/session`. */
export const RELAY_SESSION_CHANGED = 'session_changed'

/**
 * Where the browser goes to sign in and come back to `returnTo` (a same-origin path + query).
 * `askWho`: the identity provider asks who signs in even if it has a session (`prompt=login`),
 * for a counsellor signing in again as themselves after a colleague signed in in this browser.
 */
export function relayLoginUrl(returnTo: string, options: { askWho?: boolean } = {}): string {
  const safe = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/'
  const prompt = options.askWho === true ? '&prompt=login' : ''
  return `${RELAY_PATHS.login}?returnTo=${encodeURIComponent(safe)}${prompt}`
}
