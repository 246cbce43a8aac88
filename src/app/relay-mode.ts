import { createContext } from 'react'

/**
 * True while the app talks to our relay, the only backend that knows who made a change (the
 * audit trail: "logged by", a colleague's failed change). The relay connection provides it;
 * without a provider the app is on the mock or the upstream and asks for no audit.
 */
export const RelayModeContext = createContext(false)
