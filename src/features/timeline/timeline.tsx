import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useTranslation } from 'react-i18next'
import { INTERACTIONS_LIST_LIMIT } from '@/api/contract'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { createPerformedAtFormat, type PerformedAtFormat } from '@/lib/relative-time'
import { describeFilter } from '@/features/timeline/describe-filter'
import { filtersKey } from '@/features/timeline/filter-search-params'
import { groupEntries } from '@/features/timeline/group-entries'
import {
  typeFilterOptions,
  type InteractionSchemaInfo,
} from '@/features/timeline/interaction-schema'
import { searchTerms } from '@/features/timeline/search-text'
import type { RenderEntryActions } from '@/features/timeline/timeline-article'
import { TimelineEmpty } from '@/features/timeline/timeline-empty'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'
import { TimelineFeed } from '@/features/timeline/timeline-feed'
import { TimelineFilterBar } from '@/features/timeline/timeline-filter-bar'
import {
  NO_FILTERS,
  activeFilters,
  applyFilters,
  clearFilter,
  type FilterName,
  type TimelineFilters,
} from '@/features/timeline/timeline-filters'
import { TimelineHeader } from '@/features/timeline/timeline-header'
import { TimelineNoMatch } from '@/features/timeline/timeline-no-match'
import { TimelinePrintStyles } from '@/features/timeline/timeline-print-styles'
import { TimelineSkeleton } from '@/features/timeline/timeline-skeleton'
import { TimelineStatus } from '@/features/timeline/timeline-status'
import { useFilterCommitMeasure } from '@/features/timeline/use-filter-commit-measure'
import { useNow } from '@/features/timeline/use-now'
import { useTimelineFilters } from '@/features/timeline/use-timeline-filters'
import type { ColleagueChanges } from '@/mutations/use-colleague-changes'

export type TimelineProps = {
  /** Undefined until the first load succeeded. */
  entries: readonly TimelineEntry[] | undefined
  /** Records the API returned (pending creates excluded), for the "at most 100" notice. */
  serverCount: number
  isFetching: boolean
  /** The last read's error, if it failed (the last good entries stay shown under it). */
  error: unknown
  onRetry: () => void
  schemaInfo: InteractionSchemaInfo
  /** Offers "show only pending / failed / not confirmed" (when the journal is in play). */
  hasStatusFilter?: boolean
  /** Opens the log form; without it the action is shown disabled, with the reason. */
  onLogInteraction?: () => void
  /** Pointer or focus on a "Log interaction" button, ahead of a click (to fetch form code). */
  onLogIntent?: () => void
  /** Per-entry actions (retry, discard, edit…), supplied by the route. Keep it stable. */
  renderEntryActions?: RenderEntryActions
  /** Names the CSV file ("interactions-jan-de-vries-2025-06-02.csv"). */
  exportName: string
  /** The latest change someone else made while this candidate was open (announced politely). */
  liveChange?: ColleagueChanges['last']
}

/**
 * The candidate's timeline: every contact moment grouped by day (upcoming on top), filterable
 * by type, date and text with the filters in the URL, keyboard navigable, exportable as CSV and
 * printable. Pure view: the route supplies the entries (server records ⊕ journal overlay).
 */
export function Timeline({
  entries,
  serverCount,
  isFetching,
  error,
  onRetry,
  schemaInfo,
  hasStatusFilter = false,
  onLogInteraction,
  onLogIntent,
  renderEntryActions,
  exportName,
  liveChange = null,
}: TimelineProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.resolvedLanguage ?? 'en'
  const headingId = useId()
  const hintId = useId()
  const now = useNow()
  const format = useMemo(() => createPerformedAtFormat(locale), [locale])
  const [filters, setFilters] = useTimelineFilters()
  const [exportMessage, setExportMessage] = useState('')
  useFilterCommitMeasure(filtersKey(filters))

  const all = useMemo(() => entries ?? [], [entries])
  const groups = useMemo(() => groupEntries(all, now), [all, now])
  // `filters` keeps its identity until they change (see useTimelineFilters).
  const result = useMemo(() => applyFilters(all, filters), [all, filters])
  const terms = useMemo(() => searchTerms(filters.text), [filters.text])
  const typeOptions = useMemo(
    () =>
      schemaInfo.isPending
        ? []
        : typeFilterOptions(
            schemaInfo.types,
            new Set(all.flatMap((entry) => entry.types)),
            filters.types,
          ),
    [all, schemaInfo.isPending, schemaInfo.types, filters.types],
  )
  const active = activeFilters(filters)
  const describe = (name: FilterName) => describeFilter(name, filters, t, format)
  // What only counts or tells (the filter bar's counts, the status line) follows a render later:
  // the render that shows a new pending card stays small enough for the frame after the click.
  const lazyResult = useDeferredValue(result)
  const lazyTypeOptions = useDeferredValue(typeOptions)
  const lazyTotal = useDeferredValue(all.length)

  const handleClear = useCallback(
    (name: FilterName) => {
      setFilters((current) => clearFilter(current, name))
    },
    [setFilters],
  )
  const handleClearAll = useCallback(() => {
    setFilters(() => NO_FILTERS)
  }, [setFilters])

  // What the counsellor sees is what the file holds: the filtered entries, in timeline order.
  // One handler for the page's life (it reads the latest render), so the header never re-renders
  // because an entry came or went.
  const exportInput = useRef({ groups, result, t, locale, schemaInfo, exportName })
  useEffect(() => {
    exportInput.current = { groups, result, t, locale, schemaInfo, exportName }
  })
  const handleExport = useCallback(() => {
    const { groups, result, t, locale, schemaInfo, exportName } = exportInput.current
    const shown = groups.flatMap((group) =>
      group.entries.filter((entry) => result.visibleIds.has(entry.id)),
    )
    const options = { t, locale, fieldTitles: schemaInfo.fieldTitles, exportName }
    void import('@/features/timeline/timeline-export').then(({ exportTimeline }) => {
      const file = exportTimeline(shown, options)
      setExportMessage(t('timeline.export.done', { count: shown.length, file }))
    })
  }, [])

  const isLoaded = entries !== undefined
  const hasEntries = all.length > 0
  let status = ''
  if (!isLoaded) status = error ? '' : t('timeline.loading')
  else if (hasEntries && active.length > 0)
    status = t('timeline.filters.shown', { shown: lazyResult.visibleCount, total: lazyTotal })
  else if (hasEntries) status = t('timeline.filters.allShown', { count: lazyTotal })
  if (liveChange) {
    const announce = t(`live.announce.${liveChange.operation}`, {
      count: liveChange.count,
    })
    // A second identical change must still be heard: a live region speaks only what changed.
    status = `${status} ${announce}${liveChange.seq % 2 === 0 ? '\u00a0' : ''}`.trim()
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <TimelinePrintStyles />
      <TimelineHeader
        headingId={headingId}
        hasEntries={hasEntries}
        canExport={result.visibleCount > 0}
        onExport={handleExport}
        onLogInteraction={onLogInteraction}
        onLogIntent={onLogIntent}
      />

      {Boolean(error) && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert error={error} onRetry={onRetry} isRetrying={isFetching} />
        </Box>
      )}

      {/* The list endpoint stops at 100 records and offers no paging: say so plainly. */}
      {serverCount >= INTERACTIONS_LIST_LIMIT && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          <AlertTitle>
            {t('timeline.limitNoticeTitle', { limit: INTERACTIONS_LIST_LIMIT })}
          </AlertTitle>
          {t('timeline.limitNotice', { limit: INTERACTIONS_LIST_LIMIT })}
        </Alert>
      )}

      {hasEntries && (
        <TimelineFilterBar
          filters={filters}
          setFilters={setFilters}
          result={lazyResult}
          typeOptions={lazyTypeOptions}
          hasStatusFilter={hasStatusFilter}
          onClearAll={handleClearAll}
        />
      )}

      <PrintHeading filters={filters} format={format} now={now} />

      <TimelineStatus
        message={exportMessage ? `${status} ${exportMessage}` : status}
        hintId={hintId}
      />

      {isLoaded && hasEntries && result.visibleCount === 0 && (
        <TimelineNoMatch
          filters={filters}
          result={result}
          total={all.length}
          describeFilter={describe}
          onClear={handleClear}
          onClearAll={handleClearAll}
        />
      )}

      {isLoaded && !hasEntries && !error && (
        <TimelineEmpty onLogInteraction={onLogInteraction} onLogIntent={onLogIntent} />
      )}

      {(isLoaded ? hasEntries : !error) && (
        // A feed must own visible articles: when the filters hide them all, hide it whole.
        <Box hidden={isLoaded && result.visibleCount === 0}>
          <TimelineFeed
            groups={groups}
            visibleIds={result.visibleIds}
            isBusy={!isLoaded || isFetching}
            labelledBy={headingId}
            describedBy={hintId}
            now={now}
            locale={locale}
            format={format}
            terms={terms}
            fieldTitles={schemaInfo.fieldTitles}
            renderActions={renderEntryActions}
          />
          {!isLoaded && !error && <TimelineSkeleton />}
        </Box>
      )}
    </Box>
  )
}

type PrintHeadingProps = {
  filters: TimelineFilters
  format: PerformedAtFormat
  now: number
}

/** On paper only: when it was printed and which filters narrowed it. */
const PrintHeading = memo(function PrintHeading({ filters, format, now }: PrintHeadingProps) {
  const { t } = useTranslation()
  const active = activeFilters(filters)
  return (
    <Box data-print="only" sx={{ mb: 1 }}>
      <Typography variant="body2">
        {t('timeline.print.printedAt', { date: format.exact(new Date(now).toISOString()) })}
      </Typography>
      {active.length > 0 && (
        <Typography variant="body2">
          {t('timeline.print.filteredBy', {
            filters: active.map((name) => describeFilter(name, filters, t, format)).join('; '),
          })}
        </Typography>
      )}
    </Box>
  )
})
