import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createMockBackend, type MockBackendOptions } from '@/mocks/backend'

/** The clock the seed data is generated against, so every run sees the same people. */
export const TEST_NOW = new Date('2025-06-02T10:00:00Z')

export type SetupMockBackendOptions = MockBackendOptions & {
  /**
   * Serve only the answers each test adds with `server.use` (tests of the client against
   * hand-made responses); the mock's own handlers stay out. Default false.
   */
  isStubOnly?: boolean
  /** Keep the mock's data and scenario across the file's tests; default false (re-seeded). */
  keepsDataBetweenTests?: boolean
}

/**
 * The one way a Vitest file starts the mock: the real mock backend (the demo's own handlers)
 * served through msw/node for this test file. It listens before the tests, drops `server.use`
 * overrides and re-seeds after each test, and closes at the end. Unhandled requests fail the
 * test, so nothing slips through to a real network. Options of the backend (`baseUrl`, `now`,
 * `random`, `scenario`, `persistence`…) pass through; the clock defaults to TEST_NOW.
 */
export function setupMockBackend(options: SetupMockBackendOptions = {}) {
  const { isStubOnly = false, keepsDataBetweenTests = false, ...backendOptions } = options
  const backend = createMockBackend({ now: TEST_NOW, ...backendOptions })
  const server = setupServer(...(isStubOnly ? [] : backend.handlers))
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' })
  })
  afterEach(() => {
    server.resetHandlers()
    if (!keepsDataBetweenTests) backend.reset()
  })
  afterAll(() => {
    server.close()
  })
  return { server, backend }
}
