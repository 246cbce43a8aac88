import { useLayoutEffect } from 'react'
import { FILTER_CHANGE_MARK, FILTER_COMMIT_MEASURE } from '@/features/timeline/use-timeline-filters'

/**
 * Measures a filter change from the click or keystroke (the mark `useTimelineFilters` sets) to
 * the commit that shows it, for `bench/timeline.mjs`. Costs nothing when nothing was marked.
 */
export function useFilterCommitMeasure(filtersKey: string): void {
  useLayoutEffect(() => {
    if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return
    if (performance.getEntriesByName(FILTER_CHANGE_MARK, 'mark').length === 0) return
    performance.measure(FILTER_COMMIT_MEASURE, FILTER_CHANGE_MARK)
    performance.clearMarks(FILTER_CHANGE_MARK)
  }, [filtersKey])
}
