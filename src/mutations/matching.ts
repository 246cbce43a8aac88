import { INTERACTIONS_LIST_LIMIT } from '@/api/contract'
import { createRows, updatePatch } from '@/mutations/entry-payload'
import type { JournalEntry } from '@/mutations/journal-entry'
import { carriesValues } from '@/mutations/values'

/**
 * Recognising our own writes in re-read data, for when no outcome event told us (polling).
 * There is no status endpoint upstream, so this is the only other way to know.
 */
export type ServerRecord = Readonly<Record<string, unknown>> & { readonly id: string }

/**
 * A batch create is seen when EVERY row has its own record among `available` (ids that were
 * not there at submit time and are not claimed by another write). Bipartite matching, so two
 * identical rows need two records and a row is never matched to a record another row needs.
 * Returns the record ids in row order, or null.
 */
export function matchRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  available: readonly ServerRecord[],
): string[] | null {
  if (rows.length === 0 || rows.length > available.length) return null
  const fits = rows.map((row) =>
    available.flatMap((record, index) => (carriesValues(row, record) ? [index] : [])),
  )
  const rowOfRecord = new Map<number, number>()

  // Kuhn's augmenting paths: tiny inputs (≤ 10 rows, ≤ 100 records), exact answer.
  const assign = (row: number, visited: Set<number>): boolean => {
    // A free record first (keeps identical rows in record order), then augmenting paths.
    const free = (fits[row] ?? []).find(
      (record) => !rowOfRecord.has(record) && !visited.has(record),
    )
    if (free !== undefined) {
      visited.add(free)
      rowOfRecord.set(free, row)
      return true
    }
    for (const record of fits[row] ?? []) {
      if (visited.has(record)) continue
      visited.add(record)
      const holder = rowOfRecord.get(record)
      if (holder === undefined || assign(holder, visited)) {
        rowOfRecord.set(record, row)
        return true
      }
    }
    return false
  }
  for (let row = 0; row < rows.length; row += 1) {
    if (!assign(row, new Set())) return null
  }
  const ids: string[] = new Array<string>(rows.length).fill('')
  for (const [record, row] of rowOfRecord) ids[row] = available[record]?.id ?? ''
  return ids
}

/**
 * Matches pending creates (oldest first, each server record at most once) against the records.
 * Records already owned by a confirmed write are never offered again. An entry without
 * `baselineIds` (we did not know the candidate's records at submit time) is never matched by
 * content: any equal older record could be mistaken for it.
 */
export function matchCreates(
  creates: readonly JournalEntry[],
  records: readonly ServerRecord[],
  owned: ReadonlySet<string>,
): Map<string, string[]> {
  const claimed = new Set(owned)
  const matches = new Map<string, string[]>()
  const ordered = [...creates].sort((a, b) => a.createdAt - b.createdAt)
  for (const entry of ordered) {
    if (entry.baselineIds === null) continue
    const baseline = new Set(entry.baselineIds)
    const available = records.filter(
      (record) => !baseline.has(record.id) && !claimed.has(record.id),
    )
    const ids = matchRows(createRows(entry), available)
    if (!ids) continue
    for (const id of ids) claimed.add(id)
    matches.set(entry.key, ids)
  }
  return matches
}

/** An update is seen when its record carries every patched value. */
export function isUpdateSeen(entry: JournalEntry, records: readonly ServerRecord[]): boolean {
  const patch = updatePatch(entry)
  const record = records.find((candidate) => candidate.id === entry.targetId)
  return patch !== null && record !== undefined && carriesValues(patch, record)
}

/**
 * A delete is seen when its record is gone from a list that would show it. The API lists at most
 * the newest 100 interactions: in a full list, a missing record may simply be older than the cut,
 * so its absence counts only if the list showed it when the delete was made (`baselineIds`).
 * An update needs no such care: it is seen only on a record the list does show.
 */
export function isDeleteSeen(entry: JournalEntry, records: readonly ServerRecord[]): boolean {
  const { targetId } = entry
  if (targetId === null || records.some((record) => record.id === targetId)) return false
  return (
    records.length < INTERACTIONS_LIST_LIMIT || (entry.baselineIds?.includes(targetId) ?? false)
  )
}
