import * as z from 'zod/mini'
import type { ApiScope } from '@/api/client'
import { parseJson } from '@/lib/json'
import { journalEntrySchema, type JournalEntry } from '@/mutations/journal-entry'
import {
  defaultStorage,
  isJournalEntryItem,
  journalEntryItemKey,
  journalHaltKey,
  journalStorageKey,
  legacyJournalKey,
  storageItems,
} from '@/mutations/journal-storage-key'

export { defaultStorage, journalStorageKey }

/**
 * The journal in `localStorage`, one item per entry (see journal-storage-key.ts). Everything read
 * back is parsed: a corrupt, foreign or outdated value is ignored (never a crash), and one bad
 * entry does not cost the others. A save writes only the entries whose stored text differs, and
 * removes only the ones this tab removed, so tabs never overwrite each other's entries.
 */

const legacyJournalSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()) })

/** Why the journal could not be written: the entries still live in memory (this tab only). */
export type StorageProblem = 'quota' | 'unavailable'

/**
 * Writes are stopped for the scope: an answer came from the other environment, so something
 * between the app and the API drops the sandbox setting (a QA write could land in production).
 * Kept in storage, so a reload or another tab does not send either, until the counsellor resumes.
 */
export const journalHaltSchema = z.object({
  reason: z.literal('sandbox-mismatch'),
  message: z.string(),
  at: z.int(),
})
export type JournalHalt = z.infer<typeof journalHaltSchema>

/** Another tab changed the journal: one entry (null = removed), or everything was cleared. */
export type ExternalChange =
  | { kind: 'entry'; key: string; entry: JournalEntry | null }
  | { kind: 'halt'; halt: JournalHalt | null }
  | { kind: 'cleared' }

export type JournalStorage = {
  readonly key: string
  /** Every stored entry of the scope, oldest first (a list of the old format is moved over). */
  load: () => JournalEntry[]
  /** The stored version of one entry, read now (null when there is none). */
  read: (entryKey: string) => JournalEntry | null
  /** Returns the problem when a write failed, null when it worked. Never throws. */
  save: (entries: readonly JournalEntry[]) => StorageProblem | null
  loadHalt: () => JournalHalt | null
  saveHalt: (halt: JournalHalt | null) => void
  /** Calls back when another tab changed the journal. */
  listen: (onChange: (change: ExternalChange) => void) => () => void
}

export function parseStoredEntry(raw: string | null, scope: ApiScope): JournalEntry | null {
  const json = jsonOf(raw)
  if (json === undefined) return null
  const entry = journalEntrySchema.safeParse(json)
  if (!entry.success) return null
  const { data } = entry
  const isInScope =
    data.scope.environment === scope.environment && data.scope.region === scope.region
  return isInScope ? data : null
}

/** Entries of a version 1 list (one item per scope), for moving them over. */
export function parseLegacyJournal(raw: string | null, scope: ApiScope): JournalEntry[] {
  const stored = legacyJournalSchema.safeParse(jsonOf(raw))
  if (!stored.success) return []
  return stored.data.entries.flatMap((value) => {
    const entry = parseStoredEntry(JSON.stringify(value), scope)
    return entry ? [entry] : []
  })
}

export function createJournalStorage(
  scope: ApiScope,
  storage: Storage | null = defaultStorage(),
): JournalStorage {
  const key = journalStorageKey(scope)
  const haltKey = journalHaltKey(scope)
  /** What this tab knows each entry's item to hold, so a save writes only real changes. */
  const written = new Map<string, string>()

  const itemOf = (entryKey: string) => journalEntryItemKey(scope, entryKey)
  const get = (item: string) => {
    try {
      return storage?.getItem(item) ?? null
    } catch {
      return null
    }
  }

  function read(entryKey: string): JournalEntry | null {
    const raw = get(itemOf(entryKey))
    const entry = parseStoredEntry(raw, scope)
    if (raw !== null && entry?.key === entryKey) written.set(entryKey, raw)
    else written.delete(entryKey)
    return entry?.key === entryKey ? entry : null
  }

  function save(entries: readonly JournalEntry[]): StorageProblem | null {
    if (!storage) return 'unavailable'
    try {
      const kept = new Set<string>()
      for (const entry of entries) {
        kept.add(entry.key)
        const text = JSON.stringify(entry)
        if (written.get(entry.key) === text) continue
        storage.setItem(itemOf(entry.key), text)
        written.set(entry.key, text)
      }
      for (const entryKey of [...written.keys()]) {
        if (kept.has(entryKey)) continue
        storage.removeItem(itemOf(entryKey))
        written.delete(entryKey)
      }
      return null
    } catch (error) {
      return isQuotaError(error) ? 'quota' : 'unavailable'
    }
  }

  function moveLegacy(): void {
    const legacy = legacyJournalKey(scope)
    const raw = get(legacy)
    if (raw === null || !storage) return
    const entries = parseLegacyJournal(raw, scope)
    const present = new Set(storageItems(storage))
    try {
      for (const entry of entries) {
        const item = itemOf(entry.key)
        if (!present.has(item)) storage.setItem(item, JSON.stringify(entry))
      }
      storage.removeItem(legacy)
    } catch {
      // Full or blocked: the old list stays where it is and is read again next time.
    }
  }

  return {
    key,
    load: () => {
      moveLegacy()
      written.clear()
      const entries: JournalEntry[] = []
      for (const item of storageItems(storage)) {
        if (!isJournalEntryItem(scope, item)) continue
        const raw = get(item)
        const entry = parseStoredEntry(raw, scope)
        if (!entry || raw === null || itemOf(entry.key) !== item) continue
        written.set(entry.key, raw)
        entries.push(entry)
      }
      return entries.sort((a, b) => a.createdAt - b.createdAt)
    },
    read,
    save,
    loadHalt: () => {
      const halt = journalHaltSchema.safeParse(jsonOf(get(haltKey)))
      return halt.success ? halt.data : null
    },
    saveHalt: (halt) => {
      try {
        if (halt === null) storage?.removeItem(haltKey)
        else storage?.setItem(haltKey, JSON.stringify(halt))
      } catch {
        // The halt still holds in this tab's memory.
      }
    },
    listen: (onChange) => {
      if (typeof window === 'undefined' || !storage) return () => undefined
      const handleStorage = (event: StorageEvent) => {
        if (event.storageArea !== storage) return
        if (event.key === null) {
          written.clear()
          onChange({ kind: 'cleared' })
          return
        }
        if (event.key === haltKey) {
          const halt = journalHaltSchema.safeParse(jsonOf(event.newValue))
          onChange({ kind: 'halt', halt: halt.success ? halt.data : null })
          return
        }
        if (!isJournalEntryItem(scope, event.key)) return
        const entryKey = event.key.slice(key.length + 1)
        const entry = parseStoredEntry(event.newValue, scope)
        const isThisEntry = entry !== null && entry.key === entryKey
        if (isThisEntry && event.newValue !== null) written.set(entryKey, event.newValue)
        else written.delete(entryKey)
        onChange({ kind: 'entry', key: entryKey, entry: isThisEntry ? entry : null })
      }
      window.addEventListener('storage', handleStorage)
      return () => {
        window.removeEventListener('storage', handleStorage)
      }
    },
  }
}

/** Removes every item of a scope's journal (entries, halt, an old list): the data is gone. */
export function forgetJournal(scope: ApiScope, storage: Storage | null = defaultStorage()): void {
  const own = new Set([legacyJournalKey(scope), journalHaltKey(scope)])
  for (const item of storageItems(storage)) {
    if (!own.has(item) && !isJournalEntryItem(scope, item)) continue
    try {
      storage?.removeItem(item)
    } catch {
      // Blocked storage: nothing was kept there.
    }
  }
}

/** The JSON value of a stored item; undefined when there is none or it is not JSON. */
function jsonOf(raw: string | null): unknown {
  const parsed = raw === null ? null : parseJson(raw)
  return parsed?.ok ? parsed.value : undefined
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  )
}
