import { afterEach, beforeEach, expect, test } from 'vitest'
import { entry } from '@/features/timeline/timeline-entry.test-helpers'
import { entriesFromOverlay } from '@/features/timeline/timeline-entry'
import {
  NO_FILTERS,
  applyFilters,
  type TimelineFilters,
} from '@/features/timeline/timeline-filters'

const originalTz = process.env.TZ
beforeEach(() => {
  process.env.TZ = 'Europe/Amsterdam'
})
afterEach(() => {
  process.env.TZ = originalTz
})

const entries = [
  entry({ id: 'call', type: ['Telefonisch'], performedAt: '2025-05-02', summary: 'Belafspraak' }),
  entry({
    id: 'mail',
    type: ['E-mail'],
    performedAt: '2025-05-10T09:00:00+02:00',
    summary: 'Brochure gestuurd',
    notes: 'Informatie over de pabo en het zij-instroomtraject.',
  }),
  entry({
    id: 'both',
    type: ['Telefonisch', 'Adviesgesprek'],
    performedAt: '2025-05-31T23:30:00+02:00',
    summary: 'Oriënterend gesprek',
  }),
]

const visible = (filters: Partial<TimelineFilters>) => [
  ...applyFilters(entries, { ...NO_FILTERS, ...filters }).visibleIds,
]

test('the type filter shows entries with any of the chosen types', () => {
  expect(visible({ types: ['Telefonisch'] })).toEqual(['call', 'both'])
  expect(visible({ types: ['E-mail', 'Adviesgesprek'] })).toEqual(['mail', 'both'])
})

test('type counts count what each type would add under the other filters', () => {
  const result = applyFilters(entries, { ...NO_FILTERS, types: ['E-mail'], text: 'gesprek' })
  expect(Object.fromEntries(result.typeCounts)).toEqual({ Telefonisch: 1, Adviesgesprek: 1 })
  expect(result.visibleCount).toBe(0)
})

test('the date range is inclusive and compares local calendar days', () => {
  expect(visible({ from: '2025-05-02', to: '2025-05-10' })).toEqual(['call', 'mail'])
  // 23:30 on 31 May in Amsterdam is 31 May, even though it is 1 June nowhere near here.
  expect(visible({ from: '2025-05-31', to: '2025-05-31' })).toEqual(['both'])
  expect(visible({ from: '2025-06-01' })).toEqual([])
  expect(visible({ to: '2025-05-02' })).toEqual(['call'])
})

test('search looks in summary and notes, ignores case and accents, and needs every word', () => {
  expect(visible({ text: 'PABO' })).toEqual(['mail'])
  expect(visible({ text: 'orienterend' })).toEqual(['both'])
  expect(visible({ text: 'brochure zij-instroom' })).toEqual(['mail'])
  expect(visible({ text: 'brochure telefoon' })).toEqual([])
  expect(visible({ text: '   ' })).toEqual(['call', 'mail', 'both'])
})

test('with nothing shown, each filter says how many clearing just that one would bring back', () => {
  const result = applyFilters(entries, {
    ...NO_FILTERS,
    types: ['E-mail'],
    from: '2025-05-20',
  })
  expect(result.visibleCount).toBe(0)
  expect(result.withoutFilter).toEqual({ types: 1, dates: 1 })
})

test('the status filter groups the journal states: pending, failed (or not sent), not confirmed', () => {
  const overlay = entriesFromOverlay([
    {
      kind: 'pending',
      id: 'key-1:0',
      recordId: null,
      record: null,
      status: 'pending',
      pendingOperation: 'create',
      entryKey: 'key-1',
      target: { createKey: 'key-1', index: 0 },
      values: { type: ['E-mail'], performedAt: '2025-06-01' },
      previous: null,
      error: null,
      changedFields: [],
    },
    {
      kind: 'pending',
      id: 'key-2:0',
      recordId: null,
      record: null,
      status: 'unsent',
      pendingOperation: 'create',
      entryKey: 'key-2',
      target: { createKey: 'key-2', index: 0 },
      values: { type: ['E-mail'], performedAt: '2025-06-01' },
      previous: null,
      error: { kind: 'network', code: 'network_error', message: 'offline' },
      changedFields: [],
    },
  ])
  const all = [...entries, ...overlay]
  const result = applyFilters(all, { ...NO_FILTERS, statuses: ['failed'] })
  expect([...result.visibleIds]).toEqual(['key-2:0'])
  expect(result.statusCounts).toEqual({ pending: 1, failed: 1, stale: 0 })
})
