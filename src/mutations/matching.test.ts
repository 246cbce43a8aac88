import { expect, test } from 'vitest'
import {
  isDeleteSeen,
  isUpdateSeen,
  matchCreates,
  matchRows,
  type ServerRecord,
} from '@/mutations/matching'
import { makeEntry } from '@/mutations/journal.test-helpers'
import { changedFields, isMatchingValue, isSameValue } from '@/mutations/values'

const row = (overrides: Record<string, unknown> = {}) => ({
  type: ['Telefonisch', 'Adviesgesprek'],
  performedAt: '2026-03-09T14:30:00+01:00',
  summary: 'Teruggebeld',
  duration: 600,
  ...overrides,
})
const record = (id: string, overrides: Record<string, unknown> = {}): ServerRecord => ({
  id,
  candidateId: 'cand-1',
  createdAt: '2026-03-10T09:00:00.000Z',
  updatedAt: '2026-03-10T09:00:00.000Z',
  ...row(),
  ...overrides,
})

test('a create is matched by content: types as a set, the same instant, every payload field', () => {
  const stored = record('rec-new', {
    type: ['Adviesgesprek', 'Telefonisch'],
    performedAt: '2026-03-09T13:30:00.000Z',
  })
  expect(matchRows([row()], [stored])).toEqual(['rec-new'])
  expect(matchRows([row({ duration: 900 })], [stored])).toBeNull()
  expect(matchRows([row({ notes: 'extra' })], [stored])).toBeNull()
  expect(
    matchRows([row({ openDayInterest: true })], [record('r', { openDayInterest: true })]),
  ).toEqual(['r'])
})

test('a create is matched only among ids that were not there at submit time', () => {
  const entry = makeEntry({ key: 'k', phase: 'queued' }, { payload: [row()], baselineIds: ['old'] })
  const identicalOld = record('old')
  expect(matchCreates([entry], [identicalOld], new Set()).size).toBe(0)
  expect(matchCreates([entry], [identicalOld, record('new')], new Set()).get('k')).toEqual(['new'])
})

test('without a known baseline a create is never matched by content', () => {
  const entry = makeEntry({ phase: 'queued' }, { payload: [row()], baselineIds: null })
  expect(matchCreates([entry], [record('new')], new Set()).size).toBe(0)
})

test('a batch is matched only when every row has its own record', () => {
  const rows = [row({ summary: 'a' }), row({ summary: 'b' })]
  expect(matchRows(rows, [record('1', { summary: 'a' })])).toBeNull()
  expect(matchRows(rows, [record('2', { summary: 'b' }), record('1', { summary: 'a' })])).toEqual([
    '1',
    '2',
  ])
})

test('duplicate rows need duplicate records; each record is matched at most once', () => {
  expect(matchRows([row(), row()], [record('1')])).toBeNull()
  expect(matchRows([row(), row()], [record('1'), record('2')])).toEqual(['1', '2'])
})

test('a row that fits several records does not steal the only record another row fits', () => {
  const loose = { type: ['Telefonisch', 'Adviesgesprek'] }
  const strict = row({ summary: 'only-b' })
  const ids = matchRows([loose, strict], [record('b', { summary: 'only-b' }), record('a')])
  expect(ids).toEqual(['a', 'b'])
})

test('two identical creates claim different records, oldest first, never an owned one', () => {
  const first = makeEntry({ key: 'first', createdAt: 1, phase: 'queued' }, { payload: [row()] })
  const second = makeEntry({ key: 'second', createdAt: 2, phase: 'queued' }, { payload: [row()] })
  const matches = matchCreates([second, first], [record('x'), record('y')], new Set())
  expect(matches.get('first')).toEqual(['x'])
  expect(matches.get('second')).toEqual(['y'])
  const owned = matchCreates([first], [record('x'), record('y')], new Set(['x']))
  expect(owned.get('first')).toEqual(['y'])
})

test('an update is seen when the record carries the patched values', () => {
  const entry = makeEntry(
    { phase: 'queued' },
    { operation: 'update', target: { id: 'r1' }, payload: { summary: 'Nieuw', duration: 60 } },
  )
  expect(isUpdateSeen(entry, [record('r1')])).toBe(false)
  expect(isUpdateSeen(entry, [record('r1', { summary: 'Nieuw ', duration: 60 })])).toBe(true)
  expect(isUpdateSeen(entry, [record('r2', { summary: 'Nieuw', duration: 60 })])).toBe(false)
})

test('a patch that clears a field is seen when the record has it empty', () => {
  const entry = makeEntry(
    { phase: 'queued' },
    { operation: 'update', target: { id: 'r1' }, payload: { notes: null } },
  )
  expect(isUpdateSeen(entry, [record('r1', { notes: 'x' })])).toBe(false)
  expect(isUpdateSeen(entry, [record('r1')])).toBe(true)
})

test('a delete is seen when the id is gone', () => {
  const entry = makeEntry(
    { phase: 'queued' },
    { operation: 'delete', target: { id: 'r1' }, payload: null },
  )
  expect(isDeleteSeen(entry, [record('r1')])).toBe(false)
  expect(isDeleteSeen(entry, [record('r2')])).toBe(true)
})

test('values: dates compare by instant or day, arrays of choices as sets', () => {
  expect(isSameValue('2026-03-09T14:30:00+01:00', '2026-03-09T13:30:00Z')).toBe(true)
  expect(isSameValue('2026-03-09', '2026-03-09T00:00:00Z')).toBe(true)
  expect(isSameValue('2026-03-09', '2026-03-10')).toBe(false)
  expect(isSameValue(['a', 'b'], ['b', 'a'])).toBe(true)
  expect(isSameValue(['a', 'a'], ['a', 'b'])).toBe(false)
  expect(isSameValue(null, undefined)).toBe(true)
  expect(isSameValue(' x', 'x')).toBe(false)
  expect(isMatchingValue(' X', 'x')).toBe(true)
})

test('changed fields name what the server stored differently, ignoring formatting', () => {
  const sent = row({ summary: '  Teruggebeld  ', notes: 'n' })
  const stored = record('r', {
    summary: 'Teruggebeld',
    notes: 'n',
    performedAt: '2026-03-09T13:30:00Z',
  })
  expect(changedFields(sent, stored)).toEqual(['summary'])
})
