import * as z from 'zod/mini'
import { failureReason, type FailureReason } from '@/mutations/journal-actions'
import type { JournalEntry } from '@/mutations/journal-entry'

/** How the sync menu and notices speak about an entry (pure; the components translate). */
export type PhaseLabel = JournalEntry['phase'] | 'retrying' | 'waiting'
export type ReasonKey = FailureReason | 'stale'
export type DescribeKey =
  | 'createInteraction'
  | 'updateInteraction'
  | 'deleteInteraction'
  | 'createCandidate'
  | 'updateCandidate'

export function phaseLabel(entry: JournalEntry): PhaseLabel {
  if (entry.phase !== 'sending') return entry.phase
  if (entry.targetRef !== null && entry.targetId === null) return 'waiting'
  return entry.attempts > 0 ? 'retrying' : 'sending'
}

export function reasonKey(entry: JournalEntry): ReasonKey | null {
  if (entry.phase === 'stale') return 'stale'
  // Accepted, but the answer broke an assumption: it stays queued, and says why.
  if (entry.phase === 'queued' && entry.error?.kind === 'contract') return 'contract'
  if (entry.phase !== 'failed' && entry.phase !== 'unsent') return null
  const error = entry.error
  if (!error) return null
  return failureReason(error, entry.resource === 'interaction' ? entry.operation : null)
}

export function describeKey(entry: JournalEntry): DescribeKey {
  if (entry.resource === 'candidate') {
    return entry.operation === 'create' ? 'createCandidate' : 'updateCandidate'
  }
  if (entry.operation === 'create') return 'createInteraction'
  return entry.operation === 'update' ? 'updateInteraction' : 'deleteInteraction'
}

/** Rows in a create (the count for plural wording); 1 for anything else. */
export function rowCount(entry: JournalEntry): number {
  return Array.isArray(entry.payload) ? entry.payload.length : 1
}

const shownSchema = z.looseObject({
  summary: z.catch(z.nullish(z.string()), null),
  type: z.catch(z.optional(z.array(z.string())), undefined),
  performedAt: z.catch(z.optional(z.string()), undefined),
  firstName: z.catch(z.optional(z.string()), undefined),
  lastName: z.catch(z.optional(z.string()), undefined),
})

/** A short line that tells the counsellor which record this was about ("Teruggebeld"). */
export function entryDetail(entry: JournalEntry): string | null {
  const source = Array.isArray(entry.payload) ? entry.payload[0] : (entry.payload ?? undefined)
  const values = shownSchema.safeParse({ ...entry.previous, ...source })
  if (!values.success) return null
  const { summary, type, firstName, lastName } = values.data
  if (entry.resource === 'candidate') {
    const name = [firstName, lastName].filter(Boolean).join(' ')
    return name || null
  }
  return summary ?? (type && type.length > 0 ? type.join(', ') : null)
}
