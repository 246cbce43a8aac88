/** The built-in mock backend (answers on this page's origin) with one of its demo regions. */
export type MockConnection = { kind: 'mock'; region: string; apiKey: string }

/**
 * A real upstream (or our relay). `origin` is the base URL before `/api/v2`; `region` scopes
 * caches and the journal (the id the API reported, or what the user named it); `regionName` is
 * what the app bar shows. The key lives in memory or sessionStorage only, never in a URL.
 */
export type UpstreamConnection = {
  kind: 'upstream'
  origin: string
  apiKey: string
  region: string
  regionName?: string
}

/**
 * [OURS] The relay that serves this app ("this relay"): same origin, no key (the relay holds
 * it), events from the relay. `region` is one of the signed-in counsellor's regions; `subject` is who
 * is signed in ('' when nobody is), so one counsellor's journal and drafts never go out under
 * another's session.
 */
export type RelayConnection = { kind: 'relay'; region: string; subject: string }

export type Connection = MockConnection | UpstreamConnection | RelayConnection
