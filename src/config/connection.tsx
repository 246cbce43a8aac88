import { createContext, use, useMemo, useState, type ReactNode } from 'react'
import { createApiClient, type ApiClient } from '@/api/client'
import type { Environment, SandboxMode } from '@/api/contract'
import { buildEnv } from '@/config/build-env'
import {
  readStoredConnection,
  writeStoredConnection,
  type KeyStorage,
} from '@/config/connection-storage'
import type {
  Connection,
  MockConnection,
  RelayConnection,
  UpstreamConnection,
} from '@/config/connection-types'
import { DEFAULT_DEMO_REGION, findDemoRegion } from '@/config/demo-regions'
import { keyFingerprint } from '@/config/key-fingerprint'
import { MockControlContext, type MockControlPort } from '@/config/mock-control'
import type { RelayStart } from '@/config/relay-detect'

export type {
  Connection,
  MockConnection,
  RelayConnection,
  UpstreamConnection,
} from '@/config/connection-types'
export type { KeyStorage } from '@/config/connection-storage'

export type ConnectionState = {
  connection: Connection
  environment: Environment
  sandboxMode: SandboxMode
  /** Where an upstream key is kept (sessionStorage or memory only). */
  keyStorage: KeyStorage
  /** What to show as "the region in use". */
  regionName: string
  /** This build carries the built-in mock backend. */
  isMockAvailable: boolean
  /** An upstream connection without a key: a first visit to a production build, or a key kept in memory before a reload. */
  needsSetup: boolean
  /** This page is served by our relay: who is signed in (session null: nobody). Null otherwise. */
  relay: RelayStart | null
  /** The sandbox may be used here (behind the relay: when the session allows it for the region). */
  isSandboxAllowed: boolean
  setConnection: (connection: Connection, options?: { keyStorage?: KeyStorage }) => void
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

/** A production build's first state: the configured API, no key yet. */
export function unconfiguredConnection(): UpstreamConnection {
  return { kind: 'upstream', origin: buildEnv.apiOrigin, apiKey: '', region: 'unknown' }
}

/** "This relay" in the session's default region (or the one asked for, when it may be used). */
export function relayConnection(start: RelayStart, region?: string): RelayConnection {
  const session = start.session
  const allowed = session?.regions.some((option) => option.id === region) === true
  return {
    kind: 'relay',
    region: (allowed ? region : session?.defaultRegion) ?? 'signed-out',
    subject: session?.subject ?? '',
  }
}

/**
 * The region part of every cache key, journal, draft and recent-candidates list. The mock's demo
 * regions keep their plain ids (a demo region has exactly one key). An upstream region is
 * prefixed with its base URL and ends with a fingerprint of base URL + key (never the key): demo
 * data, one upstream and another never share a cache entry or a journal even when their regions
 * have one name, and a changed key — which may open another region while the typed region name
 * stays — is another scope, so no pending write or cached record crosses to the new key.
 */
export function scopeRegion(connection: Connection): string {
  if (connection.kind === 'mock') return connection.region
  // Behind the relay, per counsellor (a fingerprint of who, never a secret): see RelayConnection.
  if (connection.kind === 'relay')
    return `relay:${connection.region}:${keyFingerprint('relay', connection.subject)}`
  return `upstream:${connection.origin}:${connection.region}:${keyFingerprint(connection.origin, connection.apiKey)}`
}

export function displayRegionName(connection: Connection, relay: RelayStart | null = null): string {
  if (connection.kind === 'mock')
    return findDemoRegion(connection.region)?.name ?? connection.region
  if (connection.kind === 'relay') {
    // Signed out there is no region yet (its id is a placeholder): nothing to name.
    if (!relay?.session) return ''
    return (
      relay.session.regions.find((region) => region.id === connection.region)?.name ??
      connection.region
    )
  }
  return connection.regionName ?? connection.region
}

/** What the app starts with: a remembered choice that still holds, else relay, mock or setup. */
function initialConnectionOf(
  stored: Connection | undefined,
  relay: RelayStart | null,
  isMockAvailable: boolean,
): Connection {
  if (stored?.kind === 'upstream') return stored
  if (stored?.kind === 'mock' && isMockAvailable) return stored
  if (relay) return relayConnection(relay, stored?.kind === 'relay' ? stored.region : undefined)
  return isMockAvailable ? mockConnection() : unconfiguredConnection()
}

function apiConfigOf(connection: Connection) {
  if (connection.kind === 'relay')
    return {
      origin: '',
      apiKey: '',
      relay: { region: connection.region, subject: connection.subject },
    }
  return { origin: connection.kind === 'mock' ? '' : connection.origin, apiKey: connection.apiKey }
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
  /** Defaults to the build's `VITE_ENABLE_MOCK`. */
  isMockAvailable?: boolean
  /** The running mock's control (main.tsx), for the QA panel; null without a mock. */
  mockControl?: MockControlPort | null
  /** What main.tsx found at `/auth/session`: served by our relay (relay mode), or null. */
  relay?: RelayStart | null
}

export function ConnectionProvider({
  children,
  initialConnection,
  initialEnvironment,
  initialSandboxMode,
  isMockAvailable = buildEnv.isMockAvailable,
  mockControl = null,
  relay = null,
}: ConnectionProviderProps) {
  const [stored] = useState(readStoredConnection)
  const [connection, setConnectionState] = useState<Connection>(
    () => initialConnection ?? initialConnectionOf(stored?.connection, relay, isMockAvailable),
  )
  const [environment, setEnvironment] = useState<Environment>(
    () => initialEnvironment ?? environmentFromSearch(window.location.search),
  )
  const [sandboxMode, setSandboxModeState] = useState<SandboxMode>(
    () => initialSandboxMode ?? stored?.sandboxMode ?? 'header',
  )
  const [keyStorage, setKeyStorage] = useState<KeyStorage>(() => stored?.keyStorage ?? 'session')

  const api = useMemo(
    () =>
      createApiClient({
        ...apiConfigOf(connection),
        region: scopeRegion(connection),
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
      keyStorage,
      regionName: displayRegionName(connection, relay),
      isMockAvailable,
      needsSetup: connection.kind === 'upstream' && connection.apiKey === '',
      relay,
      isSandboxAllowed:
        connection.kind !== 'relay' ||
        relay?.session?.regions.find((region) => region.id === connection.region)?.sandbox === true,
      setConnection: (next, options) => {
        const nextKeyStorage = options?.keyStorage ?? keyStorage
        setConnectionState(next)
        setKeyStorage(nextKeyStorage)
        writeStoredConnection({ connection: next, sandboxMode, keyStorage: nextKeyStorage })
      },
      setEnvironment,
      setSandboxMode: (next) => {
        setSandboxModeState(next)
        writeStoredConnection({ connection, sandboxMode: next, keyStorage })
      },
    }),
    [connection, environment, sandboxMode, keyStorage, isMockAvailable, relay],
  )

  return (
    <ConnectionContext value={state}>
      <ApiContext value={api}>
        <MockControlContext value={mockControl}>{children}</MockControlContext>
      </ApiContext>
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
