import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  filtersKey,
  readFilterParams,
  writeFilterParams,
} from '@/features/timeline/filter-search-params'
import type { TimelineFilters } from '@/features/timeline/timeline-filters'
import { useSearchParams } from '@/lib/location'

/** Marks a filter change for the bench (see bench/timeline.mjs): change → commit. */
export const FILTER_CHANGE_MARK = 'timeline:filter-change'
export const FILTER_COMMIT_MEASURE = 'timeline:filter-commit'

/** How long the URL waits for the filters to settle (a word being typed) before it follows. */
export const URL_SYNC_DELAY_MS = 250

export type SetFilters = (update: (current: TimelineFilters) => TimelineFilters) => void

type State = {
  filters: TimelineFilters
  /** The URL's filters as last seen. */
  urlKey: string
  /** Filters this timeline asked the URL for, whose echo must not be taken for a new link. */
  written: readonly string[]
}

/**
 * The filters: shareable in the URL, but answered from local state. A router navigation
 * re-renders every route and layout on the page (tens of milliseconds), so a click or keystroke
 * updates the timeline at once and the URL follows a moment later (replacing the history entry:
 * stepping back through twenty keystrokes would help nobody). A URL changed from elsewhere —
 * a link, the first load — wins.
 */
export function useTimelineFilters(): [TimelineFilters, SetFilters] {
  const [params, setParams] = useSearchParams()
  const search = params.toString()
  const urlFilters = useMemo(() => readFilterParams(new URLSearchParams(search)), [search])
  const urlKey = filtersKey(urlFilters)
  const [state, setState] = useState<State>(() => ({ filters: urlFilters, urlKey, written: [] }))

  let current = state
  if (urlKey !== state.urlKey) {
    // The URL moved: our own write coming back, or somebody else's link (React's pattern for
    // adjusting state to a changed input, during render).
    const echo = state.written.indexOf(urlKey)
    current =
      echo === -1
        ? { filters: urlFilters, urlKey, written: [] }
        : { ...state, urlKey, written: state.written.slice(echo + 1) }
    setState(current)
  }

  const wantedKey = filtersKey(current.filters)
  const seenKey = current.urlKey
  useEffect(() => {
    if (wantedKey === seenKey) return
    const timer = setTimeout(() => {
      setParams((now) => writeFilterParams(now, readFilterParams(new URLSearchParams(wantedKey))), {
        replace: true,
      })
    }, URL_SYNC_DELAY_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [wantedKey, seenKey, setParams])

  const setFilters = useCallback<SetFilters>((update) => {
    if (typeof performance !== 'undefined') performance.mark(FILTER_CHANGE_MARK)
    setState((previous) => {
      const filters = update(previous.filters)
      const written = [...previous.written, filtersKey(filters)].slice(-50)
      return { ...previous, filters, written }
    })
  }, [])

  return [current.filters, setFilters]
}
