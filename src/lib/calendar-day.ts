import { parsePerformedAt } from '@/lib/format'

/**
 * A calendar day as `YYYY-MM-DD`, in the viewer's local time. A date-only `performedAt` IS its
 * day (it has no time and no zone, so no time zone may shift it); a date-time lands on the local
 * day of its instant.
 */
export type DayKey = string

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

export function localDayKey(date: Date): DayKey {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The local day of a `performedAt`, or null when it cannot be read. */
export function performedAtDay(value: string): DayKey | null {
  const parsed = parsePerformedAt(value)
  if (parsed.kind === 'date')
    return `${pad(parsed.year, 4)}-${pad(parsed.month)}-${pad(parsed.day)}`
  if (parsed.kind === 'date-time') return localDayKey(parsed.instant)
  return null
}

/** Days since 1970-01-01 of a day key; differences are whole days whatever the DST rules. */
export function dayNumber(key: DayKey): number {
  const [year = 1970, month = 1, day = 1] = key.split('-').map(Number)
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000)
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return dayNumber(to) - dayNumber(from)
}

/** Noon UTC of the day, for formatting it with `timeZone: 'UTC'` without any shift. */
export function dayAsUtcNoon(key: DayKey): Date {
  return new Date(dayNumber(key) * 86_400_000 + 12 * 3_600_000)
}
