import { expect, test } from 'vitest'
import { formatDuration, parseDuration } from '@/schema-form/duration'

test.each([
  ['70', 4200],
  ['1,5', 90],
  ['1:10', 4200],
  ['1 h 10 min', 4200],
  ['1u10m', 4200],
  ['1 uur en 10 minuten', 4200],
  ['1.5 h', 5400],
  ['90 sec', 90],
  ['1 h 10 min 30 s', 4230],
  ['0', 0],
])('counsellor can type a duration as %s', (text, seconds) => {
  expect(parseDuration(text)).toBe(seconds)
})

test.each(['', 'soon', '1 h banana', '-5', '1:75', 'h'])(
  '"%s" is not read as a duration',
  (text) => {
    expect(parseDuration(text)).toBeNull()
  },
)

test('durations are shown in hours and minutes, in English and Dutch', () => {
  expect(formatDuration(4230, 'en')).toBe('1 h 10 min 30 s')
  expect(formatDuration(4200, 'nl')).toBe('1 u 10 min')
  expect(formatDuration(0, 'en')).toBe('0 min')
  for (const seconds of [0, 59, 60, 3599, 3600, 4230, 86400]) {
    expect(parseDuration(formatDuration(seconds, 'nl'))).toBe(seconds)
  }
})
