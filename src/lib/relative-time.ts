import { dayAsUtcNoon, daysBetween, localDayKey, performedAtDay } from '@/lib/calendar-day'
import { parsePerformedAt } from '@/lib/format'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * Date words for `performedAt` values in one language. The Intl objects are made lazily and
 * kept for the life of this set (one per render of a list, not one per entry); they capture the
 * viewer's time zone when made, so make a new set rather than caching one forever.
 */
export type PerformedAtFormat = {
  /** "yesterday", "3 hours ago", "in 2 weeks"; null when the value cannot be read. */
  relative: (value: string, now: number) => string | null
  /** "Monday, June 2, 2025 at 3:30 PM"; a date-only value as a date, never as midnight. */
  exact: (value: string) => string
  /** "15:30" / "3:30 PM" for a date-time; null for a date-only or unreadable value. */
  timeOfDay: (value: string) => string | null
  /** "Monday, May 26" this year, "Sunday, May 26, 2024" otherwise. */
  dayHeading: (day: string, now: number) => string
}

export function createPerformedAtFormat(locale: string): PerformedAtFormat {
  const memo = new Map<string, Intl.DateTimeFormat>()
  const dateFormat = (key: string, options: Intl.DateTimeFormatOptions) => {
    let format = memo.get(key)
    if (!format) {
      format = new Intl.DateTimeFormat(locale, options)
      memo.set(key, format)
    }
    return format
  }
  let relativeFormat: Intl.RelativeTimeFormat | null = null
  // The exact words of a value never change within one set: remember them.
  const exactMemo = new Map<string, string>()
  const headingMemo = new Map<string, string>()
  // `auto`: "yesterday" / "gisteren" rather than "1 day ago".
  const rtf = () => (relativeFormat ??= new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))

  function days(count: number): string {
    const size = Math.abs(count)
    if (size < 7) return rtf().format(count, 'day')
    if (size < 30) return rtf().format(Math.round(count / 7), 'week')
    if (size < 365) return rtf().format(Math.round(count / 30.44), 'month')
    return rtf().format(Math.round(count / 365.25), 'year')
  }

  return {
    relative(value, now) {
      const parsed = parsePerformedAt(value)
      if (parsed.kind === 'invalid') return null
      const today = localDayKey(new Date(now))
      if (parsed.kind === 'date') {
        // Calendar days only: a bare date has no hour to count from.
        const day = performedAtDay(value)
        return day === null ? null : days(daysBetween(today, day))
      }
      const diff = parsed.instant.getTime() - now
      const size = Math.abs(diff)
      if (size < 45_000) return rtf().format(0, 'second')
      if (size < 45 * MINUTE) return rtf().format(Math.round(diff / MINUTE), 'minute')
      if (size < 22 * HOUR) return rtf().format(Math.round(diff / HOUR), 'hour')
      return days(daysBetween(today, localDayKey(parsed.instant)))
    },

    exact(value) {
      const known = exactMemo.get(value)
      if (known !== undefined) return known
      const text = exact(value)
      exactMemo.set(value, text)
      return text
    },

    timeOfDay(value) {
      const parsed = parsePerformedAt(value)
      if (parsed.kind !== 'date-time') return null
      return dateFormat('time', { timeStyle: 'short' }).format(parsed.instant)
    },

    dayHeading(day, now) {
      const isThisYear = day.slice(0, 4) === localDayKey(new Date(now)).slice(0, 4)
      // Every render of the feed asks again for each day: formatting is the costly part.
      const memoKey = `${day}|${isThisYear ? 'this-year' : 'year'}`
      const known = headingMemo.get(memoKey)
      if (known !== undefined) return known
      const options: Intl.DateTimeFormatOptions = {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
        ...(isThisYear ? {} : { year: 'numeric' }),
      }
      const text = dateFormat(isThisYear ? 'heading' : 'heading-year', options).format(
        dayAsUtcNoon(day),
      )
      headingMemo.set(memoKey, text)
      return text
    },
  }

  function exact(value: string): string {
    const parsed = parsePerformedAt(value)
    if (parsed.kind === 'date') {
      const day = performedAtDay(value)
      if (day === null) return value
      return dateFormat('date', { dateStyle: 'full', timeZone: 'UTC' }).format(dayAsUtcNoon(day))
    }
    if (parsed.kind === 'date-time') {
      return dateFormat('date-time', { dateStyle: 'full', timeStyle: 'short' }).format(
        parsed.instant,
      )
    }
    return value
  }
}
