// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { compareStreamIds } from '../src/hub.js'

describe('compareStreamIds', () => {
  it.each([
    ['1700000000000-0', '1700000000000-0', 0],
    ['1700000000001-0', '1700000000000-9', 1],
    ['1700000000000-2', '1700000000000-10', -1],
    ['999-0', '1000-0', -1],
    // Leading zeros, as a client may send them in Last-Event-ID.
    ['0001000-0', '1000-0', 0],
    // Past 15 digits a double is no longer exact: 2^53 + 1 against 2^53.
    ['9007199254740993-0', '9007199254740992-0', 1],
    ['5-18446744073709551615', '5-18446744073709551614', 1],
    ['18446744073709551615-0', '18446744073709551615-0', 0],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareStreamIds(a, b)).toBe(expected)
    expect(compareStreamIds(b, a)).toBe(-expected || 0)
  })
})
