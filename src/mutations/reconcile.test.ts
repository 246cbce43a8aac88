import { expect, test } from 'vitest'
import { INTERACTIONS_LIST_LIMIT } from '@/api/contract'
import type { ServerRecord } from '@/mutations/matching'
import { planReconcile } from '@/mutations/reconcile'
import { makeEntry } from '@/mutations/journal.test-helpers'

const payload = { type: ['Telefonisch'], performedAt: '2026-03-09T14:30:00+01:00' }
const rec = (id: string, extra: Record<string, unknown> = {}): ServerRecord => ({
  id,
  ...payload,
  ...extra,
})

test('a queued create found among new records is seen with its ids', () => {
  const entry = makeEntry({ key: 'c', phase: 'queued' }, { baselineIds: ['old'] })
  expect(planReconcile([entry], 'cand-1', [rec('old'), rec('new')], 5)).toEqual([
    { key: 'c', event: { type: 'seen-in-data', recordIds: ['new'] } },
  ])
})

test('another candidate’s data never settles an entry', () => {
  const entry = makeEntry({ key: 'c', phase: 'queued' }, { baselineIds: [] })
  expect(planReconcile([entry], 'cand-2', [rec('new')], 5)).toEqual([])
})

test('a confirmed create is seen once all its ids are in the data, not before', () => {
  const entry = makeEntry({ key: 'c', phase: 'confirmed', recordIds: ['a', 'b'], confirmedAt: 10 })
  expect(planReconcile([entry], 'cand-1', [rec('a')], 20)).toEqual([])
  expect(planReconcile([entry], 'cand-1', [rec('a'), rec('b')], 20)).toHaveLength(1)
})

test('an id a confirmed write owns is not offered to another create', () => {
  const confirmed = makeEntry({
    key: 'first',
    phase: 'confirmed',
    recordIds: ['x'],
    confirmedAt: 1,
  })
  const queued = makeEntry({ key: 'second', phase: 'queued', createdAt: 2000 }, { baselineIds: [] })
  const plan = planReconcile([confirmed, queued], 'cand-1', [rec('x')], 5)
  expect(plan.map((p) => p.key)).toEqual(['first'])
})

test('a confirmed update is seen by any read after the confirmation, even normalised', () => {
  const entry = makeEntry(
    { key: 'u', phase: 'confirmed', confirmedAt: 100 },
    { operation: 'update', target: { id: 'r' }, payload: { summary: 'x' } },
  )
  const records = [rec('r', { summary: 'X (normalised)' })]
  expect(planReconcile([entry], 'cand-1', records, 50)).toEqual([])
  expect(planReconcile([entry], 'cand-1', records, 150)).toEqual([
    { key: 'u', event: { type: 'seen-in-data', recordIds: ['r'] } },
  ])
})

test('queued updates and deletes are seen by their values and by absence', () => {
  const update = makeEntry(
    { key: 'u', phase: 'stale' },
    { operation: 'update', target: { id: 'r' }, payload: { summary: 'new' } },
  )
  const remove = makeEntry(
    { key: 'd', phase: 'queued' },
    { operation: 'delete', target: { id: 'gone' }, payload: null },
  )
  const plan = planReconcile([update, remove], 'cand-1', [rec('r', { summary: 'new' })], 1)
  expect(plan.map((p) => p.key).sort()).toEqual(['d', 'u'])
})

test('sending, unsent and failed entries are left to the sender and the counsellor', () => {
  const entries = (['sending', 'unsent', 'failed'] as const).map((phase, i) =>
    makeEntry({ key: phase, phase, createdAt: i }, { baselineIds: [] }),
  )
  expect(planReconcile(entries, 'cand-1', [rec('n1'), rec('n2'), rec('n3')], 1)).toEqual([])
})

const fullList = (prefix: string): ServerRecord[] =>
  Array.from({ length: INTERACTIONS_LIST_LIMIT }, (_, i) => rec(`${prefix}-${String(i)}`))

test('a delete whose record is beyond the newest 100 is not confirmed by its absence', () => {
  // The list is full and never showed the record: it may simply be older than the cut.
  const beyond = makeEntry(
    { key: 'd', phase: 'queued' },
    { operation: 'delete', target: { id: 'old-101' }, payload: null, baselineIds: null },
  )
  const notInBaseline = makeEntry(
    { key: 'd2', phase: 'stale' },
    { operation: 'delete', target: { id: 'old-102' }, payload: null, baselineIds: ['listed-0'] },
  )
  expect(planReconcile([beyond, notInBaseline], 'cand-1', fullList('listed'), 5)).toEqual([])
})

/** A full list, newest first: `${prefix}-0` on 2026-03-01 down to `${prefix}-99` 99 days before. */
const datedFullList = (prefix: string): ServerRecord[] =>
  Array.from({ length: INTERACTIONS_LIST_LIMIT }, (_, i) =>
    rec(`${prefix}-${String(i)}`, {
      performedAt: new Date(Date.UTC(2026, 2, 1) - i * 86_400_000).toISOString(),
      createdAt: '2026-03-02T09:00:00.000Z',
    }),
  )
const deleteOf = (key: string, targetId: string, previous: Record<string, unknown> | null) =>
  makeEntry(
    { key, phase: 'queued' },
    {
      operation: 'delete',
      target: { id: targetId },
      payload: null,
      baselineIds: [targetId],
      previous,
    },
  )

test('a delete is seen by absence when the list is below the cap', () => {
  const short = makeEntry(
    { key: 'short', phase: 'queued' },
    { operation: 'delete', target: { id: 'gone' }, payload: null, baselineIds: null },
  )
  expect(planReconcile([short], 'cand-1', fullList('listed').slice(1), 5)).toEqual([
    { key: 'short', event: { type: 'seen-in-data', recordIds: ['gone'] } },
  ])
})

test('in a full list, a delete is seen by absence only if its record would sort inside the list', () => {
  const list = datedFullList('listed') // oldest shown: 2025-11-22
  // Newer than the oldest record shown: it would be listed, so it is gone.
  const inside = deleteOf('inside', 'was-listed', { performedAt: '2026-01-15T10:00:00+01:00' })
  // It was listed when the delete was made, but newer interactions have pushed it past the cut
  // since: missing from the list proves nothing.
  const pushedOut = deleteOf('pushed-out', 'old', { performedAt: '2025-10-01T10:00:00+02:00' })
  // Unknown date: nothing can be told from absence.
  const unknown = deleteOf('unknown', 'no-date', null)
  expect(planReconcile([inside, pushedOut, unknown], 'cand-1', list, 5)).toEqual([
    { key: 'inside', event: { type: 'seen-in-data', recordIds: ['was-listed'] } },
  ])
})

test('in a full list, a tie with the oldest record shown is decided by createdAt, newest first', () => {
  const list = datedFullList('listed')
  const cut = list.at(-1)?.performedAt
  const newer = deleteOf('newer', 'a', { performedAt: cut, createdAt: '2026-03-05T09:00:00.000Z' })
  const older = deleteOf('older', 'b', { performedAt: cut, createdAt: '2026-01-01T09:00:00.000Z' })
  const untold = deleteOf('untold', 'c', { performedAt: cut })
  expect(planReconcile([newer, older, untold], 'cand-1', list, 5).map((p) => p.key)).toEqual([
    'newer',
  ])
})

test('a confirmed create missing from a full list is done waiting only if it sorts past the cut', () => {
  const list = datedFullList('listed')
  const confirmedCreate = (key: string, performedAt: string) =>
    makeEntry(
      { key, phase: 'confirmed', recordIds: [`${key}-id`], confirmedAt: 10 },
      { payload: [{ type: ['Telefonisch'], performedAt }] },
    )
  const beyond = confirmedCreate('beyond', '2025-01-01T10:00:00+01:00')
  const inside = confirmedCreate('inside', '2026-02-20T10:00:00+01:00') // should show: wait
  expect(planReconcile([beyond, inside], 'cand-1', list, 20)).toEqual([
    { key: 'beyond', event: { type: 'seen-in-data', recordIds: ['beyond-id'] } },
  ])
})

test('an update of a record beyond the newest 100 is neither confirmed nor failed by a read', () => {
  const update = makeEntry(
    { key: 'u', phase: 'queued' },
    { operation: 'update', target: { id: 'old-101' }, payload: { summary: 'new' } },
  )
  expect(planReconcile([update], 'cand-1', fullList('listed'), 5)).toEqual([])
})
