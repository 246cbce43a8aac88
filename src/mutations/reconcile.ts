import { createRows } from '@/mutations/entry-payload'
import type { JournalEntry } from '@/mutations/journal-entry'
import type { JournalEvent } from '@/mutations/journal-transition'
import {
  isDeleteSeen,
  isUpdateSeen,
  matchCreates,
  wouldBeListed,
  type ServerRecord,
} from '@/mutations/matching'

export type PlannedEvent = { key: string; event: JournalEvent }

/**
 * What freshly read interactions of one candidate tell the journal (pure). Queued and stale
 * writes that the data shows become confirmed; confirmed ones the data now shows are marked
 * seen (and dropped a little later), so the overlay leaves exactly when the record arrives.
 *
 * `fetchedAt` is when the data arrived: data read after a confirmation shows that write's
 * result even where the server normalised the values beyond recognition.
 */
export function planReconcile(
  entries: readonly JournalEntry[],
  candidateId: string,
  records: readonly ServerRecord[],
  fetchedAt: number,
): PlannedEvent[] {
  const mine = entries.filter(
    (entry) => entry.resource === 'interaction' && entry.candidateId === candidateId,
  )
  const ids = new Set(records.map((record) => record.id))
  const planned: PlannedEvent[] = []
  const seen = (entry: JournalEntry, recordIds: readonly string[]) => {
    planned.push({ key: entry.key, event: { type: 'seen-in-data', recordIds } })
  }

  // Creates: known ids first, then content matching for the rest.
  const owned = new Set(
    mine.flatMap((entry) => (entry.operation === 'create' ? entry.recordIds : [])),
  )
  const unmatched: JournalEntry[] = []
  for (const entry of mine) {
    if (entry.operation !== 'create') continue
    if (entry.phase === 'confirmed' && entry.seenAt === null && entry.recordIds.length > 0) {
      const readAfter = fetchedAt > (entry.confirmedAt ?? Number.POSITIVE_INFINITY)
      // A record older than the newest 100 never shows in the list: nothing left to wait for.
      // Only rows that sort past the cut, though: a missing row the list would show is not there
      // yet (a lagging read), and leaving now would drop it from the timeline.
      const rows = createRows(entry)
      const isPastTheCut = () =>
        entry.recordIds.every(
          (id, index) => ids.has(id) || !wouldBeListed(rows[index] ?? null, records),
        )
      if (entry.recordIds.every((id) => ids.has(id)) || (readAfter && isPastTheCut())) {
        seen(entry, entry.recordIds)
      }
    } else if (
      entry.phase === 'queued' ||
      entry.phase === 'stale' ||
      (entry.phase === 'confirmed' && entry.seenAt === null)
    ) {
      unmatched.push(entry)
    }
  }
  for (const [key, recordIds] of matchCreates(unmatched, records, owned)) {
    planned.push({ key, event: { type: 'seen-in-data', recordIds } })
  }

  for (const entry of mine) {
    if (entry.operation === 'create' || entry.targetId === null) continue
    const isOpen = entry.phase === 'queued' || entry.phase === 'stale'
    const isConfirmedUnseen = entry.phase === 'confirmed' && entry.seenAt === null
    if (!isOpen && !isConfirmedUnseen) continue
    const isSeen =
      entry.operation === 'update' ? isUpdateSeen(entry, records) : isDeleteSeen(entry, records)
    const readAfter =
      isConfirmedUnseen && fetchedAt > (entry.confirmedAt ?? Number.POSITIVE_INFINITY)
    if (isSeen || readAfter) seen(entry, [entry.targetId])
  }
  return planned
}
