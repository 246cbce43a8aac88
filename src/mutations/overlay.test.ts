import { expect, test } from 'vitest'
import type { ServerRecord } from '@/mutations/matching'
import { overlayInteractions, type TimelineItem } from '@/mutations/overlay'
import { makeEntry } from '@/mutations/journal.test-helpers'

const NOW = 100_000
const record = (id: string, performedAt: string, extra: Record<string, unknown> = {}) =>
  ({
    id,
    candidateId: 'cand-1',
    type: ['Telefonisch'],
    performedAt,
    summary: id,
    ...extra,
  }) satisfies ServerRecord
const server = [record('r-new', '2026-03-09T10:00:00Z'), record('r-old', '2026-01-01')]
const ids = (items: TimelineItem[]) => items.map((item) => item.id)
const byId = (items: TimelineItem[], id: string) => items.find((item) => item.id === id)

test('without entries the timeline is the server records', () => {
  const items = overlayInteractions(server, [], NOW)
  expect(ids(items)).toEqual(['r-new', 'r-old'])
  expect(items.every((item) => item.kind === 'server')).toBe(true)
})

test('a pending batch create is one item per row, placed by performedAt', () => {
  const entry = makeEntry(
    { key: 'c', phase: 'queued' },
    {
      payload: [
        { type: ['E-mail'], performedAt: '2026-03-10T08:00:00Z', summary: 'newest' },
        { type: ['E-mail'], performedAt: '2026-02-01', summary: 'middle' },
      ],
    },
  )
  const items = overlayInteractions(server, [entry], NOW)
  expect(ids(items)).toEqual(['c:0', 'r-new', 'c:1', 'r-old'])
  expect(byId(items, 'c:1')).toMatchObject({
    kind: 'pending',
    status: 'pending',
    pendingOperation: 'create',
    entryKey: 'c',
    target: { createKey: 'c', index: 1 },
    values: { summary: 'middle' },
  })
})

test('a pending edit shows the new values and keeps what was shown before', () => {
  const entry = makeEntry(
    { key: 'u', phase: 'sending' },
    {
      operation: 'update',
      target: { id: 'r-old' },
      payload: { summary: 'changed' },
      previous: { summary: 'r-old' },
    },
  )
  const item = byId(overlayInteractions(server, [entry], NOW), 'r-old')
  expect(item).toMatchObject({
    kind: 'pending',
    pendingOperation: 'update',
    status: 'pending',
    values: { summary: 'changed', type: ['Telefonisch'] },
    previous: { summary: 'r-old' },
    recordId: 'r-old',
  })
})

test('a pending delete stays visible, marked for strike-through, until the id is gone', () => {
  const entry = makeEntry(
    { key: 'd', phase: 'queued' },
    { operation: 'delete', target: { id: 'r-new' }, payload: null },
  )
  expect(byId(overlayInteractions(server, [entry], NOW), 'r-new')).toMatchObject({
    pendingOperation: 'delete',
    status: 'pending',
  })
  const confirmed = { ...entry, phase: 'confirmed' as const }
  expect(byId(overlayInteractions(server, [confirmed], NOW), 'r-new')).toMatchObject({
    pendingOperation: 'delete',
    status: 'confirming',
  })
  expect(ids(overlayInteractions([server[1] ?? record('x', '')], [confirmed], NOW))).toEqual([
    'r-old',
  ])
})

test('statuses follow the phase: failed, unsent and stale carry their reason', () => {
  const error = { kind: 'outcome' as const, code: 'ownership', message: 'not yours' }
  for (const [phase, status] of [
    ['failed', 'failed'],
    ['unsent', 'unsent'],
    ['stale', 'stale'],
    ['confirmed', 'confirming'],
  ] as const) {
    const entry = makeEntry({ key: 'k', phase, error })
    expect(byId(overlayInteractions([], [entry], NOW), 'k:0')).toMatchObject({ status, error })
  }
})

test('a confirmed create leaves no ghost: once its record is in the data, only that shows', () => {
  const entry = makeEntry(
    { key: 'c', phase: 'confirmed', recordIds: ['r-made'] },
    { payload: [{ type: ['Telefonisch'], performedAt: '2026-03-09T12:00:00Z', summary: 'hi' }] },
  )
  const before = overlayInteractions(server, [entry], NOW)
  expect(byId(before, 'c:0')).toMatchObject({ status: 'confirming', target: { id: 'r-made' } })
  const withRecord = [...server, record('r-made', '2026-03-09T12:00:00Z', { summary: 'hi' })]
  const after = overlayInteractions(withRecord, [{ ...entry, seenAt: NOW }], NOW)
  expect(ids(after)).toEqual(['r-made', 'r-new', 'r-old'])
  expect(byId(after, 'r-made')).toMatchObject({ kind: 'server', changedFields: [] })
})

test('a normalised value is highlighted briefly after the data shows it', () => {
  const entry = makeEntry(
    { key: 'c', phase: 'confirmed', recordIds: ['r-made'], seenAt: NOW },
    { payload: [{ type: ['Telefonisch'], performedAt: '2026-03-09', summary: '  hi  ' }] },
  )
  const records = [record('r-made', '2026-03-09', { summary: 'hi' })]
  expect(byId(overlayInteractions(records, [entry], NOW + 100), 'r-made')).toMatchObject({
    changedFields: ['summary'],
  })
  expect(byId(overlayInteractions(records, [entry], NOW + 10_000), 'r-made')).toMatchObject({
    changedFields: [],
  })
})

test('an edit of a still-pending create patches that card; a delete strikes it', () => {
  const create = makeEntry({ key: 'c', phase: 'queued' })
  const edit = makeEntry(
    { key: 'e', phase: 'sending', createdAt: 2000 },
    { operation: 'update', target: { createKey: 'c', index: 0 }, payload: { summary: 'later' } },
  )
  const items = overlayInteractions([], [create, edit], NOW)
  expect(items).toHaveLength(1)
  expect(items[0]).toMatchObject({
    pendingOperation: 'create',
    values: { summary: 'later' },
    id: 'c:0',
  })
  const remove = makeEntry(
    { key: 'd', phase: 'sending', createdAt: 3000 },
    { operation: 'delete', target: { createKey: 'c', index: 0 }, payload: null },
  )
  expect(overlayInteractions([], [create, edit, remove], NOW)[0]).toMatchObject({
    pendingOperation: 'delete',
  })
})

test('the write that needs attention speaks for a card several writes touch', () => {
  const error = { kind: 'outcome' as const, code: 'x', message: 'no' }
  const first = makeEntry(
    { key: 'u1', phase: 'failed', error, createdAt: 1 },
    { operation: 'update', target: { id: 'r-old' }, payload: { summary: 'one' } },
  )
  const second = makeEntry(
    { key: 'u2', phase: 'queued', createdAt: 2 },
    { operation: 'update', target: { id: 'r-old' }, payload: { notes: 'two' } },
  )
  expect(byId(overlayInteractions(server, [first, second], NOW), 'r-old')).toMatchObject({
    status: 'failed',
    entryKey: 'u1',
    values: { summary: 'one', notes: 'two' },
  })
})

test('queued writes for records not in the list (and candidate writes) add nothing', () => {
  const edit = makeEntry(
    { key: 'u', phase: 'queued' },
    { operation: 'update', target: { id: 'elsewhere' }, payload: { summary: 'x' } },
  )
  const candidate = makeEntry(
    { key: 'cand' },
    { resource: 'candidate', candidateId: null, payload: [{ firstName: 'A' }] },
  )
  expect(ids(overlayInteractions(server, [edit, candidate], NOW))).toEqual(['r-new', 'r-old'])
})

test('a failed edit of a record that left the list still shows, with its reason', () => {
  const error = { kind: 'outcome' as const, code: 'not_found', message: 'The interaction is gone' }
  const edit = makeEntry(
    { key: 'u', phase: 'failed', error },
    {
      operation: 'update',
      target: { id: 'gone' },
      payload: { summary: 'fixed' },
      previous: { type: ['E-mail'], performedAt: '2026-02-01', summary: 'old' },
    },
  )
  const items = overlayInteractions(server, [edit], NOW)
  expect(ids(items)).toEqual(['r-new', 'gone', 'r-old'])
  expect(byId(items, 'gone')).toMatchObject({
    kind: 'pending',
    status: 'failed',
    pendingOperation: 'update',
    values: { summary: 'fixed', performedAt: '2026-02-01' },
    error,
  })
})

test('the overlay never changes the server records it was given', () => {
  const records = [record('r', '2026-01-01')]
  const frozen = structuredClone(records)
  const edit = makeEntry(
    { phase: 'queued' },
    { operation: 'update', target: { id: 'r' }, payload: { summary: 'x' } },
  )
  overlayInteractions(records, [edit], NOW)
  expect(records).toEqual(frozen)
})
