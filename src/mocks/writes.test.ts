// @vitest-environment node
import { expect, test, vi } from 'vitest'
import { acceptedSchema, interactionListSchema } from '@/api/contract'
import {
  call,
  type CallResult,
  candidatePayload,
  errorOf,
  interactionPayload,
  RIJNMOND_KEY,
  fixedMockOptions,
} from '@/mocks/calls.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const { backend } = setupMockBackend(fixedMockOptions())

const firstCandidate = (region: 'utrecht' | 'rijnmond' = 'utrecht') => {
  const candidate = backend.db.candidates(region, 'production')[0]
  if (!candidate) throw new Error('no seed')
  return candidate
}

test('batch creates take 1 to 10 items: 0 and 11 are refused before anything is queued', async () => {
  const id = firstCandidate().id
  for (const size of [0, 11]) {
    const body = Array.from({ length: size }, () => interactionPayload())
    const result = await call('POST', `/candidates/${id}/interactions`, { body })
    expect(result.status).toBe(400)
    expect(errorOf(result).message).toBe(
      `The request body must contain 1 to 10 interactions (got ${size}).`,
    )
  }
  const notArray = await call('POST', '/candidates', { body: candidatePayload() })
  expect(notArray.status).toBe(400)
  expect(errorOf(notArray).message).toContain('must be a JSON array')
  expect(backend.engine.queued()).toEqual([])
  for (const size of [1, 10]) {
    const body = Array.from({ length: size }, () => interactionPayload())
    expect((await call('POST', `/candidates/${id}/interactions`, { body })).status).toBe(202)
  }
})

test('validation issues point at the item and field, inline interactions included', async () => {
  const result = await call('POST', '/candidates', {
    body: [
      candidatePayload(),
      {
        ...candidatePayload({ email: undefined, foo: 1 }),
        interactions: [
          interactionPayload(),
          interactionPayload({ performedAt: '10-03-2026', type: ['Bellen'] }),
        ],
      },
    ],
  })
  expect(result.status).toBe(400)
  const body = errorOf(result)
  expect(body.error.code).toBe('validation_error')
  expect(body.error.issues).toEqual(
    expect.arrayContaining([
      { path: [1, 'email'], message: 'is required' },
      { path: [1, 'foo'], message: "unknown field 'foo' — not in this region's schema" },
      {
        path: [1, 'interactions', 1, 'performedAt'],
        message: 'must be a date (YYYY-MM-DD) or a date-time with offset',
      },
      {
        path: [1, 'interactions', 1, 'type'],
        message:
          'must be one of: Telefonisch, E-mail, Persoonlijk, Adviesgesprek, Inschrijving activiteit, Anders (got "Bellen")',
      },
    ]),
  )
  expect(body.error.issues).toHaveLength(4)
  expect(backend.engine.queued()).toEqual([])
})

test('field rules come from the region: lengths, integers, and fields of the other region', async () => {
  const id = firstCandidate().id
  const result = await call('POST', `/candidates/${id}/interactions`, {
    body: [interactionPayload({ summary: 'x'.repeat(256), duration: 90.5, location: 'Utrecht' })],
  })
  const issues = errorOf(result).error.issues ?? []
  expect(issues).toHaveLength(3)
  expect(issues).toEqual(
    expect.arrayContaining([
      { path: [0, 'summary'], message: 'must be at most 255 characters' },
      { path: [0, 'duration'], message: 'must be a whole number' },
      { path: [0, 'location'], message: "unknown field 'location' — not in this region's schema" },
    ]),
  )
  const rijnmondId = firstCandidate('rijnmond').id
  const accepted = await call('POST', `/candidates/${rijnmondId}/interactions`, {
    key: RIJNMOND_KEY,
    body: [interactionPayload({ location: 'Rotterdam Centrum', followUpOn: null })],
  })
  expect(accepted.status).toBe(202)
})

test('PATCH needs one JSON object with at least one field; inline interactions only on create', async () => {
  const candidate = firstCandidate()
  const interaction = backend.db.interactions(
    'utrecht',
    'production',
    backend.db.candidates('utrecht', 'production')[1]?.id ?? '',
  )[0]
  const path = `/candidates/${interaction?.candidateId ?? ''}/interactions/${interaction?.id ?? ''}`
  const empty = await call('PATCH', path, { body: {} })
  expect(empty.status).toBe(400)
  expect(errorOf(empty).error.issues).toEqual([
    { path: [], message: 'at least one field must be provided' },
  ])
  expect(errorOf(await call('PATCH', path, { body: [{ summary: 'x' }] })).message).toContain(
    'JSON object',
  )
  const inline = await call('PATCH', `/candidates/${candidate.id}`, {
    body: { interactions: [interactionPayload()] },
  })
  expect(inline.status).toBe(400)
  expect(errorOf(inline).error.issues?.[0]?.path).toEqual(['interactions'])
  const wrongType = await call('PATCH', path, { body: { type: [] } })
  expect(errorOf(wrongType).error.issues).toEqual([
    { path: ['type'], message: 'must contain at least one value' },
  ])
})

test('malformed JSON and bad write parameters are 400 with a clear message; unknown params are ignored', async () => {
  const id = firstCandidate().id
  const broken = await call('POST', `/candidates/${id}/interactions`, { rawBody: '[{"type":' })
  expect(errorOf(broken).message).toBe('The request body is not valid JSON.')
  const badUrl = await call('POST', `/candidates/${id}/interactions`, {
    body: [interactionPayload()],
    query: { callbackUrl: 'not a url' },
  })
  expect(errorOf(badUrl).error.issues).toEqual([
    { path: ['callbackUrl'], message: 'must be an absolute http(s) URL' },
  ])
  const emptyKey = await call('DELETE', `/candidates/${id}/interactions/recX`, {
    query: { idempotencyKey: '' },
  })
  expect(emptyKey.status).toBe(400)
  const extra = await call('POST', `/candidates/${id}/interactions`, {
    body: [interactionPayload()],
    query: { foo: 'bar', idempotencyKey: 'k-extra' },
  })
  expect(acceptedSchema.parse(extra.json).data.idempotencyKey).toBe('k-extra')
})

test('a write answers 202 with the contract body, with the client’s key or one the server made', async () => {
  const id = firstCandidate().id
  const own = await call('POST', `/candidates/${id}/interactions`, {
    body: [interactionPayload()],
    query: { idempotencyKey: 'key-1' },
  })
  expect(own.status).toBe(202)
  expect(acceptedSchema.parse(own.json)).toEqual({
    statusCode: 202,
    message: 'The mutation request has been accepted for processing.',
    data: {
      status: 'accepted',
      idempotencyKey: 'key-1',
      message: 'The mutation request has been accepted for processing.',
    },
    meta: { sandboxEnabled: false },
  })
  const made = acceptedSchema.parse(
    (await call('POST', `/candidates/${id}/interactions`, { body: [interactionPayload()] })).json,
  )
  expect(made.data.idempotencyKey).toMatch(/^mock_[0-9a-f]{24}$/)
})

test('POST /candidates creates candidates with their inline interactions together', async () => {
  const result = await call('POST', '/candidates', {
    body: [
      candidatePayload({
        interactions: [interactionPayload(), interactionPayload({ performedAt: '2026-03-01' })],
      }),
    ],
    query: { idempotencyKey: 'create-1' },
  })
  expect(result.status).toBe(202)
  await backend.engine.idle()
  const outcome = backend.engine.outcomes[0]?.outcome
  expect(outcome).toMatchObject({ status: 'succeeded', operation: 'create', resource: 'candidate' })
  const candidateId = outcome?.candidateId ?? ''
  expect(backend.db.candidate('utrecht', 'production', candidateId)?.lastName).toBe('van Kandidaat')
  const listed = interactionListSchema.parse(
    (await call('GET', `/candidates/${candidateId}/interactions`)).json,
  )
  expect(listed.data.map((i) => i.performedAt)).toEqual(['2026-03-09T14:30:00+01:00', '2026-03-01'])
})

test('PATCH changes only the fields sent; null clears a field and arrays are replaced', async () => {
  const candidateId = backend.db.candidates('utrecht', 'production')[1]?.id ?? ''
  const before = backend.db.interactions('utrecht', 'production', candidateId)[0]
  if (!before) throw new Error('no interaction')
  await call('PATCH', `/candidates/${candidateId}/interactions/${before.id}`, {
    body: { summary: null, type: ['E-mail', 'Anders'] },
  })
  await backend.engine.idle()
  const after = backend.db
    .interactions('utrecht', 'production', candidateId)
    .find((i) => i.id === before.id)
  expect(after).toEqual({
    ...before,
    summary: null,
    type: ['E-mail', 'Anders'],
    updatedAt: after?.updatedAt,
  })
  expect(backend.engine.outcomes[0]?.outcome.status).toBe('succeeded')
})

test('a slow write answer (writeAnswerDelayMs): the write is queued at once, its 202 or 400 comes later', async () => {
  const id = firstCandidate().id
  backend.setScenario({ writeAnswerDelayMs: 600_000, stuckQueue: true })
  let accepted: CallResult | null = null
  const write = call('POST', `/candidates/${id}/interactions`, {
    body: [interactionPayload()],
    query: { idempotencyKey: 'slow-1' },
  }).then((result) => (accepted = result))
  let refused: CallResult | null = null
  const invalid = call('POST', `/candidates/${id}/interactions`, {
    body: [interactionPayload({ performedAt: 'yesterday' })],
  }).then((result) => (refused = result))
  await vi.waitFor(() => {
    expect(backend.engine.queued().map((item) => item.idempotencyKey)).toEqual(['slow-1'])
  })
  // Both requests were handled (one queued, one refused); neither answer has left.
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(accepted).toBeNull()
  expect(refused).toBeNull()
  // Lowering the delay lets the waiting answers go.
  backend.setScenario({ writeAnswerDelayMs: 0 })
  expect((await write).status).toBe(202)
  expect((await invalid).status).toBe(400)
})

test('two requests with the same key in flight at once are queued once', async () => {
  const id = firstCandidate().id
  backend.setScenario({ stuckQueue: true })
  const send = () =>
    call('POST', `/candidates/${id}/interactions`, {
      body: [interactionPayload()],
      query: { idempotencyKey: 'twice-1' },
    })
  const answers = await Promise.all([send(), send()])
  expect(answers.map((answer) => answer.status)).toEqual([202, 202])
  expect(backend.engine.queued().map((item) => item.idempotencyKey)).toEqual(['twice-1'])
})
