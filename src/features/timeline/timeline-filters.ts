import type { TFunction } from 'i18next'
import type { DayKey } from '@/lib/calendar-day'
import { parsePerformedAt } from '@/lib/format'
import type { PerformedAtFormat } from '@/lib/relative-time'
import { matchesTerms, searchTerms } from '@/features/timeline/search-text'
import type { EntryStatus, TimelineEntry } from '@/features/timeline/timeline-entry'

/**
 * Every timeline filter is ONE declaration in `FILTERS` below: the state it owns, its URL
 * parameters both ways, its test, the option values its chips count, and the words that describe
 * it. Everything else (the state type, "no filters", which are active, clearing one, the URL, the
 * counts) is derived from the declarations, so a filter cannot be left out of a list. Its strings
 * are `timeline.filters.names.<name>` and `timeline.filters.clear.<name>` (lib/locales), typed by
 * name; its control in the filter bar is an entry of a `Record<FilterName, …>` there. How to add
 * one: docs/development.md.
 */
export type FilterDeclaration<State extends object> = {
  /** The fields this filter owns in `TimelineFilters`, as they are when it is off. */
  off: State
  isActive: (state: State) => boolean
  /** Its URL parameters: the only ones it reads and writes. */
  params: readonly string[]
  /** From the URL; anything malformed in a hand-edited link is ignored, not an error. */
  read: (params: URLSearchParams) => State
  /** Into the URL (its parameters are already cleared), nothing when off. */
  write: (state: State, params: URLSearchParams) => void
  /** Its test, prepared once for a whole pass (terms folded, sets built). */
  compile: (state: State) => (entry: TimelineEntry) => boolean
  /** For filters with chips: the option values an entry counts towards. */
  optionsOf?: (entry: TimelineEntry) => readonly string[]
  /** The active filter in words, for the "no match" list and the print header. */
  describe: (state: State, t: TFunction, format: PerformedAtFormat) => string
}

const declare = <State extends object>(declaration: FilterDeclaration<State>) => declaration

/** What the "show only" status filter offers; each groups the journal's finer statuses. */
export const STATUS_FILTERS = ['pending', 'failed', 'stale'] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

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

const isDay = (value: string | null): value is DayKey =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && parsePerformedAt(value).kind === 'date'

const isStatus = (value: string): value is StatusFilter =>
  STATUS_FILTERS.some((status) => status === value)

/**
 * The filters, in the order they are listed and written to the URL:
 * `?type=Telefonisch&type=E-mail&from=2025-01-01&to=2025-03-31&q=cv&status=failed`.
 */
export const FILTERS = {
  /** Any of these types (an entry with several types matches when one of them is chosen). */
  types: declare<{ types: readonly string[] }>({
    off: { types: [] },
    isActive: ({ types }) => types.length > 0,
    params: ['type'],
    read: (params) => ({
      types: [...new Set(params.getAll('type').filter((type) => type !== ''))],
    }),
    write: ({ types }, params) => {
      for (const type of types) params.append('type', type)
    },
    compile: ({ types }) => {
      const chosen = new Set(types)
      return (entry) => chosen.size === 0 || entry.types.some((type) => chosen.has(type))
    },
    optionsOf: (entry) => [...new Set(entry.types)],
    describe: ({ types }, t) => t('timeline.noMatch.describeTypes', { types: types.join(', ') }),
  }),
  /** Inclusive local calendar days. */
  dates: declare<{ from: DayKey | null; to: DayKey | null }>({
    off: { from: null, to: null },
    isActive: ({ from, to }) => from !== null || to !== null,
    params: ['from', 'to'],
    read: (params) => {
      const from = params.get('from')
      const to = params.get('to')
      return { from: isDay(from) ? from : null, to: isDay(to) ? to : null }
    },
    write: ({ from, to }, params) => {
      if (from) params.set('from', from)
      if (to) params.set('to', to)
    },
    compile:
      ({ from, to }) =>
      (entry) => {
        if (from === null && to === null) return true
        if (entry.day === null) return false
        return (from === null || entry.day >= from) && (to === null || entry.day <= to)
      },
    describe: ({ from, to }, t, format) => {
      const start = from ? format.exact(from) : null
      const end = to ? format.exact(to) : null
      const range =
        start && end
          ? t('timeline.noMatch.rangeBoth', { from: start, to: end })
          : start
            ? t('timeline.noMatch.rangeFrom', { from: start })
            : t('timeline.noMatch.rangeTo', { to: end ?? '' })
      return t('timeline.noMatch.describeDates', { range })
    },
  }),
  /** Free text over summary and notes; every word must occur. */
  text: declare<{ text: string }>({
    off: { text: '' },
    isActive: ({ text }) => searchTerms(text).length > 0,
    params: ['q'],
    read: (params) => ({ text: params.get('q') ?? '' }),
    write: ({ text }, params) => {
      if (text !== '') params.set('q', text)
    },
    compile: ({ text }) => {
      const terms = searchTerms(text)
      return (entry) => terms.length === 0 || matchesTerms(entry.searchText, terms)
    },
    describe: ({ text }, t) => t('timeline.noMatch.describeText', { text: text.trim() }),
  }),
  /** Entries waiting in the journal, by the status group they are in. */
  statuses: declare<{ statuses: readonly StatusFilter[] }>({
    off: { statuses: [] },
    isActive: ({ statuses }) => statuses.length > 0,
    params: ['status'],
    read: (params) => ({ statuses: [...new Set(params.getAll('status').filter(isStatus))] }),
    write: ({ statuses }, params) => {
      for (const status of statuses) params.append('status', status)
    },
    compile: ({ statuses }) => {
      const chosen = new Set(statuses)
      return (entry) => {
        if (chosen.size === 0) return true
        const bucket = statusFilterOf(entry.status)
        return bucket !== null && chosen.has(bucket)
      }
    },
    optionsOf: (entry) => {
      const bucket = statusFilterOf(entry.status)
      return bucket === null ? [] : [bucket]
    },
    describe: ({ statuses }, t) =>
      t('timeline.noMatch.describeStatuses', {
        statuses: statuses.map((status) => t(`timeline.filters.statusOption.${status}`)).join(', '),
      }),
  }),
}

export type FilterName = keyof typeof FILTERS

/** Every filter's name, in declaration order. */
export const FILTER_NAMES = Object.keys(FILTERS) as FilterName[]

/** What each filter owns (distributed over the names), then all of it as one object type. */
type StateOf<Name extends FilterName> = Name extends FilterName
  ? (typeof FILTERS)[Name]['off']
  : never
type Merged<Union> = (Union extends unknown ? (state: Union) => void : never) extends (
  state: infer All,
) => void
  ? { [Key in keyof All]: All[Key] }
  : never

/** The state of every filter together: the union of what the declarations own. */
export type TimelineFilters = Merged<StateOf<FilterName>>

/** Each filter off. */
export const NO_FILTERS = FILTER_NAMES.reduce<Partial<TimelineFilters>>(
  (all, name) => ({ ...all, ...FILTERS[name].off }),
  {},
) as TimelineFilters

export function activeFilters(filters: TimelineFilters): FilterName[] {
  return FILTER_NAMES.filter((name) => FILTERS[name].isActive(filters))
}

export function clearFilter(filters: TimelineFilters, name: FilterName): TimelineFilters {
  return { ...filters, ...FILTERS[name].off }
}

/** The active filter in words: "Type: E-mail, Telefonisch", "Date: from Monday, June 2, 2025". */
export function describeFilter(
  name: FilterName,
  filters: TimelineFilters,
  t: TFunction,
  format: PerformedAtFormat,
): string {
  return FILTERS[name].describe(filters, t, format)
}

/** A predicate per filter, prepared once (terms folded, sets built) for a whole pass. */
export function compileFilters(filters: TimelineFilters) {
  const tests = FILTER_NAMES.map((name) => [name, FILTERS[name].compile(filters)] as const)
  return {
    terms: searchTerms(filters.text),
    /** True when the entry passes every filter except `except`. */
    matches(entry: TimelineEntry, except?: FilterName): boolean {
      return tests.every(([name, test]) => name === except || test(entry))
    },
  }
}

export type FilterResult = {
  visibleIds: ReadonlySet<string>
  visibleCount: number
  /** Per filter with chips, per option: entries that pass every other filter and carry it. */
  optionCounts: Readonly<Record<FilterName, ReadonlyMap<string, number>>>
  /** `optionCounts.types`. */
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
  const optionCounts = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, new Map<string, number>()]),
  ) as Record<FilterName, Map<string, number>>
  const withOptions = FILTER_NAMES.flatMap((name) => {
    const { optionsOf } = FILTERS[name]
    return optionsOf ? [{ name, optionsOf, counts: optionCounts[name] }] : []
  })
  const withoutFilter: Partial<Record<FilterName, number>> = {}
  for (const name of active) withoutFilter[name] = 0
  for (const entry of entries) {
    if (compiled.matches(entry)) visibleIds.add(entry.id)
    for (const { name, optionsOf, counts } of withOptions) {
      if (!compiled.matches(entry, name)) continue
      for (const option of optionsOf(entry)) counts.set(option, (counts.get(option) ?? 0) + 1)
    }
    for (const name of active) {
      if (compiled.matches(entry, name)) withoutFilter[name] = (withoutFilter[name] ?? 0) + 1
    }
  }
  const statusCounts = Object.fromEntries(
    STATUS_FILTERS.map((status) => [status, optionCounts.statuses.get(status) ?? 0]),
  ) as Record<StatusFilter, number>
  return {
    visibleIds,
    visibleCount: visibleIds.size,
    optionCounts,
    typeCounts: optionCounts.types,
    statusCounts,
    withoutFilter,
    terms: compiled.terms,
  }
}
