import { afterEach, expect, test } from 'vitest'
import { formatDuration, formatPerformedAt, performedAtSortKey } from '@/lib/format'

const originalTz = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTz
})

test('a date-only performedAt shows that calendar day in every time zone', () => {
  for (const zone of ['America/Los_Angeles', 'Europe/Amsterdam', 'Pacific/Kiritimati']) {
    process.env.TZ = zone
    expect(formatPerformedAt('2024-03-05', 'en')).toBe('March 5, 2024')
    expect(formatPerformedAt('2024-03-05', 'nl')).toBe('5 maart 2024')
  }
})

test('a date-time performedAt shows in local time with the time of day', () => {
  process.env.TZ = 'Europe/Amsterdam'
  expect(formatPerformedAt('2024-03-05T23:30:00Z', 'nl')).toBe('6 maart 2024 om 00:30')
  expect(formatPerformedAt('2024-03-05T09:15:00+01:00', 'en')).toBe('March 5, 2024 at 9:15 AM')
})

test('an unreadable performedAt is shown as given, never as "Invalid Date"', () => {
  expect(formatPerformedAt('2024-02-31', 'en')).toBe('2024-02-31')
  expect(formatPerformedAt('soon', 'en')).toBe('soon')
})

test('durations read as words in the current language', () => {
  expect(formatDuration(5400, 'en')).toBe('1 hour and 30 minutes')
  expect(formatDuration(5400, 'nl')).toBe('1 uur en 30 minuten')
  expect(formatDuration(900, 'en')).toBe('15 minutes')
  expect(formatDuration(45, 'en')).toBe('45 seconds')
  expect(formatDuration(0, 'en')).toBe('0 minutes')
})

test('on the same day, entries with a time sort before a bare date', () => {
  process.env.TZ = 'Europe/Amsterdam'
  expect(performedAtSortKey('2024-03-05T10:00:00+01:00')).toBeGreaterThan(
    performedAtSortKey('2024-03-05'),
  )
  expect(performedAtSortKey('2024-03-06')).toBeGreaterThan(
    performedAtSortKey('2024-03-05T23:00:00+01:00'),
  )
})
