// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { safeReturnTo } from '../src/auth/routes.js'

describe('where sign-in returns to', () => {
  it.each([
    ['/candidates/rec1?tab=notes#n2', '/candidates/rec1?tab=notes#n2'],
    ['/', '/'],
    ['/settings', '/settings'],
  ])('keeps the same-origin path %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected)
  })

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example',
    '/%5Cevil.example/../',
    'javascript:alert(1)',
    'candidates',
    '/x\r\nSet-Cookie: a=b',
    '/auth/login?returnTo=https://evil.example',
    '/auth/callback',
    '',
    undefined,
    ['/a', '/b'],
    `/${'a'.repeat(3000)}`,
  ])('turns %j into /', (value) => {
    expect(safeReturnTo(value)).toBe('/')
  })
})
