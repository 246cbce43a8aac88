import FilterAltOutlined from '@mui/icons-material/FilterAltOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import { Fragment, memo, useCallback, useId, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DateField, preloadDatePicker } from '@/features/timeline/date-field'
import { FilterChips, type FilterChipOption } from '@/features/timeline/filter-chips'
import { SearchField } from '@/features/timeline/search-field'
import {
  STATUS_FILTERS,
  activeFilters,
  type FilterName,
  type FilterResult,
  type StatusFilter,
  type TimelineFilters,
} from '@/features/timeline/timeline-filters'
import { TypeIcon } from '@/features/timeline/type-icon'
import type { SetFilters } from '@/features/timeline/use-timeline-filters'

type TimelineFilterBarProps = {
  filters: TimelineFilters
  setFilters: SetFilters
  result: FilterResult
  /** Every type to offer, in the region's order. */
  typeOptions: readonly string[]
  hasStatusFilter: boolean
  onClearAll: () => void
}

const toggle = <T extends string>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value]

/**
 * Search, date range, type and status. Every control is memoised with stable handlers, so a
 * change re-renders the control that changed and the counts, not the whole bar.
 */
export const TimelineFilterBar = memo(function TimelineFilterBar({
  filters,
  setFilters,
  result,
  typeOptions,
  hasStatusFilter,
  onClearAll,
}: TimelineFilterBarProps) {
  const { t } = useTranslation()
  const panelId = useId()
  // Phones: the filters fold away behind one button so the timeline starts on the first screen.
  const [isOpen, setIsOpen] = useState(false)
  const active = activeFilters(filters)
  const panelFilters = active.filter((name) => name !== 'text').length
  const showStatuses =
    hasStatusFilter &&
    (filters.statuses.length > 0 ||
      STATUS_FILTERS.some((status) => result.statusCounts[status] > 0))
  const isRangeInverted = filters.from !== null && filters.to !== null && filters.from > filters.to

  const icons = useMemo(
    () => new Map(typeOptions.map((type) => [type, <TypeIcon key={type} type={type} />])),
    [typeOptions],
  )
  const types: FilterChipOption[] = typeOptions.map((type) => ({
    value: type,
    label: type,
    count: result.typeCounts.get(type) ?? 0,
    icon: icons.get(type),
  }))
  const statuses: FilterChipOption[] = STATUS_FILTERS.map((status) => ({
    value: status,
    label: t(`timeline.filters.statusOption.${status}`),
    count: result.statusCounts[status],
  }))

  const handleText = useCallback(
    (text: string) => {
      setFilters((current) => ({ ...current, text }))
    },
    [setFilters],
  )
  const handleFrom = useCallback(
    (from: string | null) => {
      setFilters((current) => ({ ...current, from }))
    },
    [setFilters],
  )
  const handleTo = useCallback(
    (to: string | null) => {
      setFilters((current) => ({ ...current, to }))
    },
    [setFilters],
  )
  const handleType = useCallback(
    (type: string) => {
      setFilters((current) => ({ ...current, types: toggle(current.types, type) }))
    },
    [setFilters],
  )
  const handleStatus = useCallback(
    (status: string) => {
      const known = STATUS_FILTERS.find((each): each is StatusFilter => each === status)
      if (!known) return
      setFilters((current) => ({ ...current, statuses: toggle(current.statuses, known) }))
    },
    [setFilters],
  )

  // Every filter's control, by name: a declared filter without one does not compile. The panel
  // shows them in this order.
  const controls: Record<FilterName, ReactNode> = {
    dates: (
      <Box sx={{ display: 'flex', gap: 1.5, maxWidth: 520 }} onPointerEnter={preloadDatePicker}>
        <DateField
          label={t('timeline.filters.from')}
          value={filters.from}
          onChange={handleFrom}
          isInvalid={isRangeInverted}
        />
        <DateField
          label={t('timeline.filters.to')}
          value={filters.to}
          onChange={handleTo}
          isInvalid={isRangeInverted}
          helperText={isRangeInverted ? t('timeline.filters.invalidRange') : undefined}
        />
      </Box>
    ),
    types: types.length > 0 && (
      <FilterChips
        label={t('timeline.filters.type')}
        options={types}
        selected={filters.types}
        onToggle={handleType}
      />
    ),
    text: <SearchField value={filters.text} onChange={handleText} />,
    statuses: showStatuses && (
      <FilterChips
        label={t('timeline.filters.status')}
        options={statuses}
        selected={filters.statuses}
        onToggle={handleStatus}
      />
    ),
  }
  // The search stays above the panel (it is what phones see first); the rest fold away.
  const panelControls = Object.entries(controls).map(([name, control]) =>
    name === 'text' ? null : <Fragment key={name}>{control}</Fragment>,
  )

  return (
    <Box
      role="search"
      aria-label={t('timeline.filters.label')}
      data-print="hide"
      sx={{ display: 'flex', flexDirection: 'column', gap: 2, mb: 2 }}
      // Keyboard users pass the search box on their way to the dates: the picker is there first.
      onFocus={preloadDatePicker}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        {controls.text}
        <Button
          variant="outlined"
          startIcon={<FilterAltOutlined />}
          aria-expanded={isOpen}
          aria-controls={panelId}
          onClick={() => {
            setIsOpen((open) => !open)
          }}
          sx={{ display: { xs: 'inline-flex', sm: 'none' }, flexShrink: 0, height: 40 }}
        >
          {panelFilters > 0
            ? t('timeline.filters.toggleActive', { count: panelFilters })
            : t('timeline.filters.toggle')}
        </Button>
      </Box>
      <Box
        id={panelId}
        sx={{
          display: { xs: isOpen ? 'flex' : 'none', sm: 'flex' },
          flexDirection: 'column',
          gap: 2,
        }}
      >
        {panelControls}
      </Box>
      {active.length > 0 && (
        <Box>
          <Button size="small" onClick={onClearAll}>
            {t('timeline.filters.clearAll')}
          </Button>
        </Box>
      )}
    </Box>
  )
})
