import { QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/errors'
import { BACKOFF, backoffDelay } from '@/lib/backoff'

export const MAX_RETRIES = 3

/**
 * Only failures that may pass by themselves are retried: 429, 5xx (the upstream answers 500 when
 * its Airtable backend is rate limited) and no network. 400/401/404 and unreadable answers will
 * not change by asking again, so the user sees them at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.isTransient
}

/** The `reads` backoff (lib/backoff.ts): the server's Retry-After when it gave one. */
export function retryDelay(attempt: number, error: unknown, random: () => number = Math.random) {
  const retryAfterMs = isApiError(error) ? error.retryAfterMs : null
  return backoffDelay(BACKOFF.reads, attempt, { retryAfterMs, random })
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
