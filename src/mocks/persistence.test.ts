// @vitest-environment node
import { expect, test, vi } from 'vitest'
import { createMockBackend } from '@/mocks/backend'
import { memoryPersistence } from '@/mocks/persistence'
import { FIXED_NOW, call, fixedMockOptions, interactionPayload } from '@/mocks/calls.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const persistence = memoryPersistence()
const { backend } = setupMockBackend({
  ...fixedMockOptions({ persistence }),
  keepsDataBetweenTests: true,
})

test('a reload keeps the data and the queued mutations, and then executes them once', async () => {
  const candidateId =
    backend.db
      .candidates('utrecht', 'production')
      .find((c) => backend.db.interactions('utrecht', 'production', c.id).length === 0)?.id ?? ''
  const path = `/candidates/${candidateId}/interactions`
  await call('POST', path, {
    body: [interactionPayload({ summary: 'al gedaan' })],
    query: { idempotencyKey: 'done' },
  })
  await backend.engine.idle()
  backend.setScenario({ stuckQueue: true })
  await call('POST', path, {
    body: [interactionPayload({ summary: 'nog in de rij' })],
    query: { idempotencyKey: 'queued' },
  })
  expect(persistence.value).toContain('nog in de rij')

  // "Reload": a new backend over the same storage, with a clock that moved on.
  const reloaded = createMockBackend({ persistence, now: FIXED_NOW + 60_000 })
  expect(reloaded.engine.queued().map((m) => m.idempotencyKey)).toEqual(['queued'])
  expect(
    reloaded.db.interactions('utrecht', 'production', candidateId).map((i) => i.summary),
  ).toEqual(['al gedaan'])
  await reloaded.engine.idle()
  const summaries = reloaded.db
    .interactions('utrecht', 'production', candidateId)
    .map((i) => i.summary)
  expect(summaries.sort()).toEqual(['al gedaan', 'nog in de rij'])
  expect(reloaded.engine.isKnown({ region: 'utrecht', environment: 'production' }, 'queued')).toBe(
    true,
  )
  // Datasets not stored yet are still seeded from the stored anchor, not the new clock.
  const fresh = createMockBackend({ now: FIXED_NOW })
  expect(reloaded.db.candidates('rijnmond', 'sandbox')).toEqual(
    fresh.db.candidates('rijnmond', 'sandbox'),
  )
  backend.engine.reset()
})

test('corrupt or foreign stored state is ignored with a warning, and the demo starts fresh', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  const fresh = createMockBackend({ now: FIXED_NOW }).db.candidates('utrecht', 'production')
  const badQueue = JSON.stringify({
    version: 1,
    anchor: FIXED_NOW,
    nextSeq: 1,
    datasets: {},
    keys: {},
    queues: { 'utrecht:production': [{ seq: 1, command: { kind: 'drop-tables' } }] },
  })
  for (const stored of ['{"version":', '"hello"', JSON.stringify({ version: 99 }), badQueue]) {
    const backendFromStorage = createMockBackend({
      now: FIXED_NOW,
      persistence: memoryPersistence(stored),
    })
    expect(backendFromStorage.db.candidates('utrecht', 'production')).toEqual(fresh)
    expect(backendFromStorage.engine.queued()).toEqual([])
  }
  expect(warn).toHaveBeenCalledTimes(4)
})
