import type { JournalEntry, PayloadObject } from '@/mutations/journal-entry'

// Apart from journal-entry.ts (the stored entry's schema): the overlay and the pages read
// payloads at first render, while the schema is needed only where entries are parsed.

/** Payload rows of a create entry (empty for anything else). */
export function createRows(entry: JournalEntry): PayloadObject[] {
  return entry.operation === 'create' && Array.isArray(entry.payload) ? entry.payload : []
}

/** The patch of an update entry (null for anything else). */
export function updatePatch(entry: JournalEntry): PayloadObject | null {
  return entry.operation === 'update' && entry.payload !== null && !Array.isArray(entry.payload)
    ? entry.payload
    : null
}
