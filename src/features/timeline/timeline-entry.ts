import type { Interaction } from '@/api/contract'
import { performedAtDay, type DayKey } from '@/lib/calendar-day'
import { parsePerformedAt, performedAtSortKey } from '@/lib/format'
import type { PendingOperation, TimelineItem, TimelineItemStatus } from '@/mutations/overlay'
import type { LiveMark } from '@/mutations/use-colleague-changes'
import { foldText } from '@/features/timeline/search-text'

export type EntryStatus = TimelineItemStatus
export type EntryOperation = PendingOperation
export type EntryError = { kind: string; code: string; message: string }
/** A region field outside the documented ones (e.g. `location`), shown by its schema title. */
export type EntryField = { name: string; value: string }

/**
 * One card on the timeline: a server record, or a record as the mutation journal says it will
 * be (pending create, pending edit with the new values, pending delete, failed, stale). Values
 * come from the API or the journal as loose JSON, so every field is read defensively here once,
 * and the components only ever see this shape.
 */
export type TimelineEntry = {
  id: string
  types: readonly string[]
  performedAt: string
  summary: string | null
  notes: string | null
  /** Seconds. */
  duration: number | null
  fields: readonly EntryField[]
  createdAt: string | null
  updatedAt: string | null
  status: EntryStatus | null
  pendingOperation: EntryOperation | null
  error: EntryError | null
  /** The journal entry behind a pending mark, for the actions a route passes in. */
  entryKey: string | null
  /** The underlying overlay item, when there is one (for actions: edit, delete, discard). */
  item: TimelineItem | null
  /** Changed by someone else while this candidate was open (see useColleagueChanges). */
  liveMark: LiveMark | null
  /** Who logged / last edited it, when the relay's audit trail knows (display names). */
  loggedBy: string | null
  editedBy: string | null
  // Derived once, so filtering 100 entries on every keystroke stays cheap.
  sortKey: number
  day: DayKey | null
  isDateOnly: boolean
  searchText: string
}

const KNOWN = new Set([
  'id',
  'candidateId',
  'type',
  'performedAt',
  'summary',
  'notes',
  'duration',
  'createdAt',
  'updatedAt',
])

type Values = Readonly<Record<string, unknown>>

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null)

function fieldText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    const parts = value.filter(
      (part): part is string | number => typeof part === 'string' || typeof part === 'number',
    )
    return parts.length > 0 ? parts.join(', ') : null
  }
  return null
}

function readEntry(
  id: string,
  values: Values,
  extra: Pick<
    TimelineEntry,
    'status' | 'pendingOperation' | 'error' | 'entryKey' | 'item' | 'createdAt' | 'updatedAt'
  >,
): TimelineEntry {
  const types = Array.isArray(values.type)
    ? values.type.filter((type): type is string => typeof type === 'string')
    : []
  const performedAt = typeof values.performedAt === 'string' ? values.performedAt : ''
  const summary = text(values.summary)
  const notes = text(values.notes)
  const duration =
    typeof values.duration === 'number' && Number.isFinite(values.duration) ? values.duration : null
  const fields: EntryField[] = []
  for (const [name, value] of Object.entries(values)) {
    if (KNOWN.has(name)) continue
    const shown = fieldText(value)
    if (shown !== null) fields.push({ name, value: shown })
  }
  return {
    id,
    types,
    performedAt,
    summary,
    notes,
    duration,
    fields,
    ...extra,
    liveMark: null,
    loggedBy: null,
    editedBy: null,
    sortKey: performedAtSortKey(performedAt),
    day: performedAtDay(performedAt),
    isDateOnly: parsePerformedAt(performedAt).kind === 'date',
    searchText: foldText(`${summary ?? ''}\n${notes ?? ''}`),
  }
}

const timestamp = (value: unknown) => (typeof value === 'string' ? value : null)

/** Plain server records (no journal in play). */
export function entriesFromInteractions(records: readonly Interaction[]): TimelineEntry[] {
  return records.map((record) =>
    readEntry(record.id, record, {
      status: null,
      pendingOperation: null,
      error: null,
      entryKey: null,
      item: null,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    }),
  )
}

/** Server records ⊕ the journal, as `overlayInteractions` / `useCandidateOverlay` return them. */
export function entriesFromOverlay(items: readonly TimelineItem[]): TimelineEntry[] {
  return items.map(entryOfItem)
}

/**
 * The entry of an overlay item, read once per item object: items of untouched server records
 * keep their identity across journal changes (see overlayInteractions), and so do their
 * entries, so a new pending card does not re-render every other card.
 */
const overlayEntries = new WeakMap<TimelineItem, TimelineEntry>()

function entryOfItem(item: TimelineItem): TimelineEntry {
  let entry = overlayEntries.get(item)
  if (!entry) {
    entry = readOverlayItem(item)
    overlayEntries.set(item, entry)
  }
  return entry
}

function readOverlayItem(item: TimelineItem): TimelineEntry {
  const record = item.record
  const common = {
    item,
    // A create the server has not shown yet sorts by when it was saved.
    createdAt: timestamp(record?.createdAt ?? (item.kind === 'pending' ? item.savedAt : null)),
    updatedAt: timestamp(record?.updatedAt),
  }
  if (item.kind === 'server') {
    return readEntry(item.id, item.values, {
      ...common,
      status: null,
      pendingOperation: null,
      error: null,
      entryKey: null,
    })
  }
  return readEntry(item.id, item.values, {
    ...common,
    status: item.status,
    pendingOperation: item.pendingOperation,
    error: item.error
      ? { kind: item.error.kind, code: item.error.code, message: item.error.message }
      : null,
    entryKey: item.entryKey,
  })
}

/** Who made each interaction, by id (the relay's audit trail; display names). */
export type EntryActors = Readonly<
  Record<string, { createdBy?: { name: string }; editedBy?: { name: string } } | undefined>
>

/**
 * Adds live marks and "logged by" names. Entries without either keep their identity, so the
 * memoised cards of a hundred-entry timeline do not re-render for one colleague's change.
 */
export function annotateEntries(
  entries: readonly TimelineEntry[],
  marks: ReadonlyMap<string, LiveMark>,
  actors: EntryActors | undefined,
): readonly TimelineEntry[] {
  if (marks.size === 0 && !actors) return entries
  return entries.map((entry) => {
    const liveMark = marks.get(entry.id) ?? null
    const actor = actors?.[entry.id]
    return liveMark || actor
      ? {
          ...entry,
          liveMark,
          loggedBy: actor?.createdBy?.name ?? null,
          editedBy: actor?.editedBy?.name ?? null,
        }
      : entry
  })
}
