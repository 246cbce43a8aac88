/**
 * Display helpers for interaction fields. `performedAt` is either a calendar date (`YYYY-MM-DD`)
 * or an ISO date-time; a calendar date has no time and no zone, so it must never be turned into
 * "midnight" or shifted by the viewer's time zone.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

export type ParsedPerformedAt =
  | { kind: 'date'; year: number; month: number; day: number }
  | { kind: 'date-time'; instant: Date }
  | { kind: 'invalid' }

export function parsePerformedAt(value: string): ParsedPerformedAt {
  const match = DATE_ONLY.exec(value)
  if (match) {
    const [, year, month, day] = match.map(Number)
    if (year === undefined || month === undefined || day === undefined) return { kind: 'invalid' }
    const check = new Date(Date.UTC(year, month - 1, day))
    // Rejects 2024-02-31 and friends instead of silently rolling over to March.
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return { kind: 'invalid' }
    return { kind: 'date', year, month, day }
  }
  const instant = new Date(value)
  return Number.isNaN(instant.getTime()) ? { kind: 'invalid' } : { kind: 'date-time', instant }
}

/** A date as a date; a date-time in the viewer's local time; anything else verbatim. */
export function formatPerformedAt(value: string, locale: string): string {
  const parsed = parsePerformedAt(value)
  if (parsed.kind === 'date') {
    // Formatting a UTC noon in UTC shows exactly the calendar day that was stored.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day, 12)),
    )
  }
  if (parsed.kind === 'date-time') {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
      parsed.instant,
    )
  }
  return value
}

/**
 * A number to sort newest first. A bare date counts as the start of that day in local time, so
 * on the same day the entries that carry a time come first.
 */
export function performedAtSortKey(value: string): number {
  const parsed = parsePerformedAt(value)
  if (parsed.kind === 'date') return new Date(parsed.year, parsed.month - 1, parsed.day).getTime()
  if (parsed.kind === 'date-time') return parsed.instant.getTime()
  return Number.NEGATIVE_INFINITY
}

/** Seconds as "1 hour and 30 minutes" / "1 uur en 30 minuten"; seconds only below an hour. */
export function formatDuration(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.round(totalSeconds))
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = seconds % 60
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    cachedNumberFormat(locale, name).format(value)
  const parts: string[] = []
  if (hours > 0) parts.push(unit(hours, 'hour'))
  if (minutes > 0) parts.push(unit(minutes, 'minute'))
  if (rest > 0 && hours === 0) parts.push(unit(rest, 'second'))
  if (parts.length === 0) return unit(0, 'minute')
  let list = listFormats.get(locale)
  if (!list) {
    list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })
    listFormats.set(locale, list)
  }
  return list.format(parts)
}

// Number and list formats do not depend on the time zone, so they can live for the page's life;
// making Intl objects is slow enough to matter when a hundred entries render at once.
const numberFormats = new Map<string, Intl.NumberFormat>()
const listFormats = new Map<string, Intl.ListFormat>()

/** A cached `Intl.NumberFormat`: plain, or a long unit ("5 minutes", "1 uur"). */
export function cachedNumberFormat(
  locale: string,
  unit?: 'hour' | 'minute' | 'second',
): Intl.NumberFormat {
  const key = `${locale}|${unit ?? ''}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(
      locale,
      unit ? { style: 'unit', unit, unitDisplay: 'long' } : undefined,
    )
    numberFormats.set(key, format)
  }
  return format
}

/** Whole hours, minutes and seconds of a duration (negative and fractional values rounded). */
export function durationParts(totalSeconds: number): {
  hours: number
  minutes: number
  seconds: number
} {
  const whole = Math.max(0, Math.round(totalSeconds))
  return {
    hours: Math.floor(whole / 3600),
    minutes: Math.floor((whole % 3600) / 60),
    seconds: whole % 60,
  }
}
