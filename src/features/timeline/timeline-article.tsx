import type { TFunction } from 'i18next'
import { memo, useId, type ReactNode } from 'react'
import type { PerformedAtFormat } from '@/lib/relative-time'
import { EntryDetails } from '@/features/timeline/entry-details'
import { EntryDuration, type DurationText } from '@/features/timeline/entry-duration'
import { EntryProblem, EntryStatusBadge } from '@/features/timeline/entry-status'
import { HighlightedText } from '@/features/timeline/highlighted-text'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'
import { TypeIcon } from '@/features/timeline/type-icon'

/** Not in React's types: spread in as a plain attribute. */
const ELEMENT_TIMING = { elementtiming: 'timeline-entry' }

export type RenderEntryActions = (entry: TimelineEntry) => ReactNode

/** What every entry of one render shares; one object so the memo comparison stays cheap. */
export type EntryContext = {
  now: number
  t: TFunction
  labels: EntryLabels
  durationText: (seconds: number) => DurationText
  format: PerformedAtFormat
  /** Draws every entry's details (on screen they are drawn when opened). */
  isPrinting: boolean
  fieldTitles: Readonly<Record<string, string>>
  renderActions: RenderEntryActions | undefined
  onToggle: (id: string) => void
}

/** The fixed words of an entry, translated once per language rather than once per entry. */
export type EntryLabels = {
  types: string
  dateOnly: string
  noSummary: string
  notes: string
  showDetails: string
  hideDetails: string
  performedAt: string
  duration: string
  loggedAt: string
  updatedAt: string
}

export function entryLabels(t: TFunction): EntryLabels {
  return {
    types: t('timeline.types'),
    dateOnly: t('timeline.dateOnly'),
    noSummary: t('timeline.noSummary'),
    notes: t('timeline.notes'),
    showDetails: t('timeline.showDetails'),
    hideDetails: t('timeline.hideDetails'),
    performedAt: t('timeline.details.performedAt'),
    duration: t('timeline.details.duration'),
    loggedAt: t('timeline.details.loggedAt'),
    updatedAt: t('timeline.details.updatedAt'),
  }
}

type TimelineArticleProps = {
  entry: TimelineEntry
  context: EntryContext
  isHidden: boolean
  isActive: boolean
  isExpanded: boolean
  /** 1-based among the visible entries. */
  position: number
  setSize: number
}

/**
 * One `article` of the feed. The outer element carries what a filter change touches (hidden,
 * position, roving tabindex); the content below is memoised on the entry, so narrowing or
 * widening the filters does not re-render a hundred cards.
 */
export const TimelineArticle = memo(function TimelineArticle({
  entry,
  context,
  isHidden,
  isActive,
  isExpanded,
  position,
  setSize,
}: TimelineArticleProps) {
  const baseId = useId()
  const classes = ['tl-entry']
  if (entry.status) classes.push(`tl-entry--${entry.status}`)
  if (entry.pendingOperation === 'delete') classes.push('tl-entry--deleting')
  if (entry.liveMark) classes.push('tl-entry--live')
  return (
    <article
      className={classes.join(' ')}
      hidden={isHidden}
      tabIndex={isActive && !isHidden ? 0 : -1}
      aria-posinset={isHidden ? undefined : position}
      aria-setsize={isHidden ? undefined : setSize}
      aria-labelledby={`${baseId}-title`}
      aria-describedby={`${baseId}-meta`}
      data-entry-id={entry.id}
    >
      <EntryContent entry={entry} context={context} isExpanded={isExpanded} baseId={baseId} />
    </article>
  )
})

type EntryContentProps = {
  entry: TimelineEntry
  context: EntryContext
  isExpanded: boolean
  baseId: string
}

const EntryContent = memo(function EntryContent({
  entry,
  context,
  isExpanded,
  baseId,
}: EntryContentProps) {
  const { now, t, labels, durationText, format, renderActions, onToggle } = context
  const relative = format.relative(entry.performedAt, now)
  const exact = format.exact(entry.performedAt)
  const detailsId = `${baseId}-details`
  const actions = renderActions?.(entry)
  const duration = entry.duration === null ? null : durationText(entry.duration)

  function handleToggle() {
    onToggle(entry.id)
  }

  return (
    <>
      <div className="tl-icon">
        <TypeIcon type={entry.types[0]} />
      </div>
      <div className="tl-body">
        <div className="tl-meta" id={`${baseId}-meta`}>
          {entry.types.length > 0 && (
            <span className="tl-types">
              <span className="tl-sr">{`${labels.types}: `}</span>
              {entry.types.map((type, index) => (
                <span key={`${type}-${index}`} className="tl-type">
                  {type}
                </span>
              ))}
            </span>
          )}
          <span className="tl-when">
            <time dateTime={entry.performedAt} className="tl-relative">
              {relative ?? entry.performedAt}
            </time>
            <span className="tl-exact">
              {exact}
              {entry.isDateOnly && <span className="tl-sr">{` (${labels.dateOnly})`}</span>}
            </span>
          </span>
          {duration && <EntryDuration text={duration} />}
          <EntryStatusBadge entry={entry} t={t} />
          {entry.liveMark && (
            <span className="tl-badge tl-badge--live">
              {/* Not in `labels`: these strings arrive with the live changes' code. */}
              {t(entry.liveMark === 'created' ? 'live.created' : 'live.updated')}
            </span>
          )}
          {(entry.loggedBy ?? entry.editedBy) !== null && (
            <span className="tl-by">
              {[
                entry.loggedBy && t('timeline.loggedBy', { name: entry.loggedBy }),
                entry.editedBy && t('timeline.editedBy', { name: entry.editedBy }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          )}
        </div>
        <h3
          className={entry.summary ? 'tl-summary' : 'tl-summary tl-summary--empty'}
          id={`${baseId}-title`}
          // Element Timing for the benches (first entry painted, a new card painted). Every entry
          // has it, so no entry re-renders because another became first.
          {...ELEMENT_TIMING}
        >
          {entry.summary ? <HighlightedText text={entry.summary} /> : labels.noSummary}
        </h3>
        {entry.notes && (
          <p className={isExpanded ? 'tl-notes tl-notes--open' : 'tl-notes'}>
            <span className="tl-sr">{`${labels.notes}: `}</span>
            <HighlightedText text={entry.notes} />
          </p>
        )}
        <EntryProblem entry={entry} t={t} />
        <div className="tl-footer">
          <button
            type="button"
            className="tl-toggle"
            aria-expanded={isExpanded}
            aria-controls={detailsId}
            onClick={handleToggle}
          >
            {isExpanded ? labels.hideDetails : labels.showDetails}
          </button>
          {actions && <div className="tl-actions">{actions}</div>}
        </div>
        {/* Drawn when opened (or printed): most entries are never opened. */}
        <EntryDetails
          id={detailsId}
          entry={entry}
          context={context}
          exact={exact}
          duration={duration}
          isOpen={isExpanded}
        />
      </div>
    </>
  )
})
