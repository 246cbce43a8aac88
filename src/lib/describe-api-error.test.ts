import i18next from 'i18next'
import { expect, test } from 'vitest'
import { ApiError } from '@/api/errors'
import { describeApiError } from '@/lib/describe-api-error'

const t = i18next.t.bind(i18next)
const apiError = (status: number, code = `http_${status}`, retryAfterMs: number | null = null) =>
  new ApiError({ status, code, message: 'raw server text', retryAfterMs })

test('every kind of API failure gets its own title and explanation', () => {
  const cases = [
    [apiError(401, 'unauthorized'), 'API key not accepted'],
    [apiError(404, 'not_found'), 'Not found'],
    [apiError(429, 'rate_limited', 3000), 'The server is busy'],
    [apiError(503), 'The server had a problem'],
    [apiError(0, 'network_error'), 'Cannot reach the server'],
    [apiError(200, 'invalid_response'), 'Unexpected answer from the server'],
    [apiError(400, 'validation_error'), 'Request refused'],
    [apiError(418), 'Request failed'],
    [new Error('boom'), 'Something went wrong'],
  ] as const
  for (const [error, title] of cases) expect(describeApiError(error, t).title).toBe(title)
})

test('a missing candidate is named as such', () => {
  const description = describeApiError(apiError(404, 'not_found'), t, { resource: 'candidate' })
  expect(description.title).toBe('Candidate not found')
})

test('a busy server says how long to wait, rounded up to whole seconds', () => {
  expect(describeApiError(apiError(429, 'rate_limited', 2500), t).message).toBe(
    'Too many requests reached the server at once. Try again in 3 seconds.',
  )
  expect(describeApiError(apiError(429, 'rate_limited'), t).message).toBe(
    'Too many requests reached the server at once. Try again in a moment.',
  )
})

test('the raw server text is kept out of the message of a known failure', () => {
  expect(describeApiError(apiError(503), t).message).not.toContain('raw server text')
  expect(describeApiError(apiError(503), t).details).toBeNull()
})
