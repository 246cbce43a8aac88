import { createRows, updatePatch } from '@/mutations/entry-payload'
import type { JournalEntry, JournalError, PayloadObject } from '@/mutations/journal-entry'
import type { WriteTarget } from '@/mutations/journal-input'
import type { TimelineItem } from '@/mutations/overlay'

/** Which interaction dialog to show, with what it needs; `null` shows none. */
export type InteractionDialogRequest =
  | {
      kind: 'log'
      resubmit?: { key: string; rows: PayloadObject[]; error: JournalError | null }
    }
  | {
      kind: 'edit'
      target: WriteTarget
      values: PayloadObject
      resubmit?: { key: string; patch: PayloadObject; error: JournalError | null }
    }
  | {
      kind: 'delete'
      target: WriteTarget
      values: PayloadObject
      replaces?: { key: string; error: JournalError | null }
    }

// What the API adds to a stored interaction: not part of what the counsellor edits.
const RECORD_ONLY = new Set(['id', 'candidateId', 'createdAt', 'updatedAt'])

function payloadOf(values: Readonly<Record<string, unknown>>): PayloadObject {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !RECORD_ONLY.has(name)))
}

/** Can this card be edited or deleted? Not while its delete is on the way. */
export function canChange(item: TimelineItem): boolean {
  return !(item.kind === 'pending' && item.pendingOperation === 'delete')
}

export function editRequest(item: TimelineItem): InteractionDialogRequest {
  return { kind: 'edit', target: item.target, values: payloadOf(item.values) }
}

export function deleteRequest(item: TimelineItem): InteractionDialogRequest {
  return { kind: 'delete', target: item.target, values: payloadOf(item.values) }
}

function targetOf(entry: JournalEntry): WriteTarget | null {
  if (entry.targetId !== null) return { id: entry.targetId }
  return entry.targetRef
}

/**
 * "Edit & resubmit" for a failed or unsent interaction change: the matching dialog, filled with
 * what was sent. Null for anything that is not an interaction change.
 */
export function resubmitRequest(entry: JournalEntry): InteractionDialogRequest | null {
  if (entry.resource !== 'interaction') return null
  const error = entry.error
  if (entry.operation === 'create') {
    return { kind: 'log', resubmit: { key: entry.key, rows: createRows(entry), error } }
  }
  const target = targetOf(entry)
  if (target === null) return null
  const values = entry.previous ? payloadOf(entry.previous) : {}
  if (entry.operation === 'update') {
    return {
      kind: 'edit',
      target,
      values,
      resubmit: { key: entry.key, patch: updatePatch(entry) ?? {}, error },
    }
  }
  return { kind: 'delete', target, values, replaces: { key: entry.key, error } }
}
