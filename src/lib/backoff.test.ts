import { expect, test } from 'vitest'
import { BACKOFF, backoffDelay, type BackoffPolicy } from '@/lib/backoff'

const policy: BackoffPolicy = {
  baseMs: 100,
  factor: 3,
  maxMs: 1000,
  jitter: 0,
  retryAfter: { use: 'at-least', minMs: 0, maxMs: 5000 },
}
const lowest = () => 0
const highest = () => 0.999_999

test('the wait grows by the factor from the base and stops at the cap', () => {
  expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt))).toEqual([
    100, 300, 900, 1000, 1000,
  ])
  expect(backoffDelay(policy, -1)).toBe(100) // a caller's off-by-one never waits less than the base
})

test('jitter makes the wait up to that fraction longer, from the random source given', () => {
  const jittered = { ...policy, jitter: 0.5 }
  expect(backoffDelay(jittered, 1, { random: lowest })).toBe(300)
  expect(backoffDelay(jittered, 1, { random: () => 0.5 })).toBe(375)
  expect(backoffDelay(jittered, 1, { random: highest })).toBe(450)
  expect(backoffDelay(jittered, 3, { random: highest })).toBe(1000) // the cap holds with jitter
})

test('without jitter the random source is never asked', () => {
  const random = () => {
    throw new Error('asked')
  }
  expect(backoffDelay(policy, 2, { random })).toBe(900)
})

test("'at-least': the server's wait is a floor under the backoff, up to its own cap", () => {
  expect(backoffDelay(policy, 0, { retryAfterMs: 2000 })).toBe(2000)
  expect(backoffDelay(policy, 2, { retryAfterMs: 200 })).toBe(900)
  expect(backoffDelay(policy, 0, { retryAfterMs: 86_400_000 })).toBe(5000)
  expect(backoffDelay(policy, 1, { retryAfterMs: -50 })).toBe(300)
  expect(backoffDelay(policy, 1, { retryAfterMs: null })).toBe(300)
})

test("'instead': the server's wait replaces the backoff, kept between its bounds", () => {
  const instead: BackoffPolicy = {
    ...policy,
    jitter: 0.25,
    retryAfter: { use: 'instead', minMs: 50, maxMs: 5000 },
  }
  expect(backoffDelay(instead, 3, { retryAfterMs: 200, random: highest })).toBe(200)
  expect(backoffDelay(instead, 0, { retryAfterMs: 0 })).toBe(50)
  expect(backoffDelay(instead, 0, { retryAfterMs: 60_000 })).toBe(5000)
})

test("every place's policy keeps the waits it had", () => {
  const waits = (name: keyof typeof BACKOFF, attempts: number) =>
    Array.from({ length: attempts }, (_, attempt) =>
      backoffDelay(BACKOFF[name], attempt, { random: lowest }),
    )
  expect(waits('reads', 7)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000])
  expect(backoffDelay(BACKOFF.reads, 0, { random: highest })).toBe(1250)
  expect(backoffDelay(BACKOFF.reads, 5, { retryAfterMs: 90_000 })).toBe(60_000)
  expect(waits('journalResend', 6)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000])
  expect(waits('confirmationPolling', 6)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000])
  expect(waits('stalePolling', 6).map((ms) => ms / 60_000)).toEqual([1, 2, 4, 8, 16, 16])
  expect(waits('eventsReconnect', 6)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000])
  expect(backoffDelay(BACKOFF.eventsReconnect, 4, { retryAfterMs: 700 })).toBe(700)
  expect(waits('relayHubRead', 6)).toEqual([200, 400, 800, 1600, 3200, 5000])
  expect(waits('mockCallbackRedelivery', 4)).toEqual([250, 500, 1000, 2000])
  const engine = { ...BACKOFF.mockEngineRetry, baseMs: 300 }
  expect([0, 1, 2].map((attempt) => backoffDelay(engine, attempt))).toEqual([300, 600, 1200])
})
