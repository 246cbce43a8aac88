import { createContext, use, useMemo, useState, type ReactNode } from 'react'
import { z } from 'zod'
import { createApiClient, type ApiClient } from '@/api/client'
import { SANDBOX_MODES, type Environment, type SandboxMode } from '@/api/contract'
import { DEFAULT_DEMO_REGION, findDemoRegion } from '@/config/demo-regions'

/** The built-in mock backend (answers on this page's origin) with one of its demo regions. */
export type MockConnection = { kind: 'mock'; region: string; apiKey: string }
/** A real upstream (or our relay). The key lives in memory / sessionStorage only, never a URL. */
export type UpstreamConnection = {
  kind: 'upstream'
  origin: string
  apiKey: string
  region: string
}
export type Connection = MockConnection | UpstreamConnection

export type ConnectionState = {
  connection: Connection
  environment: Environment
  sandboxMode: SandboxMode
  /** What to show as "the region in use". */
  regionName: string
  setConnection: (connection: Connection) => void
  setEnvironment: (environment: Environment) => void
  setSandboxMode: (sandboxMode: SandboxMode) => void
}

/** `?sandbox=1` opens the app in sandbox, so a sandbox link stays a sandbox link. */
export const SANDBOX_SEARCH_PARAM = 'sandbox'

export function environmentFromSearch(search: string): Environment {
  return new URLSearchParams(search).get(SANDBOX_SEARCH_PARAM) === '1' ? 'sandbox' : 'production'
}

export function mockConnection(regionId: string = DEFAULT_DEMO_REGION.id): MockConnection {
  const region = findDemoRegion(regionId) ?? DEFAULT_DEMO_REGION
  return { kind: 'mock', region: region.id, apiKey: region.key }
}

// sessionStorage, not localStorage: an upstream API key must not outlive the browser session.
const STORAGE_KEY = 'candidate-timeline.connection'
const storedSchema = z.object({
  connection: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('mock'), region: z.string().min(1), apiKey: z.string().min(1) }),
    z.object({
      kind: z.literal('upstream'),
      origin: z.string(),
      apiKey: z.string().min(1),
      region: z.string().min(1),
    }),
  ]),
  sandboxMode: z.enum(SANDBOX_MODES),
})
type Stored = z.infer<typeof storedSchema>

function readStored(): Stored | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY)
    if (!raw) return null
    const parsed = storedSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null // storage disabled or garbage: start from the defaults
  }
}

function writeStored(value: Stored): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value))
  } catch {
    // Storage unavailable (private mode, quota): the choice still holds for this page.
  }
}

const ConnectionContext = createContext<ConnectionState | null>(null)
const ApiContext = createContext<ApiClient | null>(null)

type ConnectionProviderProps = {
  children: ReactNode
  /** Overrides what sessionStorage remembers (tests, e2e scenarios). */
  initialConnection?: Connection
  /** Defaults to the page URL's `?sandbox=1`. */
  initialEnvironment?: Environment
  initialSandboxMode?: SandboxMode
}

export function ConnectionProvider({
  children,
  initialConnection,
  initialEnvironment,
  initialSandboxMode,
}: ConnectionProviderProps) {
  const [stored] = useState(readStored)
  const [connection, setConnectionState] = useState<Connection>(
    () => initialConnection ?? stored?.connection ?? mockConnection(),
  )
  const [environment, setEnvironment] = useState<Environment>(
    () => initialEnvironment ?? environmentFromSearch(window.location.search),
  )
  const [sandboxMode, setSandboxModeState] = useState<SandboxMode>(
    () => initialSandboxMode ?? stored?.sandboxMode ?? 'header',
  )

  const api = useMemo(
    () =>
      createApiClient({
        origin: connection.kind === 'mock' ? '' : connection.origin,
        apiKey: connection.apiKey,
        region: connection.region,
        environment,
        sandboxMode,
      }),
    [connection, environment, sandboxMode],
  )

  const state = useMemo<ConnectionState>(
    () => ({
      connection,
      environment,
      sandboxMode,
      regionName:
        connection.kind === 'mock'
          ? (findDemoRegion(connection.region)?.name ?? connection.region)
          : connection.region,
      setConnection: (next) => {
        setConnectionState(next)
        writeStored({ connection: next, sandboxMode })
      },
      setEnvironment,
      setSandboxMode: (next) => {
        setSandboxModeState(next)
        writeStored({ connection, sandboxMode: next })
      },
    }),
    [connection, environment, sandboxMode],
  )

  return (
    <ConnectionContext value={state}>
      <ApiContext value={api}>{children}</ApiContext>
    </ConnectionContext>
  )
}

export function useConnection(): ConnectionState {
  const state = use(ConnectionContext)
  if (!state) throw new Error('useConnection must be used inside <ConnectionProvider>')
  return state
}

/** The API client for the connection, environment and sandbox mode in use (stable between). */
export function useApi(): ApiClient {
  const api = use(ApiContext)
  if (!api) throw new Error('useApi must be used inside <ConnectionProvider>')
  return api
}
