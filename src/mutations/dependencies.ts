import type { JournalEntry } from '@/mutations/journal-entry'
import type { PlannedEvent } from '@/mutations/reconcile'

/**
 * Writes to one record go out one after another: the engine runs mutations in the order it
 * accepted them, so a later edit must not overtake an earlier one that is still being retried.
 * An edit or delete of a record that is itself a pending create waits until that create is
 * confirmed and its record id is known.
 */
function isSameRecord(a: JournalEntry, b: JournalEntry): boolean {
  if (a.resource !== b.resource) return false
  if (a.targetId !== null && a.targetId === b.targetId) return true
  return (
    a.targetRef !== null &&
    b.targetRef !== null &&
    a.targetRef.createKey === b.targetRef.createKey &&
    a.targetRef.index === b.targetRef.index
  )
}

/** True while `entry` must not be sent yet. `entries` are in submit order. */
export function isBlocked(entry: JournalEntry, entries: readonly JournalEntry[]): boolean {
  if (entry.operation === 'create') return false
  if (entry.targetId === null) return true
  for (const other of entries) {
    if (other.key === entry.key) return false
    if (other.phase === 'sending' && other.operation !== 'create' && isSameRecord(other, entry))
      return true
  }
  return false
}

/** Resolves waiting edits whose create got its ids; fails those whose create never will. */
export function planDependencies(entries: readonly JournalEntry[]): PlannedEvent[] {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]))
  return entries.flatMap((entry): PlannedEvent[] => {
    if (entry.phase !== 'sending' || entry.targetRef === null || entry.targetId !== null) return []
    const create = byKey.get(entry.targetRef.createKey)
    const recordId = create?.recordIds[entry.targetRef.index]
    if (create?.phase === 'confirmed' && recordId) {
      return [{ key: entry.key, event: { type: 'resolve-target', targetId: recordId } }]
    }
    // Confirmed without ids: the data may still tell us which records it made (until seen).
    const isHopeless =
      !create ||
      create.phase === 'failed' ||
      (create.phase === 'confirmed' && create.seenAt !== null)
    if (!isHopeless) return []
    return [
      {
        key: entry.key,
        event: {
          type: 'dependency-failed',
          error: {
            kind: 'dependency',
            code: 'dependency_failed',
            message: 'The new record this change refers to was not saved.',
          },
        },
      },
    ]
  })
}
