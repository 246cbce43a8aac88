import type { JournalEntry } from '@/mutations/journal-entry'

/**
 * Another tab wrote the journal: take its list as the truth, except where this tab knows
 * better (a newer version of an entry, or an entry it is sending right now and the other tab
 * has not seen yet). Pure; `isStoredUpToDate` tells the caller whether to write the result back
 * (writing only when needed keeps two tabs from echoing each other forever).
 */
export function mergeExternal(
  local: readonly JournalEntry[],
  stored: readonly JournalEntry[],
  keepLocal: (key: string) => boolean,
): { entries: JournalEntry[]; isStoredUpToDate: boolean } {
  const localByKey = new Map(local.map((entry) => [entry.key, entry]))
  const storedKeys = new Set(stored.map((entry) => entry.key))
  let isStoredUpToDate = true
  const merged = stored.map((entry) => {
    const mine = localByKey.get(entry.key)
    if (mine && mine.updatedAt > entry.updatedAt) {
      isStoredUpToDate = false
      return mine
    }
    return entry
  })
  for (const entry of local) {
    if (!storedKeys.has(entry.key) && keepLocal(entry.key)) {
      merged.push(entry)
      isStoredUpToDate = false
    }
  }
  merged.sort((a, b) => a.createdAt - b.createdAt)
  return { entries: merged, isStoredUpToDate }
}
