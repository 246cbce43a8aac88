import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Stack from '@mui/material/Stack'
import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MockReadErrors } from '@/config/mock-control'
import { NumberDraftField } from '@/features/qa-panel/number-draft-field'

const CHOICES = ['off', 'next429', 'next500', 'burst'] as const
type Choice = (typeof CHOICES)[number]
const DEFAULT_COUNT = 5
/** The mock's URL parameter takes up to three digits (`429x999`, `burst:999`). */
const MAX_COUNT = 999

type ReadErrorsControlProps = {
  label: string
  hint: string
  value: MockReadErrors | null
  onChange: (value: MockReadErrors | null) => void
}

function choiceOf(value: MockReadErrors | null): Choice {
  if (!value) return 'off'
  if (value.mode === 'burst') return 'burst'
  return value.status === 429 ? 'next429' : 'next500'
}

function countOf(value: MockReadErrors | null): number {
  if (!value) return DEFAULT_COUNT
  return value.mode === 'burst' ? value.perSecond : value.remaining
}

function readErrors(choice: Choice, count: number): MockReadErrors | null {
  switch (choice) {
    case 'off':
      return null
    case 'next429':
      return { mode: 'next', status: 429, remaining: count }
    case 'next500':
      return { mode: 'next', status: 500, remaining: count }
    case 'burst':
      return { mode: 'burst', perSecond: count }
  }
}

/**
 * Failing reads: none, the next N reads answer 429 (with Retry-After) or 500, or a realistic
 * rate limit of N reads per second. The "next N" count goes down as reads use it up.
 */
export function ReadErrorsControl({ label, hint, value, onChange }: ReadErrorsControlProps) {
  const { t } = useTranslation()
  const labelId = useId()
  const hintId = useId()
  const choice = choiceOf(value)
  const count = countOf(value)
  const labels: Record<Choice, string> = {
    off: t('qa.readErrorsOff'),
    next429: t('qa.readErrorsNext429'),
    next500: t('qa.readErrorsNext500'),
    burst: t('qa.readErrorsBurst'),
  }

  function handleChoice(event: ChangeEvent<HTMLInputElement>) {
    const next = CHOICES.find((candidate) => candidate === event.target.value)
    if (next) onChange(readErrors(next, value ? count : DEFAULT_COUNT))
  }

  function handleCount(next: number) {
    onChange(readErrors(choice, next))
  }

  return (
    <Stack spacing={1.5}>
      <FormControl>
        <FormLabel id={labelId}>{label}</FormLabel>
        <FormHelperText id={hintId} sx={{ mx: 0 }}>
          {hint}
        </FormHelperText>
        <RadioGroup
          aria-labelledby={labelId}
          aria-describedby={hintId}
          value={choice}
          onChange={handleChoice}
        >
          {CHOICES.map((option) => (
            <FormControlLabel
              key={option}
              value={option}
              control={<Radio size="small" />}
              label={labels[option]}
            />
          ))}
        </RadioGroup>
      </FormControl>
      {choice !== 'off' && (
        <NumberDraftField
          label={choice === 'burst' ? t('qa.readErrorsPerSecond') : t('qa.readErrorsCount')}
          hint=""
          value={count}
          min={1}
          max={MAX_COUNT}
          onChange={handleCount}
        />
      )}
    </Stack>
  )
}
