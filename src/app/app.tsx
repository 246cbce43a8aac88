import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { use, useState, type ReactNode } from 'react'
import type { Environment, SandboxMode } from '@/api/contract'
import { createQueryClient } from '@/app/query-client'
import { RelayModeContext } from '@/app/relay-mode'
import { AppRouter, AppRoutes } from '@/app/router'
import { StartupErrorContext } from '@/app/startup-error'
import { ConnectionProvider, useApi, useConnection, type Connection } from '@/config/connection'
import type { MockControlPort } from '@/config/mock-control'
import type { RelayStart } from '@/config/relay-detect'
import { JournalProvider, type JournalProviderOptions } from '@/mutations/journal-provider'
import { theme } from '@/theme/theme'

type AppProvidersProps = {
  children: ReactNode
  queryClient: QueryClient
  initialConnection?: Connection
  initialEnvironment?: Environment
  initialSandboxMode?: SandboxMode
  isMockAvailable?: boolean
  /** The running mock's control, for the QA panel (main.tsx passes it in mock builds). */
  mockControl?: MockControlPort | null
  startupError?: string | null
  /** Served by our relay (main.tsx asked `/auth/session`): relay mode. */
  relay?: RelayStart | null
  /** Journal timings and adapters (tests shorten them). */
  journalOptions?: JournalProviderOptions
}

/** Everything around the router; tests mount the same providers around a memory location. */
export function AppProviders({
  children,
  queryClient,
  startupError = null,
  journalOptions,
  ...connection
}: AppProvidersProps) {
  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient}>
        <ConnectionProvider {...connection}>
          <ScopedJournal options={journalOptions}>
            <StartupErrorContext value={startupError}>{children}</StartupErrorContext>
          </ScopedJournal>
        </ConnectionProvider>
      </QueryClientProvider>
    </ThemeProvider>
  )
}

/** The mutation journal of the connection's current environment and region (and relay mode). */
function ScopedJournal({
  children,
  options,
}: {
  children: ReactNode
  options: JournalProviderOptions | undefined
}) {
  const api = useApi()
  const { needsSetup, connection } = useConnection()
  const queryClient = useQueryClient()
  // Behind our relay, the audit trail ("logged by") is there to ask for.
  const isOnRelay = use(RelayModeContext) || connection.kind === 'relay'
  return (
    <RelayModeContext value={isOnRelay}>
      <JournalProvider
        api={api}
        isConnected={!needsSetup}
        queryClient={queryClient}
        options={options}
      >
        {children}
      </JournalProvider>
    </RelayModeContext>
  )
}

type AppProps = {
  /** Shown at the top of every page when the app started in a degraded way. */
  startupError?: string | null
  mockControl?: MockControlPort | null
  relay?: RelayStart | null
}

export function App({ startupError = null, mockControl = null, relay = null }: AppProps) {
  // One client per mounted app (not a module singleton), so nothing leaks between a test's
  // renders. The router keeps no state of its own: the address bar is its state.
  const [queryClient] = useState(createQueryClient)
  return (
    <AppProviders
      queryClient={queryClient}
      startupError={startupError}
      mockControl={mockControl}
      relay={relay}
    >
      <AppRouter>
        <AppRoutes />
      </AppRouter>
    </AppProviders>
  )
}
