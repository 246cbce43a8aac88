// @vitest-environment node
import { expect, test } from 'vitest'
import { EVENT_MUTATION, mutationOutcomeSchema } from '@/api/contract'
import { openEvents } from '@/mocks/events.test-helpers'
import {
  RIJNMOND_KEY,
  call,
  errorOf,
  interactionPayload,
  fixedMockOptions,
} from '@/mocks/calls.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const { backend } = setupMockBackend(fixedMockOptions())

test('/events pushes each outcome of the key’s region and environment, and nothing else', async () => {
  const stream = await openEvents()
  expect(stream.response.status).toBe(200)
  expect(stream.response.headers.get('content-type')).toBe('text/event-stream')
  const rijnmondId = backend.db.candidates('rijnmond', 'production')[0]?.id ?? ''
  const sandboxId = backend.db.candidates('utrecht', 'sandbox')[0]?.id ?? ''
  const utrechtId = backend.db.candidates('utrecht', 'production')[0]?.id ?? ''
  const body = [interactionPayload()]
  await call('POST', `/candidates/${rijnmondId}/interactions`, {
    key: RIJNMOND_KEY,
    body,
    query: { idempotencyKey: 'r' },
  })
  await call('POST', `/candidates/${sandboxId}/interactions`, {
    sandbox: 'header',
    body,
    query: { idempotencyKey: 's' },
  })
  await call('POST', `/candidates/${utrechtId}/interactions`, {
    body,
    query: { idempotencyKey: 'p' },
  })
  await backend.engine.idle()
  const event = await stream.next()
  expect(event?.event).toBe(EVENT_MUTATION)
  const outcome = mutationOutcomeSchema.parse(JSON.parse(event?.data ?? ''))
  expect(outcome).toMatchObject({
    idempotencyKey: 'p',
    status: 'succeeded',
    candidateId: utrechtId,
  })
  expect(await stream.next(100)).toBeNull()
  stream.close()
})

test('the sandbox stream carries sandbox outcomes', async () => {
  const stream = await openEvents({ sandbox: true })
  const sandboxId = backend.db.candidates('utrecht', 'sandbox')[0]?.id ?? ''
  await call('POST', `/candidates/${sandboxId}/interactions`, {
    sandbox: 'prefix',
    body: [interactionPayload()],
    query: { idempotencyKey: 'sb' },
  })
  await backend.engine.idle()
  expect(JSON.parse((await stream.next())?.data ?? '{}')).toMatchObject({ idempotencyKey: 'sb' })
  stream.close()
})

test('/events needs a key, and answers 503 while events are switched off', async () => {
  expect((await openEvents({ key: null })).response.status).toBe(401)
  backend.setScenario({ eventsEnabled: false })
  const off = await call('GET', '/events', { headers: { accept: 'text/event-stream' } })
  expect(off.status).toBe(503)
  expect(errorOf(off).error.code).toBe('unavailable')
})

test('switching events off ends open streams, so clients fall back to polling', async () => {
  const stream = await openEvents()
  backend.setScenario({ eventsEnabled: false })
  expect(await stream.next(500)).toBeNull()
  const utrechtId = backend.db.candidates('utrecht', 'production')[0]?.id ?? ''
  await call('POST', `/candidates/${utrechtId}/interactions`, { body: [interactionPayload()] })
  await backend.engine.idle()
  expect(await stream.next(100)).toBeNull()
})
