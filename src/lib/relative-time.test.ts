import { afterEach, expect, test } from 'vitest'
import { daysBetween, localDayKey, performedAtDay } from '@/lib/calendar-day'
import { createPerformedAtFormat } from '@/lib/relative-time'

const originalTz = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTz
})

const at = (iso: string) => Date.parse(iso)

test('a date-only value is its own calendar day in every time zone', () => {
  for (const zone of ['America/Los_Angeles', 'Europe/Amsterdam', 'Pacific/Kiritimati']) {
    process.env.TZ = zone
    expect(performedAtDay('2025-03-30')).toBe('2025-03-30')
    expect(createPerformedAtFormat('en').exact('2025-03-30')).toBe('Sunday, March 30, 2025')
    expect(createPerformedAtFormat('nl').exact('2025-03-30')).toBe('zondag 30 maart 2025')
  }
})

test('a date-time lands on the local day of its instant', () => {
  process.env.TZ = 'Europe/Amsterdam'
  expect(performedAtDay('2025-06-01T22:30:00Z')).toBe('2025-06-02')
  process.env.TZ = 'America/Los_Angeles'
  expect(performedAtDay('2025-06-01T22:30:00Z')).toBe('2025-06-01')
})

test('"today" and "yesterday" for a date-only value follow the viewer\'s own calendar', () => {
  // 06:30 UTC on 2 June is still 1 June in Los Angeles, already 2 June in Amsterdam.
  const now = at('2025-06-02T06:30:00Z')
  process.env.TZ = 'America/Los_Angeles'
  expect(createPerformedAtFormat('en').relative('2025-06-01', now)).toBe('today')
  process.env.TZ = 'Europe/Amsterdam'
  expect(createPerformedAtFormat('en').relative('2025-06-01', now)).toBe('yesterday')
  expect(createPerformedAtFormat('nl').relative('2025-06-01', now)).toBe('gisteren')
})

test('a date-only value is never counted in hours from a made-up midnight', () => {
  process.env.TZ = 'Europe/Amsterdam'
  const format = createPerformedAtFormat('en')
  expect(format.relative('2025-06-02', at('2025-06-02T21:59:00Z'))).toBe('today')
  expect(format.relative('2025-06-03', at('2025-06-02T08:00:00Z'))).toBe('tomorrow')
  expect(format.exact('2025-06-02')).not.toMatch(/12:00|00:00|AM|PM/)
})

test('close date-times read in minutes and hours, further ones in calendar days', () => {
  process.env.TZ = 'Europe/Amsterdam'
  const now = at('2025-06-02T10:00:00Z')
  const en = createPerformedAtFormat('en')
  expect(en.relative('2025-06-02T09:59:40Z', now)).toBe('now')
  expect(en.relative('2025-06-02T09:35:00Z', now)).toBe('25 minutes ago')
  expect(en.relative('2025-06-02T07:00:00Z', now)).toBe('3 hours ago')
  expect(en.relative('2025-06-02T13:00:00Z', now)).toBe('in 3 hours')
  expect(en.relative('2025-05-31T10:00:00+02:00', now)).toBe('2 days ago')
  expect(en.relative('2025-05-20T10:00:00Z', now)).toBe('2 weeks ago')
  expect(en.relative('2025-03-01T10:00:00Z', now)).toBe('3 months ago')
  expect(en.relative('2023-06-01T10:00:00Z', now)).toBe('2 years ago')
  expect(createPerformedAtFormat('nl').relative('2025-06-02T07:00:00Z', now)).toBe('3 uur geleden')
})

test('across a daylight-saving change a day is still one day', () => {
  process.env.TZ = 'Europe/Amsterdam'
  expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2)
  expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2)
  // 00:30 local on the day after the clocks went forward.
  expect(createPerformedAtFormat('en').relative('2025-03-29', at('2025-03-30T22:30:00Z'))).toBe(
    '2 days ago',
  )
})

test('the exact date-time shows the local time; day headings add the year only when needed', () => {
  process.env.TZ = 'Europe/Amsterdam'
  const en = createPerformedAtFormat('en')
  expect(en.exact('2025-06-02T13:30:00Z')).toBe('Monday, June 2, 2025 at 3:30 PM')
  expect(createPerformedAtFormat('nl').exact('2025-06-02T13:30:00Z')).toBe(
    'maandag 2 juni 2025 om 15:30',
  )
  const now = at('2025-06-02T10:00:00Z')
  expect(en.dayHeading('2025-05-26', now)).toBe('Monday, May 26')
  expect(en.dayHeading('2024-05-26', now)).toBe('Sunday, May 26, 2024')
  // Remembered per day and per "this year or not": a page left open into the new year says it.
  expect(en.dayHeading('2025-05-26', at('2026-01-02T10:00:00Z'))).toBe('Monday, May 26, 2025')
  expect(en.dayHeading('2025-05-26', now)).toBe('Monday, May 26')
  expect(localDayKey(new Date(now))).toBe('2025-06-02')
})

test('an unreadable value is shown as given', () => {
  const en = createPerformedAtFormat('en')
  expect(en.relative('soon', Date.now())).toBeNull()
  expect(en.exact('2024-02-31')).toBe('2024-02-31')
})
