import * as z from 'zod/mini'
import { HEADER_RELAY_CSRF, RELAY_PATHS, relayLoginUrl } from '@/api/relay'

/** Leaving the app for the relay's sign-in or sign-out pages (tests replace `assign`). */
export const relayNavigation = {
  assign(url: string): void {
    window.location.assign(url)
  },
  reload(): void {
    window.location.reload()
  },
}

/**
 * Through the relay's sign-in and back to `returnTo` (this page's path and query). Form drafts
 * are written when the page is hidden (components/form-dialog/form-draft.ts) and the journal
 * keeps its entries in storage, so nothing typed or saved is lost on the way.
 */
export function goToSignIn(returnTo: string, options: { askWho?: boolean } = {}): void {
  relayNavigation.assign(relayLoginUrl(returnTo, options))
}

const logoutAnswerSchema = z.looseObject({ endSessionUrl: z.nullable(z.string()) })

/** Ends the session at the relay (every instance); returns where the browser goes next. */
export async function signOut(): Promise<string> {
  const response = await fetch(RELAY_PATHS.logout, {
    method: 'POST',
    headers: { accept: 'application/json', [HEADER_RELAY_CSRF]: '1' },
  })
  if (!response.ok) throw new Error(`The relay answered ${response.status}.`)
  const answer = logoutAnswerSchema.safeParse(await response.json())
  if (!answer.success) throw new Error('The relay answered in an unexpected shape.')
  const next = answer.data.endSessionUrl
  // The identity provider's sign-out page when it has one; an odd value is never followed.
  return next !== null && /^https?:\/\//.test(next) ? next : '/'
}
