import { RELAY_PATHS } from '@/api/relay'
import type { RelaySession } from '@/api/relay-session'

/** What the app found at start: served by our relay, signed in (a session) or not (null). */
export type RelayStart = { session: RelaySession | null }

/** How long the start waits for `/auth/session` before it goes on as if there were no relay. */
const DETECT_TIMEOUT_MS = 5000

/**
 * Asks this page's origin for `/auth/session`. Only our relay answers it with its 200 or 401
 * JSON (static hosting gives a 404 or the SPA's HTML): then the app runs in relay mode. The
 * answer is read by a lazy chunk, so a build without a relay pays one request and these lines.
 */
export async function detectRelay(doFetch: typeof fetch = fetch): Promise<RelayStart | null> {
  try {
    const response = await doFetch(RELAY_PATHS.session, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(DETECT_TIMEOUT_MS),
    })
    if (response.status !== 200 && response.status !== 401) return null
    const { readRelayStart } = await import('@/config/relay-start')
    return await readRelayStart(response)
  } catch {
    return null // unreachable, too slow or not the relay: the app starts as it always did
  }
}
