import type { ApiScope } from '@/api/client'

/**
 * Where a scope's journal lives in `localStorage`: one list per environment and region, so a
 * sandbox entry can never reconcile against production data. Apart from journal-storage.ts (and
 * its schemas) so the first load can ask "is anything journaled?" without parsing anything.
 */
export const JOURNAL_STORAGE_VERSION = 1
const PREFIX = `candidate-timeline:journal:v${JOURNAL_STORAGE_VERSION}`

export function journalStorageKey(scope: ApiScope): string {
  return `${PREFIX}:${scope.environment}:${scope.region}`
}

/** `window.localStorage`, or null where reading it throws (blocked cookies, some private modes). */
export function defaultStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/** The stored text of a scope's journal, or null (nothing stored, or storage unreadable). */
export function readStoredJournal(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null
  } catch {
    return null
  }
}
