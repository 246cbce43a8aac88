import { expect, test } from 'vitest'
import { isRecord, parseJson } from '@/lib/json'

test('isRecord accepts plain objects only', () => {
  expect(isRecord({})).toBe(true)
  expect(isRecord({ a: 1 })).toBe(true)
  expect(isRecord(null)).toBe(false)
  expect(isRecord([])).toBe(false)
  expect(isRecord('x')).toBe(false)
  expect(isRecord(1)).toBe(false)
})

test('parseJson returns the value, or ok: false for text that is not JSON', () => {
  expect(parseJson('{"a":[1,null]}')).toEqual({ ok: true, value: { a: [1, null] } })
  expect(parseJson('null')).toEqual({ ok: true, value: null })
  expect(parseJson('')).toEqual({ ok: false })
  expect(parseJson('{"a":')).toEqual({ ok: false })
  expect(parseJson('<!doctype html>')).toEqual({ ok: false })
})
