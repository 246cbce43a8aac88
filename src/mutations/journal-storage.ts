import * as z from 'zod/mini'
import type { ApiScope } from '@/api/client'
import { journalEntrySchema, type JournalEntry } from '@/mutations/journal-entry'

import {
  JOURNAL_STORAGE_VERSION,
  defaultStorage,
  journalStorageKey,
  readStoredJournal,
} from '@/mutations/journal-storage-key'

export { JOURNAL_STORAGE_VERSION, defaultStorage, journalStorageKey }

/**
 * The journal in `localStorage` (see journal-storage-key.ts for where). Everything read back is
 * parsed: a corrupt, foreign or outdated value is ignored (never a crash), and one bad entry
 * does not cost the others.
 */

const storedJournalSchema = z.object({
  version: z.literal(JOURNAL_STORAGE_VERSION),
  entries: z.array(z.unknown()),
})

/** Why the journal could not be written: the entries still live in memory (this tab only). */
export type StorageProblem = 'quota' | 'unavailable'

export type JournalStorage = {
  readonly key: string
  load: () => JournalEntry[]
  /** Returns the problem when the write failed, null when it worked. Never throws. */
  save: (entries: readonly JournalEntry[]) => StorageProblem | null
  /** Calls back with the parsed list when another tab changed it. */
  listen: (onChange: (entries: JournalEntry[]) => void) => () => void
}

export function parseStoredJournal(raw: string | null, scope: ApiScope): JournalEntry[] {
  if (raw === null) return []
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return []
  }
  const stored = storedJournalSchema.safeParse(json)
  if (!stored.success) return []
  const seen = new Set<string>()
  return stored.data.entries.flatMap((value) => {
    const entry = journalEntrySchema.safeParse(value)
    if (!entry.success) return []
    const { data } = entry
    const isInScope =
      data.scope.environment === scope.environment && data.scope.region === scope.region
    if (!isInScope || seen.has(data.key)) return []
    seen.add(data.key)
    return [data]
  })
}

export function createJournalStorage(
  scope: ApiScope,
  storage: Storage | null = defaultStorage(),
): JournalStorage {
  const key = journalStorageKey(scope)

  return {
    key,
    load: () => parseStoredJournal(readStoredJournal(storage, key), scope),
    save: (entries) => {
      if (!storage) return 'unavailable'
      try {
        if (entries.length === 0) storage.removeItem(key)
        else storage.setItem(key, JSON.stringify({ version: JOURNAL_STORAGE_VERSION, entries }))
        return null
      } catch (error) {
        return isQuotaError(error) ? 'quota' : 'unavailable'
      }
    },
    listen: (onChange) => {
      if (typeof window === 'undefined' || !storage) return () => undefined
      const handleStorage = (event: StorageEvent) => {
        if (event.storageArea !== storage) return
        // key null = the other tab cleared the whole storage.
        if (event.key !== key && event.key !== null) return
        onChange(parseStoredJournal(event.key === null ? null : event.newValue, scope))
      }
      window.addEventListener('storage', handleStorage)
      return () => {
        window.removeEventListener('storage', handleStorage)
      }
    },
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  )
}
