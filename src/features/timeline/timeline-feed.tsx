import { memo, useCallback, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PerformedAtFormat } from '@/lib/relative-time'
import '@/features/timeline/timeline-feed.css'
import { SearchTermsContext } from '@/features/timeline/highlighted-text'
import type { TimelineGroup } from '@/features/timeline/group-entries'
import { createDurationText } from '@/features/timeline/entry-duration'
import {
  TimelineArticle,
  entryLabels,
  type EntryContext,
  type RenderEntryActions,
} from '@/features/timeline/timeline-article'
import { useFeedKeyboard } from '@/features/timeline/use-feed-keyboard'
import { usePrintMode } from '@/features/timeline/use-print-mode'
import { useProgressiveLimit } from '@/features/timeline/use-progressive-limit'

type TimelineFeedProps = {
  groups: readonly TimelineGroup[]
  visibleIds: ReadonlySet<string>
  isBusy: boolean
  labelledBy: string
  describedBy?: string
  now: number
  locale: string
  format: PerformedAtFormat
  terms: readonly string[]
  fieldTitles: Readonly<Record<string, string>>
  renderActions: RenderEntryActions | undefined
}

/** Entries drawn in the first pass; the rest follow in a transition right after it paints. */
export const FIRST_BATCH = 24

/**
 * The WAI-ARIA feed: `article`s with position and set size, one tab stop (roving tabindex),
 * arrow keys / j k / Page Up-Down to move, Home / End, Enter to open an entry. Filtered
 * out entries stay mounted but `hidden`, so a filter change only flips attributes.
 */
export const TimelineFeed = memo(function TimelineFeed({
  groups,
  visibleIds,
  isBusy,
  labelledBy,
  describedBy,
  now,
  locale,
  format,
  terms,
  fieldTitles,
  renderActions,
}: TimelineFeedProps) {
  const { t } = useTranslation()
  const feedRef = useRef<HTMLDivElement>(null)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set())
  const total = groups.reduce((count, group) => count + group.entries.length, 0)
  const limit = useProgressiveLimit(total, FIRST_BATCH)

  const handleToggle = useCallback((id: string) => {
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])

  const isPrinting = usePrintMode()
  const context = useMemo<EntryContext>(
    () => ({
      now,
      t,
      labels: entryLabels(t),
      durationText: createDurationText(t, locale),
      format,
      isPrinting,
      fieldTitles,
      renderActions,
      onToggle: handleToggle,
    }),
    [now, t, locale, format, isPrinting, fieldTitles, renderActions, handleToggle],
  )

  const order = useMemo(
    () =>
      groups.flatMap((group) =>
        group.entries.filter((entry) => visibleIds.has(entry.id)).map((entry) => entry.id),
      ),
    [groups, visibleIds],
  )
  const positions = useMemo(() => new Map(order.map((id, index) => [id, index + 1])), [order])
  const { tabStopId, handleFocus, handleKeyDown } = useFeedKeyboard({
    feedRef,
    order,
    onToggle: handleToggle,
  })

  return (
    <SearchTermsContext value={terms}>
      {/* The WAI-ARIA feed pattern: the feed handles its articles' keys (one delegated listener). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={feedRef}
        className="tl-feed"
        role="feed"
        aria-busy={isBusy || limit < total}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        onKeyDown={handleKeyDown}
        onFocus={handleFocus}
      >
        {renderedGroups(groups, limit).map(({ group, entries }) => {
          const isGroupHidden = !group.entries.some((entry) => visibleIds.has(entry.id))
          return (
            <div
              key={group.key}
              className={`tl-group tl-group--${group.kind}`}
              hidden={isGroupHidden}
            >
              {/* Not a heading: a feed may only own articles; each entry says its own date. */}
              <div className="tl-day">
                <span>{groupLabel(group, t, format, now)}</span>
                {(group.kind === 'today' || group.kind === 'yesterday') && group.day && (
                  <span className="tl-day-date">{format.dayHeading(group.day, now)}</span>
                )}
              </div>
              {entries.map((entry) => {
                const position = positions.get(entry.id)
                return (
                  <TimelineArticle
                    key={entry.id}
                    entry={entry}
                    context={context}
                    isHidden={position === undefined}
                    isActive={entry.id === tabStopId}
                    isExpanded={expanded.has(entry.id)}
                    position={position ?? 0}
                    setSize={order.length}
                  />
                )
              })}
            </div>
          )
        })}
      </div>
    </SearchTermsContext>
  )
})

/** The groups and entries to draw, up to `limit` entries in feed order. */
function renderedGroups(groups: readonly TimelineGroup[], limit: number) {
  const out: { group: TimelineGroup; entries: TimelineGroup['entries'] }[] = []
  let left = limit
  for (const group of groups) {
    if (left <= 0) break
    const entries = group.entries.length <= left ? group.entries : group.entries.slice(0, left)
    left -= entries.length
    out.push({ group, entries })
  }
  return out
}

function groupLabel(
  group: TimelineGroup,
  t: ReturnType<typeof useTranslation>['t'],
  format: PerformedAtFormat,
  now: number,
): string {
  switch (group.kind) {
    case 'upcoming':
    case 'today':
    case 'yesterday':
    case 'undated':
      return t(`timeline.groups.${group.kind}`)
    case 'day':
      return group.day ? format.dayHeading(group.day, now) : ''
  }
}
