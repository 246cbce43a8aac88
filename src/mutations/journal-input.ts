import type { Operation, Resource } from '@/api/contract'
import type { ApiScope } from '@/api/client'
import {
  journalEntrySchema,
  type JournalEntry,
  type PayloadObject,
} from '@/mutations/journal-entry'

/** The record an edit or delete is about: a stored one, or row `index` of a pending create. */
export type WriteTarget = { id: string } | { createKey: string; index: number }

export type SubmitInput = {
  resource: Resource
  operation: Operation
  /** The candidate the interaction belongs to (or the candidate being updated); null on create. */
  candidateId: string | null
  target?: WriteTarget
  /** Rows for a create (1–10), the changed fields for an update, nothing for a delete. */
  payload?: readonly PayloadObject[] | PayloadObject | null
  /** The values the counsellor saw before an update or delete. */
  previous?: PayloadObject | null
  /**
   * Ids of the candidate's interactions when the form was submitted: for matching creates, and
   * for a delete, whether the (at most 100-record) list showed its record at all.
   */
  baselineIds?: readonly string[] | null
  schemaVersion?: string | null
  /** Reuse a key to make a repeated submit (double click) the same action. */
  key?: string
}

/** How a submit ended for the form; the entry itself lives on in the journal. */
export type SubmitStatus =
  /** 202: queued upstream. */
  | 'accepted'
  /** A transient error: the journal keeps retrying with the same key on its own. */
  | 'retrying'
  /** Could not be sent; it waits in the sync menu for retry, edit or discard. */
  | 'unsent'
  /** Waits for an earlier write to the same record (e.g. its create) before it goes out. */
  | 'waiting'
  /** Already settled (a repeated submit of an older key). */
  | 'settled'
export type SubmitResult = { key: string; status: SubmitStatus }

/** The same write with a corrected payload, as a new submit (it will get a NEW key). */
export function resubmitInput(
  entry: JournalEntry,
  payload: readonly PayloadObject[] | PayloadObject,
): SubmitInput {
  return {
    resource: entry.resource,
    operation: entry.operation,
    candidateId: entry.candidateId,
    target: entry.targetId !== null ? { id: entry.targetId } : (entry.targetRef ?? undefined),
    payload,
    previous: entry.previous,
    baselineIds: entry.baselineIds,
    schemaVersion: entry.schemaVersion,
  }
}

/** Builds and validates a new entry; a shape the journal cannot send is a programming error. */
export function buildEntry(
  input: SubmitInput,
  scope: ApiScope,
  key: string,
  now: number,
): JournalEntry {
  const target = input.target
  const payload = input.payload ?? null
  const parsed = journalEntrySchema.safeParse({
    key,
    scope: { environment: scope.environment, region: scope.region },
    resource: input.resource,
    operation: input.operation,
    candidateId: input.candidateId,
    targetId: target && 'id' in target ? target.id : null,
    targetRef:
      target && 'createKey' in target ? { createKey: target.createKey, index: target.index } : null,
    payload: isRowList(payload) ? [...payload] : payload,
    previous: input.previous ?? null,
    baselineIds: input.baselineIds ? [...input.baselineIds] : null,
    schemaVersion: input.schemaVersion ?? null,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
    acceptedAt: null,
    confirmedAt: null,
    seenAt: null,
    attempts: 0,
    nextAttemptAt: null,
    deadlineAt: null,
    phase: 'sending',
    error: null,
    recordIds: [],
  })
  if (!parsed.success) {
    throw new Error(
      `Invalid journal submit: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    )
  }
  return parsed.data
}

function isRowList(
  payload: readonly PayloadObject[] | PayloadObject | null,
): payload is readonly PayloadObject[] {
  return Array.isArray(payload)
}
