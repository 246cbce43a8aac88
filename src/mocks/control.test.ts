// @vitest-environment node
import { afterAll, expect, test } from 'vitest'
import { controlFor } from '@/mocks/control'
import { call, interactionPayload, startMock } from '@/mocks/test-kit'

const { server, backend } = startMock()
const control = controlFor(backend)
afterAll(() => {
  server.close()
})

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
