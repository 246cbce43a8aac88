import { QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/errors'

export const MAX_RETRIES = 3
const BASE_DELAY_MS = 1000
const MAX_DELAY_MS = 30_000

/**
 * Only failures that may pass by themselves are retried: 429, 5xx (the upstream answers 500 when
 * its Airtable backend is rate limited) and no network. 400/401/404 and unreadable answers will
 * not change by asking again, so the user sees them at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.isTransient
}

/** The server's Retry-After when it gave one; otherwise 1 s doubling to 30 s, with jitter. */
export function retryDelay(attempt: number, error: unknown, random: () => number = Math.random) {
  if (isApiError(error) && error.retryAfterMs !== null) {
    return Math.min(error.retryAfterMs, MAX_DELAY_MS * 2)
  }
  // Up to 25 % jitter keeps several tabs (or users) from retrying in lockstep.
  const exponential = BASE_DELAY_MS * 2 ** attempt * (1 + random() * 0.25)
  return Math.round(Math.min(exponential, MAX_DELAY_MS))
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        retryDelay,
      },
    },
  })
}
