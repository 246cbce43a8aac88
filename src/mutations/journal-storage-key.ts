import type { ApiScope } from '@/api/client'

/**
 * Where a scope's journal lives in `localStorage`: one item per entry, under a prefix per
 * environment and region, so a sandbox entry can never reconcile against production data and two
 * tabs writing different entries never overwrite each other (a single list per scope was a
 * read-modify-write, where the last tab to write dropped the other's entries). Apart from
 * journal-storage.ts (and its schemas) so the first load can ask "is anything journaled?" without
 * parsing anything.
 */
export const JOURNAL_STORAGE_VERSION = 2
const PREFIX = `candidate-timeline:journal:v${JOURNAL_STORAGE_VERSION}`

/** The prefix of every item of a scope's journal (an entry's item adds `#<its key>`). */
export function journalStorageKey(scope: ApiScope): string {
  return `${PREFIX}:${scope.environment}:${scope.region}`
}

/** The item one entry is stored under. */
export function journalEntryItemKey(scope: ApiScope, entryKey: string): string {
  return `${journalStorageKey(scope)}#${entryKey}`
}

/** Where a scope's "writes stopped" flag is kept (see JournalHalt). */
export function journalHaltKey(scope: ApiScope): string {
  return `${journalStorageKey(scope)}!halt`
}

/** The single-list format of version 1, read once and moved into version 2's items. */
export function legacyJournalKey(scope: ApiScope): string {
  return `candidate-timeline:journal:v1:${scope.environment}:${scope.region}`
}

/** True for an item that holds one entry of this scope's journal. */
export function isJournalEntryItem(scope: ApiScope, item: string | null): item is string {
  return item !== null && item.startsWith(`${journalStorageKey(scope)}#`)
}

/** `window.localStorage`, or null where reading it throws (blocked cookies, some private modes). */
export function defaultStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/** The names of every item in `storage` (none where it cannot be read). */
export function storageItems(storage: Storage | null): string[] {
  if (!storage) return []
  try {
    const names: string[] = []
    for (let index = 0; index < storage.length; index += 1) {
      const name = storage.key(index)
      if (name !== null) names.push(name)
    }
    return names
  } catch {
    return []
  }
}

/** Whether anything is journaled for the scope (entries, a halt, or a list of the old format). */
export function hasStoredJournal(storage: Storage | null, scope: ApiScope): boolean {
  const legacy = legacyJournalKey(scope)
  const halt = journalHaltKey(scope)
  return storageItems(storage).some(
    (name) => name === legacy || name === halt || isJournalEntryItem(scope, name),
  )
}
