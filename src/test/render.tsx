import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { RouterProvider, createMemoryRouter } from 'react-router'
import type { Environment, SandboxMode } from '@/api/contract'
import { AppProviders } from '@/app/app'
import { routes } from '@/app/router'
import { environmentFromSearch, mockConnection, type Connection } from '@/config/connection'
import type { MockControlPort } from '@/config/mock-control'

export type RenderAppOptions = {
  /** Default: the built-in mock with the first demo region's key. */
  connection?: Connection
  /** Default: read from the route's `?sandbox=1`, like the real app reads the page URL. */
  environment?: Environment
  sandboxMode?: SandboxMode
  /** Default: a fresh client with retries off (see createTestQueryClient). */
  queryClient?: QueryClient
  startupError?: string | null
  /** The mock's control for the QA panel (e.g. `controlFor(backend)`); default none. */
  mockControl?: MockControlPort | null
}

/** Like the app's client but without retries, so error states show at once. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000, gcTime: Infinity } },
  })
}

/**
 * Mounts the real providers and routes at `route` on a memory router. Returns Testing Library's
 * result plus a `user` (user-event), the `router` (for `router.state.location`) and the
 * `queryClient`.
 */
export function renderApp(route: string = '/', options: RenderAppOptions = {}) {
  const queryClient = options.queryClient ?? createTestQueryClient()
  const router = createMemoryRouter(routes, { initialEntries: [route] })
  const user = userEvent.setup()
  const search = new URL(route, 'http://localhost').search
  const result = render(
    <AppProviders
      queryClient={queryClient}
      initialConnection={options.connection ?? mockConnection()}
      initialEnvironment={options.environment ?? environmentFromSearch(search)}
      initialSandboxMode={options.sandboxMode ?? 'header'}
      startupError={options.startupError ?? null}
      mockControl={options.mockControl ?? null}
    >
      <RouterProvider router={router} />
    </AppProviders>,
  )
  return { ...result, user, router, queryClient }
}
