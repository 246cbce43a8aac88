import type { Accepted } from '@/api/contract'
import type { ApiClient } from '@/api/client'
import { isApiError } from '@/api/errors'
import { createRows, updatePatch } from '@/mutations/entry-payload'
import type { JournalEntry, JournalError } from '@/mutations/journal-entry'
import type { JournalEvent } from '@/mutations/journal-transition'

/** Sends one entry through the api client, always with the entry's own idempotency key. */
export function sendEntry(
  api: ApiClient,
  entry: JournalEntry,
  signal: AbortSignal,
): Promise<Accepted> {
  const options = { idempotencyKey: entry.key, signal }
  const rows = createRows(entry)
  const patch = updatePatch(entry)
  const { candidateId, targetId } = entry

  if (entry.resource === 'interaction' && candidateId !== null) {
    if (entry.operation === 'create') return api.createInteractions(candidateId, rows, options)
    if (entry.operation === 'update' && patch && targetId !== null)
      return api.updateInteraction(candidateId, targetId, patch, options)
    if (entry.operation === 'delete' && targetId !== null)
      return api.deleteInteraction(candidateId, targetId, options)
  }
  if (entry.resource === 'candidate') {
    if (entry.operation === 'create') return api.createCandidates(rows, options)
    if (entry.operation === 'update' && patch && targetId !== null)
      return api.updateCandidate(targetId, patch, options)
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

/** A failed send as a journal event: retry later (same key) or wait for the counsellor. */
export function sendErrorEvent(error: unknown): JournalEvent {
  const journalError = toJournalError(error)
  return isApiError(error) && error.isTransient
    ? { type: 'transient-error', error: journalError, retryAfterMs: error.retryAfterMs }
    : { type: 'send-failed', error: journalError }
}
