// @vitest-environment node
import { expect, test } from 'vitest'
import { createMockBackend } from '@/mocks/backend'
import { sortedCandidates } from '@/mocks/db'
import { performedAtInstant } from '@/mocks/dates'
import { isRecord } from '@/lib/json'
import { REGIONS, interactionItemJsonSchema, regionById, regionJsonSchema } from '@/mocks/regions'
import type { StoredCandidate, StoredInteraction } from '@/mocks/state'
import { RICH_CANDIDATE_COUNT } from '@/mocks/seed'
import { FIXED_NOW } from '@/mocks/calls.test-helpers'
import { validateBatch } from '@/mocks/validation'

const backend = createMockBackend({ now: FIXED_NOW })
const region = (id: string) => {
  const found = regionById(id)
  if (!found) throw new Error(id)
  return found
}

test('the same now gives the same data; environments and regions differ', () => {
  const again = createMockBackend({ now: FIXED_NOW })
  for (const r of REGIONS) {
    for (const env of ['production', 'sandbox'] as const) {
      expect(again.db.candidates(r.id, env)).toEqual(backend.db.candidates(r.id, env))
    }
  }
  const ids = (r: 'utrecht' | 'rijnmond', env: 'production' | 'sandbox') =>
    backend.db.candidates(r, env).map((c) => c.id)
  expect(ids('utrecht', 'sandbox')).not.toEqual(ids('utrecht', 'production').slice(0, 20))
  expect(ids('rijnmond', 'production')).not.toEqual(ids('utrecht', 'production'))
  const later = createMockBackend({ now: FIXED_NOW + 86_400_000 }).db.candidates(
    'utrecht',
    'production',
  )
  expect(later[0]?.createdAt).not.toBe(backend.db.candidates('utrecht', 'production')[0]?.createdAt)
})

test('each region has ~50 Dutch candidates with Airtable-like ids and a realistic spread', () => {
  for (const r of REGIONS) {
    const candidates = backend.db.candidates(r.id, 'production')
    expect(candidates).toHaveLength(50)
    expect(backend.db.candidates(r.id, 'sandbox')).toHaveLength(20)
    expect(candidates.every((c) => /^rec[A-Za-z0-9]{14}$/.test(c.id))).toBe(true)
    expect(new Set(candidates.map((c) => c.email)).size).toBe(50)
    expect(candidates.some((c) => /^(van|de|ter|in) /.test(c.lastName))).toBe(true)
    const counts = candidates.map((c) => backend.db.interactions(r.id, 'production', c.id).length)
    expect(counts.filter((n) => n > 100)).toHaveLength(1)
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(3)
    const all = candidates.flatMap((c) => backend.db.interactions(r.id, 'production', c.id))
    const dateOnly = all.filter((i) => /^\d{4}-\d{2}-\d{2}$/.test(i.performedAt))
    expect(dateOnly.length).toBeGreaterThan(all.length / 4)
    expect(dateOnly.length).toBeLessThan((all.length * 3) / 4)
    expect(all.filter((i) => performedAtInstant(i.performedAt) > FIXED_NOW).length).toBeGreaterThan(
      0,
    )
    expect(
      all.every((i) => Date.parse(i.createdAt) <= FIXED_NOW && i.updatedAt >= i.createdAt),
    ).toBe(true)
  }
})

test('every seeded candidate and interaction is valid against its region’s create schema', () => {
  for (const r of REGIONS) {
    for (const env of ['production', 'sandbox'] as const) {
      for (const candidate of backend.db.candidates(r.id, env)) {
        const interactions = backend.db.interactions(r.id, env, candidate.id)
        for (let start = 0; start < Math.max(1, interactions.length); start += 10) {
          const payload = {
            ...asPayload(candidate),
            interactions: interactions.slice(start, start + 10).map(asPayload),
          }
          const result = validateBatch(r, 'candidate', [payload])
          expect(result.ok ? [] : result.issues).toEqual([])
        }
      }
    }
  }
})

const STORED_ONLY = ['id', 'candidateId', 'createdAt', 'updatedAt']
function asPayload(record: StoredCandidate | StoredInteraction) {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !STORED_ONLY.includes(key)))
}

function propertyNames(schema: Record<string, unknown>): string[] {
  return isRecord(schema.properties) ? Object.keys(schema.properties) : []
}

test('the two regions publish different schemas with the shape Zod emits', () => {
  const utrecht = interactionItemJsonSchema(region('utrecht'), 'create')
  const rijnmond = interactionItemJsonSchema(region('rijnmond'), 'create')
  expect(utrecht).toMatchObject({
    type: 'object',
    required: ['type', 'performedAt'],
    additionalProperties: false,
    properties: {
      type: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'string',
          enum: [
            'Telefonisch',
            'E-mail',
            'Persoonlijk',
            'Adviesgesprek',
            'Inschrijving activiteit',
            'Anders',
          ],
        },
      },
      performedAt: { anyOf: [{ format: 'date' }, { format: 'date-time' }] },
      summary: { type: 'string', maxLength: 255 },
      notes: { type: 'string', maxLength: 10000 },
      duration: { type: 'integer', minimum: 0, maximum: 86400 },
    },
  })
  expect(propertyNames(rijnmond)).toEqual(expect.arrayContaining(['location', 'followUpOn']))
  expect(propertyNames(utrecht)).not.toContain('location')
  expect(JSON.stringify(utrecht.properties)).not.toBe(JSON.stringify(rijnmond.properties))
  const create = regionJsonSchema(region('rijnmond'), 'create')
  expect(create.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  expect(JSON.stringify(create.properties)).toContain('hasTeachingQualification')
})

test('the update variant has every field optional, with the interaction PATCH item inside', () => {
  const update = regionJsonSchema(region('utrecht'), 'update')
  const item = interactionItemJsonSchema(region('utrecht'), 'update')
  expect(update.required).toBeUndefined()
  expect(item.required).toBeUndefined()
  expect(item).toMatchObject({
    additionalProperties: false,
    properties: {
      type: { minItems: 1 },
      summary: { anyOf: [{ maxLength: 255 }, { type: 'null' }] },
    },
  })
})

test('the first candidates of the list have rich, varied timelines; the empty and the busy come later', () => {
  for (const r of REGIONS) {
    for (const env of ['production', 'sandbox'] as const) {
      const listed = sortedCandidates({
        candidates: backend.db.candidates(r.id, env),
        interactions: [],
      })
      const timeline = (index: number) =>
        backend.db.interactions(r.id, env, listed[index]?.id ?? 'missing')
      for (let index = 0; index < RICH_CANDIDATE_COUNT; index += 1) {
        const items = timeline(index)
        expect(items.length).toBeGreaterThanOrEqual(10)
        expect(items.length).toBeLessThanOrEqual(20)
        const types = new Set(items.flatMap((item) => item.type))
        expect(types.size).toBeGreaterThanOrEqual(4)
        expect(types).toContain('E-mail')
        expect(types).toContain('Telefonisch')
        expect(types).toContain('Inschrijving activiteit')
        expect(types).toContain('Adviesgesprek')
        expect(items.filter((item) => item.notes !== undefined).length).toBeGreaterThanOrEqual(3)
        expect(items.filter((item) => item.duration !== undefined).length).toBeGreaterThanOrEqual(4)
        const instants = items.map((item) => performedAtInstant(item.performedAt))
        const spanDays = (Math.max(...instants) - Math.min(...instants)) / 86_400_000
        expect(spanDays).toBeGreaterThan(180)
        expect(instants.some((at) => at > FIXED_NOW)).toBe(true) // a planned next step
        const created = Date.parse(listed[index]?.createdAt ?? '')
        expect(items.every((item) => Date.parse(item.createdAt) >= created)).toBe(true)
      }
      // No two of them tell exactly the same story.
      const summaries = (index: number) => timeline(index).map((item) => item.summary)
      expect(summaries(0)).not.toEqual(summaries(1))
      // The empty and the 100+ cases are still there, further down the list.
      const counts = listed.map((_, index) => timeline(index).length)
      expect(counts.slice(0, RICH_CANDIDATE_COUNT + 1).every((n) => n > 0 && n <= 100)).toBe(true)
      expect(counts.indexOf(0)).toBeGreaterThan(RICH_CANDIDATE_COUNT)
      expect(counts.findIndex((n) => n > 100)).toBeGreaterThan(RICH_CANDIDATE_COUNT)
    }
  }
})
