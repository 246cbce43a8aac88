import { QueryClient } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import type { Environment, SandboxMode } from '@/api/contract'
import { AppProviders } from '@/app/app'
import { RelayModeContext } from '@/app/relay-mode'
import { AppRoutes } from '@/app/router'
import { environmentFromSearch, mockConnection, type Connection } from '@/config/connection'
import type { MockControlPort } from '@/config/mock-control'
import type { RelayStart } from '@/config/relay-detect'
import { armTooltips } from '@/components/lazy-tooltip'

// App tests see the header's tooltips loaded, as a returning visitor does. The swap from bare
// buttons (components/lazy-tooltip.tsx) has its own tests; here it would only re-mount a button
// between a test's query and its click (a browser targets what is under the pointer, a test
// holds the old element), which made clicks in these tests flaky.
beforeAll(async () => {
  armTooltips()
  await import('@mui/material/Tooltip')
  await new Promise((resolve) => setTimeout(resolve, 0))
})

export type RenderAppOptions = {
  /** Default: the built-in mock with the first demo region's key (behind a relay: relay mode). */
  connection?: Connection
  /** Served by our relay, as `detectRelay()` found it; default none. */
  relay?: RelayStart | null
  /** Default: read from the route's `?sandbox=1`, like the real app reads the page URL. */
  environment?: Environment
  sandboxMode?: SandboxMode
  /** Default: a fresh client with retries off (see createTestQueryClient). */
  queryClient?: QueryClient
  startupError?: string | null
  /** The mock's control for the QA panel (e.g. `controlFor(backend)`); default none. */
  mockControl?: MockControlPort | null
  /** Render as behind the relay (audit trail asked for); default false. */
  isOnRelay?: boolean
}

/** Like the app's client but without retries, so error states show at once. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000, gcTime: Infinity } },
  })
}

/** A test's address: where the app is now, and every history entry it made on the way. */
export type MemoryUrl = {
  /** Like `location.pathname`. */
  readonly pathname: string
  /** Like `location.search`: `''` or `?…`. */
  readonly search: string
  /** The history, oldest first (a replace overwrites the last entry, a push adds one). */
  readonly entries: readonly string[]
  /** Navigates like a link would (`replace` for a replacing one). */
  navigate: (to: string, options?: { replace?: boolean }) => void
}

/**
 * An in-memory address at `route` (path and query), recorded so tests can assert navigation;
 * `router` holds the props for wouter's `<Router>` that reads it.
 */
export function createMemoryUrl(route: string = '/') {
  const memory = memoryLocation({ path: route, record: true })
  const current = () => memory.history.at(-1) ?? route
  const url: MemoryUrl = {
    get pathname() {
      return current().split('?')[0] ?? ''
    },
    get search() {
      const query = current().split('?')[1] ?? ''
      return query ? `?${query}` : ''
    },
    get entries() {
      return [...memory.history]
    },
    navigate: (to, options) => {
      act(() => {
        memory.navigate(to, options)
      })
    },
  }
  // Props for wouter's <Router>.
  const router = { hook: memory.hook, searchHook: memory.searchHook }
  return { url, router }
}

/**
 * Mounts the real providers and routes at `route` (path and query) on an in-memory address.
 * Returns Testing Library's result plus a `user` (user-event), the `url` (where the app is now,
 * and its history) and the `queryClient`.
 */
export function renderApp(route: string = '/', options: RenderAppOptions = {}) {
  const queryClient = options.queryClient ?? createTestQueryClient()
  const { url, router } = createMemoryUrl(route)
  const user = userEvent.setup()
  const search = new URL(route, 'http://localhost').search
  const result = render(
    <AppProviders
      queryClient={queryClient}
      initialConnection={options.connection ?? (options.relay ? undefined : mockConnection())}
      relay={options.relay ?? null}
      initialEnvironment={options.environment ?? environmentFromSearch(search)}
      initialSandboxMode={options.sandboxMode ?? 'header'}
      startupError={options.startupError ?? null}
      mockControl={options.mockControl ?? null}
    >
      <RelayModeContext value={options.isOnRelay ?? false}>
        <Router {...router}>
          <AppRoutes />
        </Router>
      </RelayModeContext>
    </AppProviders>,
  )
  return { ...result, user, url, queryClient }
}
