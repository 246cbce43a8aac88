import { afterEach, beforeEach, expect, test } from 'vitest'
import { groupEntries } from '@/features/timeline/group-entries'
import { entriesFromOverlay } from '@/features/timeline/timeline-entry'
import { entry } from '@/features/timeline/timeline-entry.test-helpers'
import { makeEntry } from '@/mutations/journal.test-helpers'
import { overlayInteractions } from '@/mutations/overlay'

const originalTz = process.env.TZ
beforeEach(() => {
  process.env.TZ = 'Europe/Amsterdam'
})
afterEach(() => {
  process.env.TZ = originalTz
})

const NOW = Date.parse('2025-06-02T10:00:00Z') // 12:00 in Amsterdam

const shape = (groups: ReturnType<typeof groupEntries>) =>
  groups.map((group) => [group.kind, group.day, group.entries.map((item) => item.id)])

test('upcoming entries come first (soonest on top), then today, yesterday and older days', () => {
  const groups = groupEntries(
    [
      entry({ id: 'old', performedAt: '2025-05-20T09:00:00+02:00' }),
      entry({ id: 'yesterday', performedAt: '2025-06-01' }),
      entry({ id: 'this-morning', performedAt: '2025-06-02T09:00:00+02:00' }),
      entry({ id: 'next-month', performedAt: '2025-07-01' }),
      entry({ id: 'this-afternoon', performedAt: '2025-06-02T15:00:00+02:00' }),
      entry({ id: 'tomorrow', performedAt: '2025-06-03T09:00:00+02:00' }),
    ],
    NOW,
  )
  expect(shape(groups)).toEqual([
    ['upcoming', null, ['this-afternoon', 'tomorrow', 'next-month']],
    ['today', '2025-06-02', ['this-morning']],
    ['yesterday', '2025-06-01', ['yesterday']],
    ['day', '2025-05-20', ['old']],
  ])
})

test('a date-only entry of today is today, not upcoming, and sorts after the timed ones', () => {
  const groups = groupEntries(
    [
      entry({ id: 'date-only', performedAt: '2025-06-02' }),
      entry({ id: 'timed', performedAt: '2025-06-02T08:00:00+02:00' }),
    ],
    NOW,
  )
  expect(shape(groups)).toEqual([['today', '2025-06-02', ['timed', 'date-only']]])
})

test('a late-evening date-time belongs to the local day, wherever the viewer is', () => {
  const late = entry({ id: 'late', performedAt: '2025-05-31T23:30:00+02:00' })
  expect(shape(groupEntries([late], NOW))).toEqual([['day', '2025-05-31', ['late']]])
  process.env.TZ = 'America/New_York'
  // Re-read in New York: 17:30 on the 31st there as well, and "now" is 06:00 on 2 June.
  const again = entry({ id: 'late', performedAt: '2025-05-31T23:30:00+02:00' })
  expect(shape(groupEntries([again], NOW))).toEqual([['day', '2025-05-31', ['late']]])
})

test('a date-only entry never moves to another day in a time zone west of UTC', () => {
  process.env.TZ = 'America/Los_Angeles'
  const groups = groupEntries([entry({ id: 'a', performedAt: '2025-05-01' })], NOW)
  expect(shape(groups)).toEqual([['day', '2025-05-01', ['a']]])
})

test('entries with an unreadable date are kept, in a group of their own at the bottom', () => {
  const groups = groupEntries(
    [
      entry({ id: 'broken', performedAt: 'sometime' }),
      entry({ id: 'ok', performedAt: '2025-05-01' }),
    ],
    NOW,
  )
  expect(shape(groups)).toEqual([
    ['day', '2025-05-01', ['ok']],
    ['undated', null, ['broken']],
  ])
})

test('entries on the same moment keep a stable order: newest logged first', () => {
  const groups = groupEntries(
    [
      entry({ id: 'first', performedAt: '2025-05-01', createdAt: '2025-05-01T08:00:00Z' }),
      entry({ id: 'second', performedAt: '2025-05-01', createdAt: '2025-05-01T09:00:00Z' }),
    ],
    NOW,
  )
  expect(shape(groups)).toEqual([['day', '2025-05-01', ['second', 'first']]])
})

test('a pending create sorts above a record of the same minute logged before it', () => {
  // The form fills in the minute: two calls logged in one minute share their performedAt.
  const performedAt = '2025-06-02T11:58:00+02:00'
  const earlier = {
    id: 'earlier',
    candidateId: 'cand-1',
    type: ['Telefonisch'],
    performedAt,
    createdAt: '2025-06-02T09:58:10Z',
  }
  const pending = makeEntry(
    { key: 'now', phase: 'queued', createdAt: Date.parse('2025-06-02T09:58:40Z') },
    { payload: [{ type: ['Telefonisch'], performedAt }] },
  )
  const entries = entriesFromOverlay(overlayInteractions([earlier], [pending], NOW))
  expect(shape(groupEntries(entries, NOW))).toEqual([['today', '2025-06-02', ['now:0', 'earlier']]])
})
