import type { Operation } from '@/api/contract'
import type { JournalEntry } from '@/mutations/journal-entry'

// What a counsellor can still do about a change that needs attention (pure, so the sync menu
// and the timeline card offer the same). Discarding is always possible.

/**
 * The API (404) or the engine (a failed outcome) said `not_found`. A bare 404 without that code,
 * e.g. from a wrong base URL, says nothing about the record.
 */
export function isNotFoundError(error: { kind: string; code: string }): boolean {
  return error.code === 'not_found' && (error.kind === 'outcome' || error.kind === 'not-found')
}

/**
 * The record an edit or delete addresses does not exist: a colleague deleted it, or it never
 * existed. Sending that change again, as it was or corrected, cannot work.
 */
export function isTargetGone(entry: JournalEntry): boolean {
  return entry.operation !== 'create' && entry.error !== null && isNotFoundError(entry.error)
}

/** "Retry" (the same request again) for an unsent change; "check again" for a stale one. */
export function isRetryable(entry: JournalEntry): boolean {
  if (entry.phase === 'stale') return true
  return entry.phase === 'unsent' && !isTargetGone(entry)
}

/**
 * Sent, but no answer proved it was refused: the upstream may have queued it, so it may still be
 * applied. Only a retry with its own key is safe until an answer settles it.
 */
export function isOutcomeUnknown(entry: JournalEntry): boolean {
  return entry.phase === 'unsent' && entry.mayHaveReached
}

/**
 * "Edit & resubmit" (a NEW key) for a failed or unsent change, except where no correction can
 * help — an edit whose create never came, an edit or delete of a record that does not exist — or
 * where the original may still run: an unsent change whose outcome is unknown. A failed one is
 * safe: the engine reported that it did not apply it.
 */
export function isResubmittable(entry: JournalEntry): boolean {
  if (entry.phase !== 'failed' && entry.phase !== 'unsent') return false
  if (isOutcomeUnknown(entry)) return false
  return entry.error?.kind !== 'dependency' && !isTargetGone(entry)
}

/** Why a change failed, as one sentence key that the sync menu and the timeline card translate. */
export type FailureReason =
  | 'network'
  | 'unauthorized'
  | 'notFound'
  | 'updateTargetGone'
  | 'deleteTargetGone'
  | 'validation'
  | 'rateLimited'
  | 'server'
  | 'invalidResponse'
  | 'http'
  | 'ownership'
  | 'outcome'
  | 'dependency'
  | 'contract'
  // [OURS] refusals by our relay (their sentences come with relay mode's strings)
  | 'signedOut'
  | 'sessionChanged'
  | 'forbiddenRegion'
  | 'forbiddenEnvironment'
  | 'crossSite'

const RELAY_REASONS = new Map<string, FailureReason>([
  ['unauthenticated', 'signedOut'],
  ['session_changed', 'sessionChanged'],
  ['forbidden_region', 'forbiddenRegion'],
  ['forbidden_environment', 'forbiddenEnvironment'],
  ['cross_site', 'crossSite'],
])

const KIND_REASONS = new Map<string, FailureReason>([
  ['network', 'network'],
  ['unauthorized', 'unauthorized'],
  ['not-found', 'notFound'],
  ['validation', 'validation'],
  ['rate-limited', 'rateLimited'],
  ['server', 'server'],
  ['invalid-response', 'invalidResponse'],
  ['http', 'http'],
  ['dependency', 'dependency'],
  ['contract', 'contract'],
])

/**
 * The journal's error kinds (API kinds plus `outcome` and `dependency`) as a reason. For an edit
 * or delete whose record is gone (`not_found`), say what happened to the record: nothing is left
 * to correct. `operation` is null where the record is not an interaction.
 */
export function failureReason(
  error: { kind: string; code: string },
  operation: Operation | null,
): FailureReason {
  if (isNotFoundError(error) && operation === 'update') return 'updateTargetGone'
  if (isNotFoundError(error) && operation === 'delete') return 'deleteTargetGone'
  const relayReason = error.kind === 'outcome' ? undefined : RELAY_REASONS.get(error.code)
  if (relayReason) return relayReason
  if (error.kind === 'outcome') {
    if (error.code === 'ownership') return 'ownership'
    return error.code === 'not_found' ? 'notFound' : 'outcome'
  }
  return KIND_REASONS.get(error.kind) ?? 'outcome'
}
