import { expect, test } from 'vitest'
import { signInAtStart } from '@/config/relay-start'

test('a signed-out start goes to sign-in and back here, but never twice within a minute', () => {
  window.history.replaceState(null, '', '/candidates/rec1?sandbox=1')
  const went: string[] = []
  const navigate = (url: string) => {
    went.push(url)
  }
  expect(signInAtStart(1_000_000, navigate)).toBe(true)
  expect(went).toEqual([`/auth/login?returnTo=${encodeURIComponent('/candidates/rec1?sandbox=1')}`])
  // Back again without a session a moment later: sign-in is not working; no loop.
  expect(signInAtStart(1_030_000, navigate)).toBe(false)
  expect(went).toHaveLength(1)
  expect(signInAtStart(1_000_000 + 61_000, navigate)).toBe(true)
  expect(went).toHaveLength(2)
})
