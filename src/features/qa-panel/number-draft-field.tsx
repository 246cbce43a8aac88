import TextField from '@mui/material/TextField'
import { useState, type ChangeEvent } from 'react'

type NumberDraftFieldProps = {
  label: string
  hint: string
  value: number
  min: number
  max: number
  step?: number
  /** Called with every valid whole number typed; anything else waits as a draft. */
  onChange: (value: number) => void
}

/**
 * A whole-number field that applies while typing but lets the user pass through invalid
 * in-between text ("" or "1e"); on leaving the field it shows the applied value again.
 */
export function NumberDraftField({
  label,
  hint,
  value,
  min,
  max,
  step = 1,
  onChange,
}: NumberDraftFieldProps) {
  const [draft, setDraft] = useState<string | null>(null)

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const text = event.target.value
    setDraft(text)
    if (!/^\d+$/.test(text)) return
    const next = Number(text)
    if (next >= min && next <= max) onChange(next)
  }

  function handleBlur() {
    setDraft(null)
  }

  const shown = draft ?? String(value)
  const isInvalid =
    draft !== null && !(/^\d+$/.test(draft) && Number(draft) >= min && Number(draft) <= max)

  return (
    <TextField
      label={label}
      value={shown}
      onChange={handleChange}
      onBlur={handleBlur}
      error={isInvalid}
      helperText={isInvalid ? `${min}–${max}` : hint}
      type="number"
      size="small"
      fullWidth
      slotProps={{ htmlInput: { min, max, step, inputMode: 'numeric' } }}
    />
  )
}
