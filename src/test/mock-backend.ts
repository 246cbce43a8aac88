import { afterAll, afterEach, beforeAll } from 'vitest'
import type { MockBackendOptions } from '@/mocks/backend'
import { createMockServer } from '@/mocks/node'

/** The clock the seed data is generated against, so every run sees the same people. */
export const TEST_NOW = new Date('2025-06-02T10:00:00Z')

/**
 * Serves the real mock backend (the demo's own handlers) through msw/node for this test file:
 * listens before the tests, drops `server.use` overrides and re-seeds after each test, closes
 * at the end. Unhandled requests fail the test, so nothing slips through to a real network.
 */
export function setupMockBackend(options: MockBackendOptions = {}) {
  const { server, backend } = createMockServer({ now: TEST_NOW, ...options })
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' })
  })
  afterEach(() => {
    server.resetHandlers()
    backend.reset()
  })
  afterAll(() => {
    server.close()
  })
  return { server, backend }
}
