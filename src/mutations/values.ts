/**
 * Comparing what we submitted with what the server stored. The server may normalise (trim a
 * string, write a date-time with another offset, reorder a multi-select), so two notions:
 * - `isSameValue`: the same thing for a reader (used for "what changed" highlights);
 * - `isMatchingValue`: also tolerates whitespace, case and formatting noise (used to recognise
 *   our own write in re-read data, where a miss only costs a slower confirmation).
 */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

/** Two date strings of the same kind: same instant (date-time) or same calendar day (date). */
function compareDates(a: string, b: string): boolean | null {
  if (DATE_ONLY.test(a) && DATE_ONLY.test(b)) return a === b
  if (DATE_TIME.test(a) && DATE_TIME.test(b)) {
    const left = Date.parse(a)
    const right = Date.parse(b)
    if (Number.isNaN(left) || Number.isNaN(right)) return null
    return left === right
  }
  // One date, one date-time: the same day as written (a server may widen a date to midnight).
  if ((DATE_ONLY.test(a) && DATE_TIME.test(b)) || (DATE_TIME.test(a) && DATE_ONLY.test(b))) {
    return a.slice(0, 10) === b.slice(0, 10)
  }
  return null
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function compare(a: unknown, b: unknown, isLenient: boolean): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  if (Array.isArray(a) && Array.isArray(b)) return compareArrays(a, b, isLenient)
  if (typeof a === 'string' && typeof b === 'string') {
    const dates = compareDates(a.trim(), b.trim())
    if (dates !== null) return dates
    return isLenient ? a.trim().toLowerCase() === b.trim().toLowerCase() : a === b
  }
  if (isLenient && isPrimitive(a) && isPrimitive(b)) return String(a).trim() === String(b).trim()
  if (isRecordLike(a) && isRecordLike(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].every((key) => compare(a[key], b[key], isLenient))
  }
  return Object.is(a, b)
}

/** Arrays of primitives are sets (a multi-select's order is not meaningful); others ordered. */
function compareArrays(a: readonly unknown[], b: readonly unknown[], isLenient: boolean): boolean {
  if (a.length !== b.length) return false
  if (a.every(isPrimitive) && b.every(isPrimitive)) {
    const remaining = [...b]
    return a.every((item) => {
      const index = remaining.findIndex((other) => compare(item, other, isLenient))
      if (index < 0) return false
      remaining.splice(index, 1)
      return true
    })
  }
  return a.every((item, index) => compare(item, b[index], isLenient))
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isSameValue(a: unknown, b: unknown): boolean {
  return compare(a, b, false)
}

export function isMatchingValue(a: unknown, b: unknown): boolean {
  return compare(a, b, true)
}

/** Every field we sent is present in the record (lenient). Fields we did not send are ignored. */
export function carriesValues(
  sent: Readonly<Record<string, unknown>>,
  record: Readonly<Record<string, unknown>>,
): boolean {
  return Object.entries(sent).every(([field, value]) => isMatchingValue(value, record[field]))
}

/** Fields whose stored value reads differently from what we sent (the server normalised them). */
export function changedFields(
  sent: Readonly<Record<string, unknown>>,
  record: Readonly<Record<string, unknown>>,
): string[] {
  return Object.entries(sent)
    .filter(([field, value]) => !isSameValue(value, record[field]))
    .map(([field]) => field)
}
