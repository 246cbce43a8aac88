// @vitest-environment node
import { expect, test } from 'vitest'
import { controlFor } from '@/mocks/control'
import { call, fixedMockOptions, interactionPayload } from '@/mocks/calls.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const { backend } = setupMockBackend({ ...fixedMockOptions(), keepsDataBetweenTests: true })
const control = controlFor(backend)

test('the e2e control counts requests per method and path template, and inspects the data', async () => {
  const [candidate] = control.findCandidates('utrecht', 'production')
  if (!candidate) throw new Error('no seed')
  await call('GET', `/candidates/${candidate.id}/interactions`)
  await call('GET', `/candidates/${candidate.id}/interactions`, { sandbox: 'prefix' })
  await call('POST', `/candidates/${candidate.id}/interactions`, {
    body: [interactionPayload({ summary: 'via control' })],
  })
  expect(control.requestCounts()).toEqual({
    'GET /candidates/:candidateId/interactions': 2,
    'POST /candidates/:candidateId/interactions': 1,
  })
  expect(control.queued()).toHaveLength(1)
  await control.idle()
  expect(control.outcomes().map((o) => o.status)).toEqual(['succeeded'])
  const interactions = control.findInteractions('utrecht', 'production', candidate.id)
  expect(interactions.some((i) => i.summary === 'via control')).toBe(true)
  expect(() => control.findInteractions('atlantis', 'production', candidate.id)).toThrow(/atlantis/)
  control.reset()
  expect(control.requestCounts()).toEqual({})
  expect(
    control
      .findInteractions('utrecht', 'production', candidate.id)
      .some((i) => i.summary === 'via control'),
  ).toBe(false)
})

test('the QA channel reports scenario changes and the URL parameters that reproduce them', async () => {
  const qa = controlFor(backend, backend.getScenario())
  const seen: string[] = []
  const stop = qa.subscribeScenario(() => {
    seen.push(JSON.stringify(qa.scenarioSearchParams()))
  })
  qa.setScenario({ stuckQueue: true, readErrors: { mode: 'next', status: 429, remaining: 1 } })
  expect(qa.scenarioSearchParams()).toEqual({ 'mock.stuck': '1', 'mock.readErrors': '429x1' })
  const [candidate] = qa.findCandidates('utrecht', 'production')
  await call('GET', `/candidates/${candidate?.id ?? ''}`) // uses up the one read error
  expect(seen.at(-1)).toBe(JSON.stringify({ 'mock.stuck': '1' }))
  await call('POST', `/candidates/${candidate?.id ?? ''}/interactions`, {
    body: [interactionPayload()],
  })
  expect(qa.queuedCount()).toBe(1)
  expect(qa.scenarioParamNames).toContain('mock.latency')
  stop()
  qa.reset()
  expect(qa.queuedCount()).toBe(0)
})
