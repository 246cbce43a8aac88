import { INTERACTIONS_LIST_LIMIT, compareListOrder } from '@/api/contract'
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
 * Whether a record with `values` would be in `records`, the list the API returned. The API lists
 * at most the newest 100 interactions, so in a full list a record is shown only if it sorts
 * before the last one shown (the list order, compareListOrder); when that cannot be told (no date, a tie
 * without createdAt), the answer is no: a record's absence then proves nothing.
 */
export function wouldBeListed(
  values: Readonly<Record<string, unknown>> | null,
  records: readonly ServerRecord[],
): boolean {
  if (records.length < INTERACTIONS_LIST_LIMIT) return true
  if (values === null) return false
  let last: ServerRecord | undefined
  for (const record of records) {
    if (last === undefined) last = record
    else {
      const order = compareListOrder(record, last)
      if (order === 'unknown') return false // an undated record: the cut cannot be placed
      if (order === 'after') last = record
    }
  }
  return last !== undefined && compareListOrder(values, last) === 'before'
}

/**
 * A delete is seen when its record is gone from a list that would show it: a list below the cap,
 * or a full list its record (the values it had, `previous`) would sort inside. Having been listed
 * when the delete was made is not enough — newer interactions may have pushed it past the cut.
 * An update needs no such care: it is seen only on a record the list does show.
 */
export function isDeleteSeen(entry: JournalEntry, records: readonly ServerRecord[]): boolean {
  const { targetId } = entry
  if (targetId === null || records.some((record) => record.id === targetId)) return false
  return wouldBeListed(entry.previous, records)
}
