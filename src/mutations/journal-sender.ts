import { refusalProvesNotQueued } from '@/api/contract'
import type { ApiClient } from '@/api/client'
import { apiWrites, type WriteAck } from '@/api/writes'
import { isApiError, type ApiError } from '@/api/errors'
import { RELAY_RATE_LIMITED, RELAY_SESSION_CHANGED, RELAY_UNAUTHENTICATED } from '@/api/relay'
import { createRows, updatePatch } from '@/mutations/entry-payload'
import type { JournalEntry, JournalError } from '@/mutations/journal-entry'
import type { JournalEvent } from '@/mutations/journal-transition'

/** Sends one entry through the api client, always with the entry's own idempotency key. */
export function sendEntry(
  api: ApiClient,
  entry: JournalEntry,
  signal: AbortSignal,
): Promise<WriteAck> {
  const writes = apiWrites(api)
  const options = { idempotencyKey: entry.key, signal }
  const rows = createRows(entry)
  const patch = updatePatch(entry)
  const { candidateId, targetId } = entry

  if (entry.resource === 'interaction' && candidateId !== null) {
    if (entry.operation === 'create') return writes.createInteractions(candidateId, rows, options)
    if (entry.operation === 'update' && patch && targetId !== null)
      return writes.updateInteraction(candidateId, targetId, patch, options)
    if (entry.operation === 'delete' && targetId !== null)
      return writes.deleteInteraction(candidateId, targetId, options)
  }
  if (entry.resource === 'candidate') {
    if (entry.operation === 'create') return writes.createCandidates(rows, options)
    if (entry.operation === 'update' && patch && targetId !== null)
      return writes.updateCandidate(targetId, patch, options)
  }
  // The entry schema rules these out; reaching this is a bug, not a network problem.
  return Promise.reject(new Error(`cannot send ${entry.operation} of ${entry.resource}`))
}

/** What the journal stores about an error (plain data, so it survives localStorage). */
export function toJournalError(error: unknown): JournalError {
  if (isApiError(error)) {
    return {
      kind: error.kind,
      code: error.code,
      message: error.message,
      ...(error.issues.length > 0 ? { issues: error.issues } : {}),
    }
  }
  return {
    kind: 'http',
    code: 'unexpected',
    message: error instanceof Error ? error.message : String(error),
  }
}

/**
 * THE rule for a write our relay refused itself (docs/decisions/0067). The relay answers every
 * refusal — signed out (401), a region or sandbox not allowed or a cross-site request (403), the
 * counsellor's write rate (429), a path or body it will not pass — BEFORE anything is forwarded,
 * so this attempt was certainly not queued. It proves nothing about an EARLIER attempt under the
 * same key that got no answer, so `mayHaveReached` goes back to what it was before this attempt
 * (an upstream refusal of the key proves more: `refusalProvesNotQueued`): the entry keeps its key and goes out again with it —
 *   - signed out, or another counsellor signed in in this browser (`session_changed`): the
 *     journal holds every send of this page; the page that comes back from sign-in sends it at
 *     once (and only after reading who is signed in: a page of the other counsellor has another
 *     scope, so it never sends this one's entries);
 *   - rate limited, or the relay momentarily unavailable (503: restarting, or its Redis is
 *     out): after the relay's `retryAfterSeconds`, not counted as an attempt;
 *   - anything else: when the counsellor retries (unsent; "Edit & resubmit" under a new key only
 *     if no earlier attempt may have reached the upstream).
 */
export function relayRefusalEvent(error: ApiError, reachedBefore: boolean): JournalEvent {
  const retry =
    error.relayCode === RELAY_UNAUTHENTICATED || error.relayCode === RELAY_SESSION_CHANGED
      ? 'after-sign-in'
      : error.relayCode === RELAY_RATE_LIMITED || error.status === 503
        ? 'after-wait'
        : 'by-counsellor'
  return {
    type: 'relay-refused',
    error: toJournalError(error),
    reachedBefore,
    retry,
    retryAfterMs: error.retryAfterMs,
  }
}

/**
 * A failed send as a journal event: retry later (same key) or wait for the counsellor.
 * `reachedBefore`: whether an attempt before this one may have reached the upstream.
 */
export function sendErrorEvent(error: unknown, reachedBefore: boolean): JournalEvent {
  if (isApiError(error) && error.relayCode !== null) return relayRefusalEvent(error, reachedBefore)
  const journalError = toJournalError(error)
  if (isApiError(error) && error.isTransient) {
    return { type: 'transient-error', error: journalError, retryAfterMs: error.retryAfterMs }
  }
  const provesNotQueued = isApiError(error) && refusalProvesNotQueued(error.status)
  return { type: 'send-failed', error: journalError, provesNotQueued }
}

/** An acceptance that broke an assumption: what went wrong, and whether writes must stop. */
export type AckProblem = { error: JournalError; haltsWrites: boolean }

/**
 * Checks a 2xx against what was sent. It stays an acceptance whatever this says — the change is
 * queued upstream — but a key other than ours means our idempotency assumption is wrong for this
 * server (nothing may be retried automatically), and an answer from the other environment means
 * something between us and the API drops the sandbox setting: no further write may go out.
 */
export function ackProblem(entry: JournalEntry, ack: WriteAck): AckProblem | null {
  const isSandbox = entry.scope.environment === 'sandbox'
  if (ack.sandboxEnabled !== null && ack.sandboxEnabled !== isSandbox) {
    return {
      haltsWrites: true,
      error: {
        kind: 'contract',
        code: 'sandbox_mismatch',
        message: isSandbox
          ? 'Sent as a sandbox change, but the API applied it to production.'
          : 'Sent as a production change, but the API applied it to the sandbox.',
      },
    }
  }
  if (ack.echoedKey !== null && ack.echoedKey !== entry.key) {
    return {
      haltsWrites: false,
      error: {
        kind: 'contract',
        code: 'idempotency_key_mismatch',
        message: `The API acknowledged the change under another key (${ack.echoedKey}).`,
      },
    }
  }
  return null
}
