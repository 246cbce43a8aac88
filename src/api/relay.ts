/**
 * [OURS] The relay (server/) as the app sees it: its own routes, headers and refusals — never
 * the upstream's (those are guessed in contract.ts). The contract both sides build to is
 * described in docs/decisions/0065-the-app-behind-the-relay.md.
 */
import * as z from 'zod/mini'

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
 * A refusal by the relay itself: `{ error: "<code>", message }` (the upstream's errors carry an
 * object in `error`). Every such refusal comes before anything is forwarded upstream.
 */
export const relayErrorSchema = z.looseObject({
  error: z.string().check(z.minLength(1)),
  message: z.string(),
  retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
})

/** The relay's refusal codes the app acts on; others are shown with the relay's own sentence. */
export const RELAY_UNAUTHENTICATED = 'unauthenticated'
export const RELAY_RATE_LIMITED = 'rate_limited'

/** Where the browser goes to sign in and come back to `returnTo` (a same-origin path + query). */
export function relayLoginUrl(returnTo: string): string {
  const safe = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/'
  return `${RELAY_PATHS.login}?returnTo=${encodeURIComponent(safe)}`
}
