// @vitest-environment node
import { expect, test } from 'vitest'
import {
  HEADER_RETRY_AFTER,
  INTERACTIONS_LIST_LIMIT,
  candidateEnvelopeSchema,
  candidateListSchema,
  interactionListSchema,
  schemaEnvelopeSchema,
} from '@/api/contract'
import { performedAtInstant } from '@/mocks/dates'
import { RIJNMOND_KEY, call, errorOf, fixedMockOptions } from '@/mocks/calls.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const { backend } = setupMockBackend(fixedMockOptions())

const utrecht = () => backend.db.candidates('utrecht', 'production')

test('a request without x-api-key, or with an unknown key, gets 401 with the error body', async () => {
  for (const key of [null, 'not-a-key']) {
    const result = await call('GET', '/candidates', { key })
    expect(result.status).toBe(401)
    expect(errorOf(result)).toMatchObject({
      statusCode: 401,
      error: { code: 'unauthorized' },
      meta: { sandboxEnabled: false },
    })
  }
  const sandboxed = await call('GET', '/candidates', { key: null, sandbox: 'prefix' })
  expect(errorOf(sandboxed).meta).toEqual({ sandboxEnabled: true })
})

test('another region’s candidate is 404, for the candidate and its interactions', async () => {
  const id = utrecht()[0]?.id ?? ''
  expect((await call('GET', `/candidates/${id}`)).status).toBe(200)
  for (const path of [`/candidates/${id}`, `/candidates/${id}/interactions`]) {
    const result = await call('GET', path, { key: RIJNMOND_KEY })
    expect(result.status).toBe(404)
    expect(errorOf(result).error.code).toBe('not_found')
  }
})

test('cursor pagination returns every candidate exactly once, in a stable order', async () => {
  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const query: Record<string, string> = { pageSize: '7', ...(cursor ? { cursor } : {}) }
    const page = candidateListSchema.parse((await call('GET', '/candidates', { query })).json)
    seen.push(...page.data.map((candidate) => candidate.id))
    cursor = page.meta.cursor
    pages += 1
  } while (cursor !== null && pages < 100)
  expect(seen).toHaveLength(50)
  expect(new Set(seen).size).toBe(50)
  expect(seen).toEqual(utrecht().map((candidate) => candidate.id))
  expect(pages).toBe(8)
})

test('the default page size is 25 and the last page has a null cursor', async () => {
  const first = candidateListSchema.parse((await call('GET', '/candidates')).json)
  expect(first.data).toHaveLength(25)
  expect(first.meta.cursor).not.toBeNull()
  const all = candidateListSchema.parse(
    (await call('GET', '/candidates', { query: { pageSize: '100' } })).json,
  )
  expect(all.data).toHaveLength(50)
  expect(all.meta.cursor).toBeNull()
})

test('an invalid pageSize or cursor is a 400 that names the parameter', async () => {
  for (const pageSize of ['0', '101', 'ten', '2.5']) {
    const result = await call('GET', '/candidates', { query: { pageSize } })
    expect(result.status).toBe(400)
    expect(errorOf(result).error.issues?.[0]?.path).toEqual(['pageSize'])
  }
  const badCursor = await call('GET', '/candidates', { query: { cursor: 'bm9wZQ' } })
  expect(badCursor.status).toBe(400)
  expect(errorOf(badCursor).error.issues?.[0]?.path).toEqual(['cursor'])
})

test('find matches e-mail case-insensitively, lets e-mail win, and compares phone digits only', async () => {
  const withPhone = utrecht().find((c) => typeof c.phone === 'string' && c.phone.startsWith('06-'))
  if (!withPhone || typeof withPhone.phone !== 'string') throw new Error('seed has no 06- phone')
  const byEmail = await call('GET', '/candidates/find', {
    query: { email: withPhone.email.toUpperCase() },
  })
  expect(candidateEnvelopeSchema.parse(byEmail.json).data.id).toBe(withPhone.id)

  const digits = withPhone.phone.replace(/\D/g, '')
  const spaced = `${digits.slice(0, 2)}-${digits.slice(2, 6)} ${digits.slice(6)}`
  const byPhone = await call('GET', '/candidates/find', { query: { phone: spaced } })
  expect(candidateEnvelopeSchema.parse(byPhone.json).data.id).toBe(withPhone.id)

  const other = utrecht().find((c) => c.id !== withPhone.id)
  const both = await call('GET', '/candidates/find', {
    query: { email: other?.email ?? '', phone: withPhone.phone },
  })
  expect(candidateEnvelopeSchema.parse(both.json).data.id).toBe(other?.id)

  expect(
    (await call('GET', '/candidates/find', { query: { email: 'nobody@example.org' } })).status,
  ).toBe(404)
  const none = await call('GET', '/candidates/find')
  expect(none.status).toBe(400)
  expect(errorOf(none).message).toMatch(/email.*phone/)
})

test('a candidate with more than 100 interactions lists exactly the 100 newest', async () => {
  const busy = utrecht().find(
    (c) => backend.db.interactions('utrecht', 'production', c.id).length > 100,
  )
  if (!busy) throw new Error('seed has no busy candidate')
  const all = backend.db.interactions('utrecht', 'production', busy.id)
  const listed = interactionListSchema.parse(
    (await call('GET', `/candidates/${busy.id}/interactions`)).json,
  ).data
  expect(listed).toHaveLength(INTERACTIONS_LIST_LIMIT)
  const instants = listed.map((i) => performedAtInstant(i.performedAt))
  expect(instants).toEqual([...instants].sort((a, b) => b - a))
  const oldestListed = Math.min(...instants)
  const left = all.filter((i) => !listed.some((l) => l.id === i.id))
  expect(left.length).toBe(all.length - 100)
  expect(left.every((i) => performedAtInstant(i.performedAt) <= oldestListed)).toBe(true)
})

test('the next N reads answer 429 with Retry-After, then reads work again', async () => {
  backend.setScenario({ readErrors: { mode: 'next', status: 429, remaining: 2 } })
  for (let i = 0; i < 2; i += 1) {
    const result = await call('GET', '/candidates')
    expect(result.status).toBe(429)
    expect(result.headers.get(HEADER_RETRY_AFTER)).toBe('1')
    expect(errorOf(result).error.code).toBe('rate_limited')
  }
  expect((await call('GET', '/candidates')).status).toBe(200)
  backend.setScenario({ readErrors: { mode: 'next', status: 500, remaining: 1 } })
  expect((await call('GET', '/schema')).status).toBe(500)
  expect((await call('GET', '/schema')).status).toBe(200)
})

test('burst mode answers 429 beyond the per-second read budget of a region only', async () => {
  backend.setScenario({ readErrors: { mode: 'burst', perSecond: 5 } })
  const statuses = []
  for (let i = 0; i < 7; i += 1) statuses.push((await call('GET', '/candidates')).status)
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
  expect((await call('GET', '/candidates', { key: RIJNMOND_KEY })).status).toBe(200)
})

test('/schema serves the region’s create and update JSON Schema; an unknown operation is 400', async () => {
  const create = schemaEnvelopeSchema.parse((await call('GET', '/schema')).json).data
  const update = schemaEnvelopeSchema.parse(
    (await call('GET', '/schema', { query: { operation: 'update' } })).json,
  ).data
  expect(create.required).toEqual(['firstName', 'lastName', 'email', 'privacyConsent'])
  expect(update.required).toBeUndefined()
  expect((await call('GET', '/schema', { query: { operation: 'delete' } })).status).toBe(400)
})

test('an unknown endpoint under the API prefix answers 404 JSON, not a web page', async () => {
  const result = await call('GET', '/nope')
  expect(result.status).toBe(404)
  expect(errorOf(result).message).toContain('/api/v2/nope')
})
