import type { Language } from '@/schema-form/language'

/**
 * Durations are stored as whole seconds but people think in minutes and hours. Accepted input:
 * "70" (minutes), "1,5" (minutes), "1:10" (h:mm), "1 h 10 min", "1u10m", "1 uur 10 minuten",
 * "90 sec". The number alone means minutes because that is what a contact moment is measured in.
 */

const UNIT_SECONDS: Record<string, number> = {}
for (const unit of ['h', 'hr', 'hrs', 'hour', 'hours', 'u', 'uur', 'uren'])
  UNIT_SECONDS[unit] = 3600
for (const unit of ['m', 'min', 'mins', 'minute', 'minutes', 'minuut', 'minuten'])
  UNIT_SECONDS[unit] = 60
for (const unit of ['s', 'sec', 'secs', 'second', 'seconds', 'seconde', 'seconden'])
  UNIT_SECONDS[unit] = 1

const NUMBER = String.raw`\d+(?:[.,]\d+)?`
const CLOCK = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/
const PLAIN_MINUTES = new RegExp(`^${NUMBER}$`)
const PART = new RegExp(`(${NUMBER})\\s*([a-z]+)\\.?\\s*(?:(?:and|en|&)\\s*)?`, 'gy')

function toNumber(text: string): number {
  return Number(text.replace(',', '.'))
}

/** Seconds, or `null` when the text is not a duration we understand. */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase()
  if (text === '') return null
  const clock = CLOCK.exec(text)
  if (clock) {
    return (
      toNumber(clock[1] ?? '0') * 3600 + toNumber(clock[2] ?? '0') * 60 + toNumber(clock[3] ?? '0')
    )
  }
  if (PLAIN_MINUTES.test(text)) return Math.round(toNumber(text) * 60)
  PART.lastIndex = 0
  let total = 0
  let consumed = 0
  let match: RegExpExecArray | null
  while ((match = PART.exec(text)) !== null) {
    const unit = UNIT_SECONDS[match[2] ?? '']
    if (unit === undefined) return null
    total += toNumber(match[1] ?? '0') * unit
    consumed = PART.lastIndex
  }
  return consumed === text.length && consumed > 0 ? Math.round(total) : null
}

export function formatDuration(seconds: number, language: Language): string {
  const whole = Math.max(0, Math.round(seconds))
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const rest = whole % 60
  const parts: string[] = []
  if (hours > 0) parts.push(`${hours} ${language === 'nl' ? 'u' : 'h'}`)
  if (minutes > 0) parts.push(`${minutes} min`)
  if (rest > 0) parts.push(`${rest} s`)
  return parts.length > 0 ? parts.join(' ') : '0 min'
}
