/** What the find endpoint is asked: `email` (case-insensitive upstream) or `phone` (digits). */
export type FindBy = { email: string } | { phone: string }

const MIN_PHONE_DIGITS = 6

/**
 * Reads the search box: anything with an @ is an e-mail address; otherwise a phone number when
 * it is made of digits and the usual separators with at least six digits. The phone is sent as
 * typed, because the upstream compares digits only. Null when it is neither.
 */
export function parseFindInput(input: string): FindBy | null {
  const value = input.trim()
  if (value === '') return null
  if (value.includes('@')) return { email: value }
  const digits = value.replace(/\D/g, '')
  if (digits.length >= MIN_PHONE_DIGITS && /^[+\d\s().\-/]+$/.test(value)) return { phone: value }
  return null
}
