import Chip from '@mui/material/Chip'
import Typography from '@mui/material/Typography'
import { memo, useId, type ReactElement } from 'react'

export type FilterChipOption = {
  value: string
  label: string
  count: number
  icon?: ReactElement
}

type FilterChipsProps = {
  label: string
  options: readonly FilterChipOption[]
  selected: readonly string[]
  onToggle: (value: string) => void
}

/** A multi-select as toggle buttons (aria-pressed), each with the count it would show. */
export function FilterChips({ label, options, selected, onToggle }: FilterChipsProps) {
  const labelId = useId()
  return (
    <div role="group" aria-labelledby={labelId}>
      <Typography
        id={labelId}
        variant="caption"
        component="div"
        sx={{ color: 'text.secondary', mb: 0.5 }}
      >
        {label}
      </Typography>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {options.map((option) => (
          <FilterChip
            key={option.value}
            value={option.value}
            label={option.label}
            count={option.count}
            icon={option.icon}
            isSelected={selected.includes(option.value)}
            onToggle={onToggle}
          />
        ))}
      </div>
    </div>
  )
}

type FilterChipProps = {
  value: string
  label: string
  count: number
  icon: ReactElement | undefined
  isSelected: boolean
  onToggle: (value: string) => void
}

/** Memoised: a click re-renders the chip that changed, not all of them. */
const FilterChip = memo(function FilterChip({
  value,
  label,
  count,
  icon,
  isSelected,
  onToggle,
}: FilterChipProps) {
  return (
    <Chip
      icon={icon}
      label={`${label} (${count})`}
      color={isSelected ? 'primary' : 'default'}
      variant={isSelected ? 'filled' : 'outlined'}
      aria-pressed={isSelected}
      disabled={count === 0 && !isSelected}
      onClick={() => {
        onToggle(value)
      }}
    />
  )
})
