import type { DayKey } from '@/lib/calendar-day'
import { matchesTerms, searchTerms } from '@/features/timeline/search-text'
import type { EntryStatus, TimelineEntry } from '@/features/timeline/timeline-entry'

/** What the "show only" status filter offers; each groups the journal's finer statuses. */
export const STATUS_FILTERS = ['pending', 'failed', 'stale'] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

export type TimelineFilters = {
  /** Any of these types (an entry with several types matches when one of them is chosen). */
  types: readonly string[]
  /** Inclusive local calendar days. */
  from: DayKey | null
  to: DayKey | null
  /** Free text over summary and notes; every word must occur. */
  text: string
  statuses: readonly StatusFilter[]
}

export const NO_FILTERS: TimelineFilters = {
  types: [],
  from: null,
  to: null,
  text: '',
  statuses: [],
}

export type FilterName = 'types' | 'dates' | 'text' | 'statuses'

export function statusFilterOf(status: EntryStatus | null): StatusFilter | null {
  switch (status) {
    case 'pending':
    case 'confirming':
      return 'pending'
    case 'failed':
    case 'unsent':
      return 'failed'
    case 'stale':
      return 'stale'
    default:
      return null
  }
}

export function activeFilters(filters: TimelineFilters): FilterName[] {
  const active: FilterName[] = []
  if (filters.types.length > 0) active.push('types')
  if (filters.from !== null || filters.to !== null) active.push('dates')
  if (searchTerms(filters.text).length > 0) active.push('text')
  if (filters.statuses.length > 0) active.push('statuses')
  return active
}

export function clearFilter(filters: TimelineFilters, name: FilterName): TimelineFilters {
  switch (name) {
    case 'types':
      return { ...filters, types: [] }
    case 'dates':
      return { ...filters, from: null, to: null }
    case 'text':
      return { ...filters, text: '' }
    case 'statuses':
      return { ...filters, statuses: [] }
  }
}

/** A predicate per filter, prepared once (terms folded, sets built) for a whole pass. */
export function compileFilters(filters: TimelineFilters) {
  const types = new Set(filters.types)
  const statuses = new Set(filters.statuses)
  const terms = searchTerms(filters.text)
  const { from, to } = filters
  const tests: Record<FilterName, (entry: TimelineEntry) => boolean> = {
    types: (entry) => types.size === 0 || entry.types.some((type) => types.has(type)),
    dates: (entry) => {
      if (from === null && to === null) return true
      if (entry.day === null) return false
      return (from === null || entry.day >= from) && (to === null || entry.day <= to)
    },
    text: (entry) => terms.length === 0 || matchesTerms(entry.searchText, terms),
    statuses: (entry) => {
      if (statuses.size === 0) return true
      const bucket = statusFilterOf(entry.status)
      return bucket !== null && statuses.has(bucket)
    },
  }
  const names: readonly FilterName[] = ['types', 'dates', 'text', 'statuses']
  return {
    terms,
    /** True when the entry passes every filter except `except`. */
    matches(entry: TimelineEntry, except?: FilterName): boolean {
      return names.every((name) => name === except || tests[name](entry))
    },
  }
}

export type FilterResult = {
  visibleIds: ReadonlySet<string>
  visibleCount: number
  /** Per type: entries that pass every other filter and carry this type. */
  typeCounts: ReadonlyMap<string, number>
  statusCounts: Readonly<Record<StatusFilter, number>>
  /** Per active filter: how many entries clearing just that filter would show. */
  withoutFilter: Partial<Record<FilterName, number>>
  terms: readonly string[]
}

/** One pass over the entries for everything the filter bar and the feed need. */
export function applyFilters(
  entries: readonly TimelineEntry[],
  filters: TimelineFilters,
): FilterResult {
  const compiled = compileFilters(filters)
  const active = activeFilters(filters)
  const visibleIds = new Set<string>()
  const typeCounts = new Map<string, number>()
  const statusCounts: Record<StatusFilter, number> = { pending: 0, failed: 0, stale: 0 }
  const withoutFilter: Partial<Record<FilterName, number>> = {}
  for (const name of active) withoutFilter[name] = 0
  for (const entry of entries) {
    if (compiled.matches(entry)) visibleIds.add(entry.id)
    if (compiled.matches(entry, 'types')) {
      for (const type of new Set(entry.types)) typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1)
    }
    const bucket = statusFilterOf(entry.status)
    if (bucket !== null && compiled.matches(entry, 'statuses')) statusCounts[bucket] += 1
    for (const name of active) {
      if (compiled.matches(entry, name)) withoutFilter[name] = (withoutFilter[name] ?? 0) + 1
    }
  }
  return {
    visibleIds,
    visibleCount: visibleIds.size,
    typeCounts,
    statusCounts,
    withoutFilter,
    terms: compiled.terms,
  }
}
