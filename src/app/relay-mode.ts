import { createContext } from 'react'

/**
 * True while the app talks to our relay, the only backend that knows who made a change (the
 * audit trail: "logged by", a colleague's failed change). `AppProviders` sets it from the
 * connection (kind `relay`); on the mock or the upstream the app asks for no audit.
 */
export const RelayModeContext = createContext(false)
