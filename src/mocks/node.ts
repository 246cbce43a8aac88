import { setupServer, type SetupServer } from 'msw/node'
import { createMockBackend, type MockBackend, type MockBackendOptions } from '@/mocks/backend'

/**
 * The mock backend for Vitest (and any Node script): an msw/node server over the same handlers
 * the browser demo uses. The caller owns the lifecycle:
 *
 *   const { server, backend } = createMockServer({ baseUrl: 'http://api.test' })
 *   beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
 *   afterEach(() => backend.reset())
 *   afterAll(() => server.close())
 */
export function createMockServer(options: MockBackendOptions | MockBackend = {}): {
  server: SetupServer
  backend: MockBackend
} {
  const backend = 'handlers' in options ? options : createMockBackend(options)
  return { server: setupServer(...backend.handlers), backend }
}
