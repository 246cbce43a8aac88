/**
 * Date helpers for the mock. Seeded date-times are written in Dutch local time with their offset
 * (`2025-03-14T10:30:00+01:00`), the way a Dutch system would, so clients meet real offsets.
 */
const DAY_MS = 86_400_000

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS
}

/** `YYYY-MM-DD` of the instant in Dutch local time. */
export function toDateOnly(ms: number): string {
  return toAmsterdamParts(ms).date
}

/** ISO date-time with the Europe/Amsterdam offset of that instant, whole seconds. */
export function toAmsterdamDateTime(ms: number): string {
  const parts = toAmsterdamParts(ms)
  return `${parts.date}T${parts.time}${parts.offset}`
}

function toAmsterdamParts(ms: number) {
  const offsetHours = isEuropeanSummerTime(ms) ? 2 : 1
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetHours * 3_600_000).toISOString()
  return { date: local.slice(0, 10), time: local.slice(11, 19), offset: `+0${offsetHours}:00` }
}

/** EU rule: summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC. */
function isEuropeanSummerTime(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear()
  return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9)
}

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1))
  return lastDay.getTime() - lastDay.getUTCDay() * DAY_MS
}

/**
 * Sort key of a `performedAt` (date or date-time): its instant; a date-only value counts as
 * 00:00 UTC of that day. Unparseable values sort last.
 */
export function performedAtInstant(value: string): number {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms
}
