import {
  FILTERS,
  FILTER_NAMES,
  NO_FILTERS,
  type TimelineFilters,
} from '@/features/timeline/timeline-filters'

/**
 * The timeline's filters live in the URL so a filtered view can be shared or reloaded; each
 * filter reads and writes its own parameters (its declaration in timeline-filters.ts). Parameters
 * that are not ours (`sandbox=1`, the mock's `mock.*`) pass through untouched.
 */
const FILTER_PARAMS = FILTER_NAMES.flatMap((name) => FILTERS[name].params)

/** Reads the filters; anything malformed in a hand-edited link is ignored, not an error. */
export function readFilterParams(params: URLSearchParams): TimelineFilters {
  return FILTER_NAMES.reduce(
    (filters, name) => ({ ...filters, ...FILTERS[name].read(params) }),
    NO_FILTERS,
  )
}

/** A copy of `params` with the filters written in (and only their own parameters changed). */
export function writeFilterParams(
  params: URLSearchParams,
  filters: TimelineFilters,
): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const name of FILTER_PARAMS) next.delete(name)
  for (const name of FILTER_NAMES) FILTERS[name].write(filters, next)
  return next
}

/** A stable string of the filters, for effects and memo keys. */
export function filtersKey(filters: TimelineFilters): string {
  return writeFilterParams(new URLSearchParams(), filters).toString()
}
