import { relaySessionSchema, relaySignedOutSchema } from '@/api/relay-session'
import { relayLoginUrl } from '@/api/relay'
import type { RelayStart } from '@/config/relay-detect'
import { setRelayDescriber } from '@/lib/describe-api-error'
import { describeRelayRefusal } from '@/lib/describe-relay-refusal'
import { addLazyStrings } from '@/lib/i18n'
import { relayChangeReasonEn, relayEn } from '@/lib/locales/relay-en'
import { relayChangeReasonNl, relayNl } from '@/lib/locales/relay-nl'
import { parseJson } from '@/lib/json'

/** Relay mode's strings (and how its refusals read) come with this chunk, before the first render. */
export function registerRelayStrings(): void {
  setRelayDescriber(describeRelayRefusal)
  addLazyStrings({
    en: { relay: relayEn, changeReason: relayChangeReasonEn },
    nl: { relay: relayNl, changeReason: relayChangeReasonNl },
  })
}

/** `/auth/session`'s 200 or 401 as the relay's; anything else (another server) is null. */
export async function readRelayStart(response: Response): Promise<RelayStart | null> {
  const json = parseJson(await response.text())
  if (!json.ok) return null
  if (response.status === 200) {
    const session = relaySessionSchema.safeParse(json.value)
    if (!session.success) return null
    registerRelayStrings()
    return { session: session.data }
  }
  if (!relaySignedOutSchema.safeParse(json.value).success) return null
  registerRelayStrings()
  return { session: null }
}

const SIGN_IN_STARTED_KEY = 'candidate-timeline.relay-sign-in-started'
/** A second automatic sign-in within this long means the first did not work: no loop. */
const SIGN_IN_LOOP_MS = 60_000

/**
 * Sends a signed-out first visit through the relay's sign-in and back to this address. Returns
 * false (and stays) when it did so within the last minute already: sign-in is not working, and
 * the app says so instead of bouncing the counsellor between the two forever.
 */
export function signInAtStart(
  now: number = Date.now(),
  navigate: (url: string) => void = (url) => {
    window.location.assign(url)
  },
): boolean {
  try {
    const last = Number(window.sessionStorage.getItem(SIGN_IN_STARTED_KEY))
    if (Number.isFinite(last) && now - last < SIGN_IN_LOOP_MS) return false
    window.sessionStorage.setItem(SIGN_IN_STARTED_KEY, String(now))
  } catch {
    return false // no storage to guard a loop with: let the counsellor press "Sign in"
  }
  const { pathname, search } = window.location
  navigate(relayLoginUrl(`${pathname}${search}`))
  return true
}
