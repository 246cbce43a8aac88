import type { JournalEntry } from '@/mutations/journal-entry'

/** What the app bar's status line counts (apart from describe-entry.ts, which the panel uses). */
export type SyncCounts = { syncing: number; failed: number; stale: number }

export function countEntries(entries: readonly JournalEntry[]): SyncCounts {
  const counts: SyncCounts = { syncing: 0, failed: 0, stale: 0 }
  for (const entry of entries) {
    if (entry.phase === 'sending' || entry.phase === 'queued') counts.syncing += 1
    else if (entry.phase === 'failed' || entry.phase === 'unsent') counts.failed += 1
    else if (entry.phase === 'stale') counts.stale += 1
  }
  return counts
}
