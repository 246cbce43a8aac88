import { expect, test } from 'vitest'
import { INTERACTIONS_LIST_LIMIT } from '@/api/contract'
import type { ServerRecord } from '@/mutations/matching'
import { planReconcile } from '@/mutations/reconcile'
import { makeEntry } from '@/mutations/test-support'

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

test('a delete is seen by absence when the list is below the cap or showed the record at submit', () => {
  const short = makeEntry(
    { key: 'short', phase: 'queued' },
    { operation: 'delete', target: { id: 'gone' }, payload: null, baselineIds: null },
  )
  expect(planReconcile([short], 'cand-1', fullList('listed').slice(1), 5)).toEqual([
    { key: 'short', event: { type: 'seen-in-data', recordIds: ['gone'] } },
  ])
  const listed = makeEntry(
    { key: 'listed', phase: 'queued' },
    {
      operation: 'delete',
      target: { id: 'was-listed' },
      payload: null,
      baselineIds: ['was-listed'],
    },
  )
  expect(planReconcile([listed], 'cand-1', fullList('listed'), 5)).toEqual([
    { key: 'listed', event: { type: 'seen-in-data', recordIds: ['was-listed'] } },
  ])
})

test('an update of a record beyond the newest 100 is neither confirmed nor failed by a read', () => {
  const update = makeEntry(
    { key: 'u', phase: 'queued' },
    { operation: 'update', target: { id: 'old-101' }, payload: { summary: 'new' } },
  )
  expect(planReconcile([update], 'cand-1', fullList('listed'), 5)).toEqual([])
})
