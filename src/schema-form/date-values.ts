import { isRecord } from '@/lib/json'

/**
 * Dates travel as text and are turned into a `Date` only for the picker, always through local
 * calendar fields. A date is never sent through `toISOString()`: midnight in Auckland is the
 * previous day in UTC, which is how other form libraries shift a picked date by one day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** `'2026-11-29'` → local midnight of that calendar day, or `null` when it is not a real day. */
export function parseIsoDate(text: string): Date | null {
  const match = ISO_DATE.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(year, month - 1, day)
  // `new Date(y, m, d)` maps years 0–99 to 1900–1999; setFullYear keeps the year as written.
  date.setFullYear(year, month - 1, day)
  const isSameDay =
    date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
  return isSameDay ? date : null
}

const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, '0')

/** The local calendar day of `date` as `YYYY-MM-DD`. */
export function formatIsoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Local wall time with the offset in force at that moment: `2026-11-29T14:30:00+01:00`. */
export function formatIsoDateTime(date: Date): string {
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  return `${formatIsoDate(date)}T${time}${zone}`
}

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?$/

/** An instant from an ISO date-time; shown by the picker in the browser's own time zone. */
export function parseIsoDateTime(text: string): Date | null {
  if (!ISO_DATE_TIME.test(text)) return null
  const date = new Date(text.replace(' ', 'T'))
  return Number.isNaN(date.getTime()) ? null : date
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime())
}

/**
 * What a picker holds when its text is not a usable value yet. It stays in the form value (and
 * fails validation with a specific message) so a half-typed date never silently disappears.
 */
export type PartialValueReason =
  'incompleteDate' | 'invalidDate' | 'yearOutOfRange' | 'incompleteTime'
export type PartialValue = { partial: PartialValueReason; text: string }

export function isPartialValue(value: unknown): value is PartialValue {
  return isRecord(value) && typeof value.partial === 'string' && typeof value.text === 'string'
}

export function partialValue(partial: PartialValueReason, text: string): PartialValue {
  return { partial, text }
}
