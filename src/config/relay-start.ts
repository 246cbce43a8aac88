import { relaySessionSchema, relaySignedOutSchema } from '@/api/relay-session'
import type { RelayStart } from '@/config/relay-detect'
import { addLazyStrings } from '@/lib/i18n'
import { relayEn } from '@/lib/locales/relay-en'
import { relayNl } from '@/lib/locales/relay-nl'
import { parseJson } from '@/lib/json'

/** Relay mode's strings come with this chunk, before the first render asks for them. */
export function registerRelayStrings(): void {
  addLazyStrings({ en: { relay: relayEn }, nl: { relay: relayNl } })
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
