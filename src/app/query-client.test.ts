import { expect, test } from 'vitest'
import { ApiError } from '@/api/errors'
import { retryDelay, shouldRetry } from '@/app/query-client'

const error = (status: number, retryAfterMs: number | null = null) =>
  new ApiError({ status, code: `http_${status}`, message: 'x', retryAfterMs })

test('busy, failing and unreachable servers are retried up to three times', () => {
  for (const status of [0, 429, 500, 503]) {
    expect(shouldRetry(0, error(status))).toBe(true)
    expect(shouldRetry(2, error(status))).toBe(true)
    expect(shouldRetry(3, error(status))).toBe(false)
  }
})

test('bad requests, bad keys, unknown records and unreadable answers are never retried', () => {
  for (const status of [400, 401, 404]) expect(shouldRetry(0, error(status))).toBe(false)
  const invalid = new ApiError({ status: 200, code: 'invalid_response', message: 'x' })
  expect(shouldRetry(0, invalid)).toBe(false)
  expect(shouldRetry(0, new Error('boom'))).toBe(false)
})

test('the retry waits as long as Retry-After asks', () => {
  expect(retryDelay(0, error(429, 7000))).toBe(7000)
})

test('without Retry-After the wait doubles from 1 s up to 30 s, with some jitter', () => {
  const none = () => 0
  expect(retryDelay(0, error(500), none)).toBe(1000)
  expect(retryDelay(1, error(500), none)).toBe(2000)
  expect(retryDelay(10, error(500), none)).toBe(30_000)
  expect(retryDelay(0, error(500), () => 1)).toBe(1250)
})
