import type { JournalEntry } from '@/mutations/journal-entry'
import type { PlannedEvent } from '@/mutations/reconcile'

/** When the journal must wake up on its own: retries, deadlines, dropping confirmed entries. */
export type JournalTiming = { highlightMs: number; confirmedTtlMs: number }

/** A confirmed entry leaves shortly after the data showed it, or after a TTL if it never does. */
export function dropAt(entry: JournalEntry, timing: JournalTiming): number {
  return entry.seenAt !== null
    ? entry.seenAt + timing.highlightMs
    : (entry.confirmedAt ?? entry.updatedAt) + timing.confirmedTtlMs
}

/** The earliest moment something is due, or null when nothing is. */
export function nextWakeAt(
  entries: readonly JournalEntry[],
  isInFlight: (key: string) => boolean,
  timing: JournalTiming,
): number | null {
  const due = entries.flatMap((entry) => {
    if (entry.phase === 'sending' && entry.nextAttemptAt !== null && !isInFlight(entry.key))
      return [entry.nextAttemptAt]
    if (entry.phase === 'queued' && entry.deadlineAt !== null) return [entry.deadlineAt]
    if (entry.phase === 'confirmed') return [dropAt(entry, timing)]
    return []
  })
  return due.length > 0 ? Math.min(...due) : null
}

/** Deadlines passed and confirmed entries due to leave, at `at`. */
export function timedEvents(
  entries: readonly JournalEntry[],
  at: number,
  timing: JournalTiming,
): PlannedEvent[] {
  return entries.flatMap((entry): PlannedEvent[] => {
    if (entry.phase === 'queued' && entry.deadlineAt !== null && entry.deadlineAt <= at)
      return [{ key: entry.key, event: { type: 'deadline' } }]
    if (entry.phase === 'confirmed' && dropAt(entry, timing) <= at)
      return [{ key: entry.key, event: { type: 'drop' } }]
    return []
  })
}
