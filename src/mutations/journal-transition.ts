import type { MutationOutcome } from '@/api/contract'
import type { JournalEntry, JournalError } from '@/mutations/journal-entry'
import { BACKOFF, backoffDelay } from '@/lib/backoff'

/**
 * The journal's state machine, pure: `transition(entry, event, now)` returns the next entry, the
 * SAME object when the event is not legal in the current phase (a duplicate outcome, a late 202,
 * a retry of something not unsent…), or `null` when the entry is done and must be dropped.
 *
 *   sending ──accepted──► queued ──outcome/seen──► confirmed ──drop──► (gone)
 *   sending ──transient──► sending (backoff) … ──after maxAttempts──► unsent ──retry──► sending
 *   queued ──outcome failed──► failed        queued ──deadline──► stale ──outcome/seen──► confirmed
 */
export type JournalEvent =
  /** A request is going out now. */
  | { type: 'attempt' }
  /** 2xx. `problem`: accepted, but the answer broke an assumption (shown, never retried). */
  | { type: 'accepted'; problem?: JournalError | null }
  /** Network error, 5xx or 429: the same key will be tried again. */
  | { type: 'transient-error'; error: JournalError; retryAfterMs: number | null }
  /**
   * A refusal that retrying will not fix by itself (401, 404, a 400 nobody is waiting for…).
   * `provesNotQueued`: the refusal shows nothing was queued under this key (contract.ts).
   */
  | { type: 'send-failed'; error: JournalError; provesNotQueued: boolean }
  /**
   * [OURS] Our relay refused the attempt itself (journal-sender.ts `relayRefusalEvent`): never
   * forwarded, so not an attempt, and no proof about earlier ones: `mayHaveReached` goes back to
   * what it was before this attempt (`reachedBefore`). The entry keeps its key; `retry` says
   * when it goes out again.
   */
  | {
      type: 'relay-refused'
      error: JournalError
      reachedBefore: boolean
      retry: 'after-sign-in' | 'after-wait' | 'by-counsellor'
      retryAfterMs: number | null
    }
  | { type: 'outcome'; status: 'succeeded'; recordIds: readonly string[] }
  | { type: 'outcome'; status: 'failed'; error: JournalError }
  /** Re-reading the data showed the result (ids of the matched records, in row order). */
  | { type: 'seen-in-data'; recordIds: readonly string[] }
  | { type: 'deadline' }
  | { type: 'retry' }
  /** The pending create this entry edits got its record id. */
  | { type: 'resolve-target'; targetId: string }
  /** The pending create this entry edits failed or was discarded: it can never go out. */
  | { type: 'dependency-failed'; error: JournalError }
  | { type: 'drop' }

export type RetryPolicy = {
  retryBaseMs: number
  retryMaxMs: number
  maxAttempts: number
  /** How long a queued entry may wait for news before it counts as stale. */
  queuedDeadlineMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retryBaseMs: BACKOFF.journalResend.baseMs,
  retryMaxMs: BACKOFF.journalResend.maxMs,
  maxAttempts: 5,
  queuedDeadlineMs: 2 * 60_000,
}

/** The retry policy: the defaults, overridden by whatever the options set. */
export function resolvePolicy(options: Partial<RetryPolicy>): RetryPolicy {
  const policy: Partial<RetryPolicy> = {}
  if (options.retryBaseMs !== undefined) policy.retryBaseMs = options.retryBaseMs
  if (options.retryMaxMs !== undefined) policy.retryMaxMs = options.retryMaxMs
  if (options.maxAttempts !== undefined) policy.maxAttempts = options.maxAttempts
  if (options.queuedDeadlineMs !== undefined) policy.queuedDeadlineMs = options.queuedDeadlineMs
  return { ...DEFAULT_RETRY_POLICY, ...policy }
}

/**
 * Wait before resend number `failures` (1-based): the `journalResend` backoff (lib/backoff.ts),
 * whose base and cap the journal's options may change; never below Retry-After.
 */
export function resendDelay(
  failures: number,
  retryAfterMs: number | null,
  policy: Pick<RetryPolicy, 'retryBaseMs' | 'retryMaxMs'> = DEFAULT_RETRY_POLICY,
): number {
  return backoffDelay(
    { ...BACKOFF.journalResend, baseMs: policy.retryBaseMs, maxMs: policy.retryMaxMs },
    failures - 1,
    { retryAfterMs },
  )
}

export function transition(
  entry: JournalEntry,
  event: JournalEvent,
  now: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): JournalEntry | null {
  const next = (changes: Partial<JournalEntry>): JournalEntry => ({
    ...entry,
    ...changes,
    updatedAt: now,
  })
  const { phase } = entry

  switch (event.type) {
    case 'attempt':
      return phase === 'sending'
        ? next({ sentAt: now, nextAttemptAt: null, mayHaveReached: true })
        : entry
    case 'accepted':
      return phase === 'sending'
        ? next({
            phase: 'queued',
            acceptedAt: now,
            deadlineAt: now + policy.queuedDeadlineMs,
            nextAttemptAt: null,
            error: event.problem ?? null,
          })
        : entry
    case 'transient-error': {
      if (phase !== 'sending') return entry
      const attempts = entry.attempts + 1
      if (attempts >= policy.maxAttempts) {
        return next({ phase: 'unsent', attempts, nextAttemptAt: null, error: event.error })
      }
      return next({
        attempts,
        error: event.error,
        nextAttemptAt: now + resendDelay(attempts, event.retryAfterMs, policy),
      })
    }
    case 'send-failed':
      return phase === 'sending'
        ? next({
            phase: 'unsent',
            nextAttemptAt: null,
            error: event.error,
            mayHaveReached: event.provesNotQueued ? false : entry.mayHaveReached,
          })
        : entry
    case 'relay-refused':
      if (phase !== 'sending') return entry
      if (event.retry === 'by-counsellor')
        return next({
          phase: 'unsent',
          nextAttemptAt: null,
          error: event.error,
          mayHaveReached: event.reachedBefore,
        })
      return next({
        error: event.error,
        mayHaveReached: event.reachedBefore,
        // After sign-in: due at once; the journal holds every send until the session is back.
        nextAttemptAt:
          event.retry === 'after-sign-in' ? null : now + resendDelay(1, event.retryAfterMs, policy),
      })
    case 'outcome':
      // The stream can beat the 202 (fast engine), and a request whose answer was lost may
      // still have been queued: so outcomes also settle `sending` and `unsent` entries.
      if (phase === 'confirmed' || phase === 'failed') return entry
      return event.status === 'succeeded'
        ? next({
            phase: 'confirmed',
            confirmedAt: now,
            recordIds: event.recordIds.length > 0 ? [...event.recordIds] : entry.recordIds,
            nextAttemptAt: null,
            error: null,
          })
        : next({ phase: 'failed', nextAttemptAt: null, error: event.error })
    case 'seen-in-data':
      if (phase === 'queued' || phase === 'stale') {
        return next({
          phase: 'confirmed',
          confirmedAt: now,
          seenAt: now,
          recordIds: [...event.recordIds],
          error: null,
        })
      }
      if (phase === 'confirmed' && entry.seenAt === null) {
        return next({
          seenAt: now,
          recordIds: entry.recordIds.length > 0 ? entry.recordIds : [...event.recordIds],
        })
      }
      return entry
    case 'deadline':
      return phase === 'queued' && entry.deadlineAt !== null && now >= entry.deadlineAt
        ? next({ phase: 'stale' })
        : entry
    case 'retry':
      return phase === 'unsent'
        ? next({ phase: 'sending', attempts: 0, nextAttemptAt: now, error: null })
        : entry
    case 'resolve-target':
      return phase === 'sending' && entry.targetRef !== null && entry.targetId === null
        ? next({ targetId: event.targetId })
        : entry
    case 'dependency-failed':
      return phase === 'sending' && entry.targetRef !== null && entry.targetId === null
        ? next({ phase: 'failed', error: event.error })
        : entry
    case 'drop':
      return phase === 'confirmed' ? null : entry
  }
}

/** An `/events` outcome (or a callback relayed to us) as a journal event. */
export function outcomeEvent(outcome: MutationOutcome): JournalEvent {
  if (outcome.status === 'succeeded') {
    return { type: 'outcome', status: 'succeeded', recordIds: outcome.recordIds }
  }
  return {
    type: 'outcome',
    status: 'failed',
    error: {
      kind: 'outcome',
      code: outcome.error?.code ?? 'failed',
      message: outcome.error?.message ?? 'The change could not be applied.',
    },
  }
}
