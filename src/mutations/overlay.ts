import type { JournalEntry, JournalError, PayloadObject } from '@/mutations/journal-entry'
import { createRows, updatePatch } from '@/mutations/entry-payload'
import type { WriteTarget } from '@/mutations/journal-input'
import type { ServerRecord } from '@/mutations/matching'
import { changedFields } from '@/mutations/values'

/**
 * The timeline = server records ⊕ the journal, derived at render time and never written into
 * the query cache: a refetch cannot wipe a pending change and a confirmation cannot leave a
 * ghost, because each pending mark lasts exactly until the data shows the result.
 */
export type TimelineItemStatus = 'pending' | 'failed' | 'stale' | 'unsent' | 'confirming'
export type PendingOperation = 'create' | 'update' | 'delete'
export type TimelineValues = Readonly<Record<string, unknown>>

export type ServerTimelineItem = {
  kind: 'server'
  /** The record id (a stable React key). */
  id: string
  record: ServerRecord
  values: TimelineValues
  /** What an edit or delete of this card addresses. */
  target: WriteTarget
  /** Fields the server stored differently from what was just submitted (brief highlight). */
  changedFields: readonly string[]
}

export type PendingTimelineItem = {
  kind: 'pending'
  /** The record id, or `<entryKey>:<row>` for a create the server has not shown yet. */
  id: string
  recordId: string | null
  record: ServerRecord | null
  status: TimelineItemStatus
  /** `delete` = show struck through; `update` = `values` are the new values. */
  pendingOperation: PendingOperation
  entryKey: string
  target: WriteTarget
  values: TimelineValues
  /** The values shown before the change (update/delete), for "what changed". */
  previous: PayloadObject | null
  error: JournalError | null
  changedFields: readonly string[]
  /**
   * A create the server has not shown yet: when it was saved (ISO), so it sorts above records
   * of the same minute that were made before it, as the server's `createdAt` will sort it.
   */
  savedAt?: string
}

export type TimelineItem = ServerTimelineItem | PendingTimelineItem

const STATUS_BY_PHASE: Record<JournalEntry['phase'], TimelineItemStatus> = {
  sending: 'pending',
  queued: 'pending',
  confirmed: 'confirming',
  stale: 'stale',
  unsent: 'unsent',
  failed: 'failed',
}
// When several writes touch one card, the one that needs the counsellor most speaks for it.
const PRIORITY: TimelineItemStatus[] = ['confirming', 'pending', 'stale', 'unsent', 'failed']

export function overlayInteractions(
  serverRecords: readonly ServerRecord[],
  entries: readonly JournalEntry[],
  now: number,
  highlightMs = 4000,
): TimelineItem[] {
  const items: TimelineItem[] = serverRecords.map(serverItem)
  const ids = new Set(serverRecords.map((record) => record.id))
  const writes = entries
    .filter((entry) => entry.resource === 'interaction')
    .sort((a, b) => a.createdAt - b.createdAt)
  const isHighlighted = (entry: JournalEntry) =>
    entry.seenAt !== null && now < entry.seenAt + highlightMs

  for (const entry of writes) {
    if (entry.operation !== 'create') continue
    createRows(entry).forEach((row, index) => {
      const recordId = entry.recordIds[index] ?? null
      if (recordId !== null && ids.has(recordId)) {
        // The data has it: show the server's record, marking what it normalised.
        if (isHighlighted(entry)) highlight(items, recordId, row)
        return
      }
      if (entry.phase === 'confirmed' && entry.seenAt !== null) return
      items.push({
        kind: 'pending',
        id: `${entry.key}:${index}`,
        recordId,
        record: null,
        status: STATUS_BY_PHASE[entry.phase],
        pendingOperation: 'create',
        entryKey: entry.key,
        target: recordId !== null ? { id: recordId } : { createKey: entry.key, index },
        values: row,
        previous: null,
        error: entry.error,
        changedFields: [],
        savedAt: new Date(entry.createdAt).toISOString(),
      })
    })
  }

  for (const entry of writes) {
    if (entry.operation === 'create') continue
    const index = items.findIndex((item) => isTargetOf(item, entry))
    const item = items[index]
    const patch = updatePatch(entry)
    if (!item) {
      // The record has left the list (deleted by someone else, or beyond the newest 100): a write
      // that needs the counsellor must still show, with its reason, built from what was shown.
      const orphan = orphanItem(entry, patch)
      if (orphan) items.push(orphan)
      continue
    }
    if (entry.phase === 'confirmed' && entry.seenAt !== null) {
      if (patch && isHighlighted(entry)) highlight(items, item.id, patch)
      continue
    }
    items[index] = applyWrite(item, entry, patch)
  }

  return sortNewestFirst(items)
}

/**
 * One item per server record object, for as long as the record lives (the query cache keeps it
 * until a refetch brings a new one): a journal change rebuilds the overlay, but the cards of
 * untouched records keep their identity, so their memoised cards are not drawn again.
 */
const serverItems = new WeakMap<ServerRecord, ServerTimelineItem>()

function serverItem(record: ServerRecord): ServerTimelineItem {
  let item = serverItems.get(record)
  if (!item) {
    item = {
      kind: 'server',
      id: record.id,
      record,
      values: record,
      target: { id: record.id },
      changedFields: [],
    }
    serverItems.set(record, item)
  }
  return item
}

const NEEDS_ATTENTION: readonly JournalEntry['phase'][] = ['failed', 'unsent', 'stale']

function orphanItem(entry: JournalEntry, patch: PayloadObject | null): PendingTimelineItem | null {
  if (!NEEDS_ATTENTION.includes(entry.phase) || entry.targetId === null || !entry.previous) {
    return null
  }
  return {
    kind: 'pending',
    id: entry.targetId,
    recordId: entry.targetId,
    record: null,
    status: STATUS_BY_PHASE[entry.phase],
    pendingOperation: entry.operation === 'delete' ? 'delete' : 'update',
    entryKey: entry.key,
    target: { id: entry.targetId },
    values: patch ? { ...entry.previous, ...patch } : entry.previous,
    previous: entry.previous,
    error: entry.error,
    changedFields: [],
  }
}

function isTargetOf(item: TimelineItem, entry: JournalEntry): boolean {
  const recordId = item.kind === 'server' ? item.id : item.recordId
  if (entry.targetId !== null && recordId === entry.targetId) return true
  const ref = entry.targetRef
  return ref !== null && item.kind === 'pending' && item.id === `${ref.createKey}:${ref.index}`
}

function applyWrite(
  item: TimelineItem,
  entry: JournalEntry,
  patch: PayloadObject | null,
): PendingTimelineItem {
  const status = STATUS_BY_PHASE[entry.phase]
  const values = patch ? { ...item.values, ...patch } : item.values
  if (item.kind === 'server') {
    return {
      kind: 'pending',
      id: item.id,
      recordId: item.id,
      record: item.record,
      status,
      pendingOperation: entry.operation === 'delete' ? 'delete' : 'update',
      entryKey: entry.key,
      target: item.target,
      values,
      previous: entry.previous,
      error: entry.error,
      changedFields: [],
    }
  }
  const isLouder = PRIORITY.indexOf(status) >= PRIORITY.indexOf(item.status)
  return {
    ...item,
    values,
    // A delete wins (struck through); an edit of a pending create stays a pending create.
    pendingOperation: entry.operation === 'delete' ? 'delete' : item.pendingOperation,
    previous: item.previous ?? entry.previous,
    ...(isLouder ? { status, entryKey: entry.key, error: entry.error } : {}),
  }
}

function highlight(items: TimelineItem[], id: string, sent: PayloadObject): void {
  const index = items.findIndex((item) => item.id === id)
  const item = items[index]
  if (!item) return
  const fields = changedFields(sent, item.values)
  if (fields.length === 0) return
  items[index] = { ...item, changedFields: [...new Set([...item.changedFields, ...fields])] }
}

/** Newest `performedAt` first, like the API's list; a date-only value counts as 00:00 UTC. */
function sortNewestFirst(items: TimelineItem[]): TimelineItem[] {
  const instant = (item: TimelineItem) => {
    const value = item.values.performedAt
    if (typeof value !== 'string') return Number.NEGATIVE_INFINITY
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms
  }
  return items
    .map((item, order) => ({ item, order, at: instant(item) }))
    .sort((a, b) => b.at - a.at || a.order - b.order)
    .map(({ item }) => item)
}
