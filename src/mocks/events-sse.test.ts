// @vitest-environment node
import { afterAll, expect, test, vi } from 'vitest'
import { EVENT_MUTATION, mutationOutcomeSchema } from '@/api/contract'
import { openEvents } from '@/mocks/events.test-helpers'
import { call, fixedMockOptions, interactionPayload } from '@/mocks/calls.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

// Browsers have EventSource, so there the mock serves /events through msw's own sse(). Node 20
// has none; a stand-in lets this file run the browser's path (msw only checks that it exists).
vi.hoisted(() => {
  vi.stubGlobal(
    'EventSource',
    class StandInEventSource {
      readonly readyState = 0
    },
  )
})

const { backend } = setupMockBackend(fixedMockOptions())
afterAll(() => {
  vi.unstubAllGlobals()
})

test('with EventSource available, msw’s sse() serves the same mutation events', async () => {
  const sseHandlers = backend.handlers.filter(
    (h) => h.constructor.name === 'ServerSentEventHandler',
  )
  expect(sseHandlers).toHaveLength(2) // one per prefix
  const stream = await openEvents()
  expect(stream.response.headers.get('content-type')).toBe('text/event-stream')
  const id = backend.db.candidates('utrecht', 'production')[0]?.id ?? ''
  await call('POST', `/candidates/${id}/interactions`, {
    body: [interactionPayload()],
    query: { idempotencyKey: 'via-sse' },
  })
  await backend.engine.idle()
  const event = await stream.next()
  expect(event?.event).toBe(EVENT_MUTATION)
  expect(mutationOutcomeSchema.parse(JSON.parse(event?.data ?? ''))).toMatchObject({
    idempotencyKey: 'via-sse',
  })
  stream.close()
})
