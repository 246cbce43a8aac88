// @vitest-environment node
import { afterEach, expect, test, vi } from 'vitest'
import { acceptedSchema, mutationOutcomeSchema, verifyCallback } from '@/api/contract'
import { MAX_ATTEMPTS } from '@/mocks/engine'
import { mulberry32 } from '@/mocks/prng'
import { regionById } from '@/mocks/regions'
import { FIXED_NOW, call, fixedMockOptions, interactionPayload } from '@/mocks/calls.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

/** Failure rolls come first in each attempt: this random fails the first `failures` attempts. */
let failuresLeft = 0
const base = mulberry32(11)
const random = () => {
  if (failuresLeft > 0) {
    failuresLeft -= 1
    return 0
  }
  return base()
}

const { backend } = setupMockBackend(fixedMockOptions({ random }))
afterEach(() => {
  failuresLeft = 0
})

const seeded = (index: number) => {
  const candidate = backend.db.candidates('utrecht', 'production')[index]
  if (!candidate) throw new Error('no seed')
  const interactions = backend.db.interactions('utrecht', 'production', candidate.id)
  return { candidate, interactions }
}
/** A seeded candidate without interactions: what a test creates is all there is. */
const empty = () => {
  const candidate = backend.db
    .candidates('utrecht', 'production')
    .find((c) => backend.db.interactions('utrecht', 'production', c.id).length === 0)
  if (!candidate) throw new Error('the seed has no candidate without interactions')
  return { candidate, interactions: [] }
}
const outcomes = () => backend.engine.outcomes.map(({ outcome }) => outcome)

test('one queue per region and environment runs its mutations one at a time, in order', async () => {
  backend.setScenario({ latencyMs: 5 })
  const { candidate, interactions } = seeded(1)
  const target = interactions[0]?.id ?? ''
  const path = `/candidates/${candidate.id}/interactions/${target}`
  await call('PATCH', path, { body: { summary: 'eerst' }, query: { idempotencyKey: 'a' } })
  await call('DELETE', path, { query: { idempotencyKey: 'b' } })
  await call('PATCH', path, { body: { summary: 'te laat' }, query: { idempotencyKey: 'c' } })
  expect(backend.engine.queued().map((m) => m.idempotencyKey)).toEqual(['a', 'b', 'c'])
  await backend.engine.idle()
  expect(outcomes().map((o) => [o.idempotencyKey, o.status])).toEqual([
    ['a', 'succeeded'],
    ['b', 'succeeded'],
    ['c', 'failed'],
  ])
  expect(outcomes()[2]?.error?.code).toBe('not_found')
})

test('a replayed idempotency key returns the first 202 and never runs twice, even with another body', async () => {
  const { candidate } = empty()
  const path = `/candidates/${candidate.id}/interactions`
  const first = await call('POST', path, {
    body: [interactionPayload()],
    query: { idempotencyKey: 'same' },
  })
  const second = await call('POST', path, {
    body: [interactionPayload(), interactionPayload({ summary: 'anders' })],
    query: { idempotencyKey: 'same' },
  })
  expect(second.status).toBe(202)
  expect(second.json).toEqual(first.json)
  await backend.engine.idle()
  const third = await call('POST', path, {
    body: [interactionPayload()],
    query: { idempotencyKey: 'same' },
  })
  expect(third.json).toEqual(first.json)
  await backend.engine.idle()
  expect(backend.db.interactions('utrecht', 'production', candidate.id)).toHaveLength(1)
  expect(outcomes()).toHaveLength(1)
})

test('ownership is enforced at execution: 202 first, then a failed outcome', async () => {
  const a = seeded(1)
  const b = seeded(2)
  const foreign = b.interactions[0]
  if (!foreign) throw new Error('no interaction')
  const result = await call('PATCH', `/candidates/${a.candidate.id}/interactions/${foreign.id}`, {
    body: { summary: 'gekaapt' },
    query: { idempotencyKey: 'steal' },
  })
  expect(result.status).toBe(202)
  const missing = await call(
    'DELETE',
    `/candidates/${a.candidate.id}/interactions/recDoesNotExist00`,
  )
  expect(missing.status).toBe(202)
  const noCandidate = await call('POST', '/candidates/recNoSuchPerson00/interactions', {
    body: [interactionPayload()],
  })
  expect(noCandidate.status).toBe(202)
  await backend.engine.idle()
  expect(outcomes().map((o) => [o.status, o.error?.code])).toEqual([
    ['failed', 'ownership'],
    ['failed', 'not_found'],
    ['failed', 'not_found'],
  ])
  expect(outcomes()[0]).toMatchObject({
    operation: 'update',
    resource: 'interaction',
    candidateId: a.candidate.id,
    recordIds: [foreign.id],
  })
  const still = backend.db
    .interactions('utrecht', 'production', b.candidate.id)
    .find((i) => i.id === foreign.id)
  expect(still).toEqual(foreign)
})

test('transient failures are retried inside the engine; only exhausted retries fail', async () => {
  const { candidate } = empty()
  const path = `/candidates/${candidate.id}/interactions`
  backend.setScenario({ failureRate: 0.5 })
  failuresLeft = MAX_ATTEMPTS - 1
  await call('POST', path, { body: [interactionPayload()], query: { idempotencyKey: 'flaky' } })
  await backend.engine.idle()
  expect(outcomes()[0]?.status).toBe('succeeded')
  expect(backend.db.interactions('utrecht', 'production', candidate.id)).toHaveLength(1)

  failuresLeft = MAX_ATTEMPTS
  await call('POST', path, { body: [interactionPayload()], query: { idempotencyKey: 'broken' } })
  await backend.engine.idle()
  expect(outcomes()[1]).toMatchObject({
    status: 'failed',
    recordIds: [],
    error: { code: 'internal_error' },
  })
  expect(backend.db.interactions('utrecht', 'production', candidate.id)).toHaveLength(1)
})

test('a stuck queue accepts writes but executes nothing until it is released', async () => {
  const { candidate } = empty()
  backend.setScenario({ stuckQueue: true })
  await call('POST', `/candidates/${candidate.id}/interactions`, {
    body: [interactionPayload()],
    query: { idempotencyKey: 's1' },
  })
  await new Promise((resolve) => setTimeout(resolve, 30))
  expect(backend.engine.queued().map((m) => m.idempotencyKey)).toEqual(['s1'])
  expect(outcomes()).toEqual([])
  backend.setScenario({ stuckQueue: false })
  await backend.engine.idle()
  expect(outcomes().map((o) => o.status)).toEqual(['succeeded'])
  expect(backend.engine.queued()).toEqual([])
})

test('a dropped write response is retried with the same key: one record, the first 202', async () => {
  const { candidate } = empty()
  const request = { body: [interactionPayload()], query: { idempotencyKey: 'lost-1' } }
  backend.setScenario({ dropNextWrite: true })
  await expect(call('POST', `/candidates/${candidate.id}/interactions`, request)).rejects.toThrow()
  expect(backend.getScenario().dropNextWrite).toBe(false)
  const retry = await call('POST', `/candidates/${candidate.id}/interactions`, request)
  expect(acceptedSchema.parse(retry.json).data.idempotencyKey).toBe('lost-1')
  await backend.engine.idle()
  expect(backend.db.interactions('utrecht', 'production', candidate.id)).toHaveLength(1)
  expect(outcomes()).toHaveLength(1)
})

test('with a callbackUrl the outcome is delivered as a callback signed with the region’s secret', async () => {
  const { candidate } = empty()
  const callbackUrl = 'https://relay.test/callbacks/utrecht?attempt=1'
  await call('POST', `/candidates/${candidate.id}/interactions`, {
    body: [interactionPayload()],
    query: { idempotencyKey: 'cb-1', callbackUrl },
  })
  await backend.engine.idle()
  const [delivery] = backend.engine.deliveries
  if (!delivery) throw new Error('no delivery')
  expect(delivery.url).toBe(callbackUrl)
  const secret = regionById('utrecht')?.signingSecret ?? ''
  const check = (rawBody: string, key = secret) =>
    verifyCallback({
      secret: key,
      callbackUrl,
      headers: delivery.headers,
      rawBody,
      nowSeconds: FIXED_NOW / 1000,
    })
  expect(await check(delivery.body)).toBe(true)
  expect(await check(delivery.body.replace('succeeded', 'failed'))).toBe(false)
  expect(await check(delivery.body, regionById('rijnmond')?.signingSecret)).toBe(false)
  expect(mutationOutcomeSchema.parse(JSON.parse(delivery.body))).toEqual(outcomes()[0])
})

test('queues of different regions and environments do not wait for each other', async () => {
  backend.setScenario({ latencyMs: 60 })
  const { candidate } = empty()
  await call('POST', `/candidates/${candidate.id}/interactions`, {
    body: [interactionPayload()],
    query: { idempotencyKey: 'p1' },
  })
  await call('POST', `/candidates/${candidate.id}/interactions`, {
    body: [interactionPayload()],
    query: { idempotencyKey: 'p2' },
  })
  const sandboxId = backend.db.candidates('utrecht', 'sandbox')[0]?.id ?? ''
  await call('POST', `/candidates/${sandboxId}/interactions`, {
    sandbox: 'header',
    body: [interactionPayload()],
    query: { idempotencyKey: 's1' },
  })
  await backend.engine.idle()
  // The sandbox queue's only item finishes before production's second one.
  expect(outcomes().map((o) => o.idempotencyKey)).toEqual(['p1', 's1', 'p2'])
})

test('the engine waits the scenario latency on plain setTimeout, so fake timers drive it', async () => {
  const { candidate } = empty()
  backend.setScenario({ latencyMs: 1500 })
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const accepted = await call('POST', `/candidates/${candidate.id}/interactions`, {
      body: [interactionPayload()],
      query: { idempotencyKey: 'slow' },
    })
    expect(accepted.status).toBe(202)
    await vi.advanceTimersByTimeAsync(1499)
    expect(outcomes()).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(outcomes().map((o) => o.idempotencyKey)).toEqual(['slow'])
  } finally {
    vi.useRealTimers()
  }
})
