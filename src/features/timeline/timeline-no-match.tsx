import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import {
  activeFilters,
  type FilterName,
  type FilterResult,
  type TimelineFilters,
} from '@/features/timeline/timeline-filters'

type TimelineNoMatchProps = {
  filters: TimelineFilters
  result: FilterResult
  total: number
  describeFilter: (name: FilterName) => string
  onClear: (name: FilterName) => void
  onClearAll: () => void
}

/**
 * Nothing matches: say which filter hides what ("clearing the type filter would show 4"), each
 * with a button to clear just that one, and the way back to everything.
 */
export function TimelineNoMatch({
  filters,
  result,
  total,
  describeFilter,
  onClear,
  onClearAll,
}: TimelineNoMatchProps) {
  const { t } = useTranslation()
  const active = activeFilters(filters)
  const helpful = active.filter((name) => (result.withoutFilter[name] ?? 0) > 0)

  return (
    <Alert severity="info" role="status" sx={{ mb: 2 }}>
      <AlertTitle>{t('timeline.noMatch.title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {active.map((name) => (
          <li key={name}>{describeFilter(name)}</li>
        ))}
      </Box>
      <Box component="p" sx={{ mt: 1, mb: 0 }}>
        {helpful.length === 0
          ? t('timeline.noMatch.together', { count: total })
          : helpful
              .map((name) =>
                t('timeline.noMatch.hiddenBy', {
                  filter: t(`timeline.filters.names.${name}`),
                  count: result.withoutFilter[name] ?? 0,
                }),
              )
              .join(' ')}
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        {helpful.map((name) => (
          <Button
            key={name}
            size="small"
            variant="outlined"
            color="inherit"
            onClick={() => {
              onClear(name)
            }}
          >
            {t(`timeline.filters.clear.${name}`)}
          </Button>
        ))}
        <Button size="small" variant="outlined" color="inherit" onClick={onClearAll}>
          {t('timeline.filters.clearAll')}
        </Button>
      </Box>
    </Alert>
  )
}
