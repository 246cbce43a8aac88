import { OutlinedField } from '@/components/outlined-field'
import { memo, type ChangeEvent } from 'react'

type DateFieldProps = {
  label: string
  value: string | null
  onChange: (value: string | null) => void
  isInvalid: boolean
  helperText?: string | undefined
}

/**
 * A day, as the browser's own date input (its picker, its keyboard, the user's own date order),
 * which keeps the MUI date pickers out of the timeline's code entirely.
 */
export const DateField = memo(function DateField({
  label,
  value,
  onChange,
  isInvalid,
  helperText,
}: DateFieldProps) {
  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    onChange(event.target.value === '' ? null : event.target.value)
  }
  return (
    <OutlinedField
      type="date"
      size="small"
      label={label}
      value={value ?? ''}
      onChange={handleChange}
      error={isInvalid}
      helperText={helperText}
      sx={{ flex: 1, minWidth: 0 }}
      shrinkLabel
    />
  )
})
