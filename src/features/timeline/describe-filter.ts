import type { TFunction } from 'i18next'
import type { PerformedAtFormat } from '@/lib/relative-time'
import type { FilterName, TimelineFilters } from '@/features/timeline/timeline-filters'

/** An active filter in words: "Type: E-mail, Telefonisch", "Date: from Monday, June 2, 2025". */
export function describeFilter(
  name: FilterName,
  filters: TimelineFilters,
  t: TFunction,
  format: PerformedAtFormat,
): string {
  switch (name) {
    case 'types':
      return t('timeline.noMatch.describeTypes', { types: filters.types.join(', ') })
    case 'text':
      return t('timeline.noMatch.describeText', { text: filters.text.trim() })
    case 'statuses':
      return t('timeline.noMatch.describeStatuses', {
        statuses: filters.statuses
          .map((status) => t(`timeline.filters.statusOption.${status}`))
          .join(', '),
      })
    case 'dates': {
      const from = filters.from ? format.exact(filters.from) : null
      const to = filters.to ? format.exact(filters.to) : null
      const range =
        from && to
          ? t('timeline.noMatch.rangeBoth', { from, to })
          : from
            ? t('timeline.noMatch.rangeFrom', { from })
            : t('timeline.noMatch.rangeTo', { to: to ?? '' })
      return t('timeline.noMatch.describeDates', { range })
    }
  }
}
