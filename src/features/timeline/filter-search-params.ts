import { parsePerformedAt } from '@/lib/format'
import {
  NO_FILTERS,
  STATUS_FILTERS,
  type StatusFilter,
  type TimelineFilters,
} from '@/features/timeline/timeline-filters'

/**
 * The timeline's filters live in the URL so a filtered view can be shared or reloaded:
 * `?type=Telefonisch&type=E-mail&from=2025-01-01&to=2025-03-31&q=cv&status=failed`. Parameters
 * that are not ours (`sandbox=1`, the mock's `mock.*`) pass through untouched.
 */
export const FILTER_PARAMS = {
  type: 'type',
  from: 'from',
  to: 'to',
  text: 'q',
  status: 'status',
} as const

const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && parsePerformedAt(value).kind === 'date'

const isStatus = (value: string): value is StatusFilter =>
  STATUS_FILTERS.some((status) => status === value)

/** Reads the filters; anything malformed in a hand-edited link is ignored, not an error. */
export function readFilterParams(params: URLSearchParams): TimelineFilters {
  const from = params.get(FILTER_PARAMS.from)
  const to = params.get(FILTER_PARAMS.to)
  return {
    ...NO_FILTERS,
    types: [...new Set(params.getAll(FILTER_PARAMS.type).filter((type) => type !== ''))],
    from: isDay(from) ? from : null,
    to: isDay(to) ? to : null,
    text: params.get(FILTER_PARAMS.text) ?? '',
    statuses: [...new Set(params.getAll(FILTER_PARAMS.status).filter(isStatus))],
  }
}

/** A copy of `params` with the filters written in (and only their own parameters changed). */
export function writeFilterParams(
  params: URLSearchParams,
  filters: TimelineFilters,
): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const name of Object.values(FILTER_PARAMS)) next.delete(name)
  for (const type of filters.types) next.append(FILTER_PARAMS.type, type)
  if (filters.from) next.set(FILTER_PARAMS.from, filters.from)
  if (filters.to) next.set(FILTER_PARAMS.to, filters.to)
  if (filters.text !== '') next.set(FILTER_PARAMS.text, filters.text)
  for (const status of filters.statuses) next.append(FILTER_PARAMS.status, status)
  return next
}

/** A stable string of the filters, for effects and memo keys. */
export function filtersKey(filters: TimelineFilters): string {
  return writeFilterParams(new URLSearchParams(), filters).toString()
}
