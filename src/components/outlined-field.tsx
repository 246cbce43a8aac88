import FormControl from '@mui/material/FormControl'
import FormHelperText from '@mui/material/FormHelperText'
import InputLabel from '@mui/material/InputLabel'
import OutlinedInput from '@mui/material/OutlinedInput'
import type { SxProps, Theme } from '@mui/material/styles'
import { useId, type ChangeEvent, type ReactNode } from 'react'

type OutlinedFieldProps = {
  label: string
  value: string
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void
  type?: 'text' | 'search' | 'date'
  size?: 'small' | 'medium'
  error?: boolean
  /** Below the field, and the input's accessible description. */
  helperText?: ReactNode
  autoComplete?: string
  startAdornment?: ReactNode
  placeholder?: string
  readOnly?: boolean
  /** Keep the label above the field even when empty (date inputs show a format there). */
  shrinkLabel?: boolean
  sx?: SxProps<Theme>
}

/**
 * An outlined text input, looking and behaving like MUI's `<TextField>` for the pages every
 * counsellor opens first. TextField always bundles its `select` mode (Select, Menu, Popover,
 * Modal; ~17 KB gzip); these pages never use it, and the forms keep the full TextField.
 */
export function OutlinedField({
  label,
  value,
  onChange,
  type = 'text',
  size = 'medium',
  error = false,
  helperText,
  autoComplete,
  startAdornment,
  shrinkLabel,
  placeholder,
  readOnly,
  sx,
}: OutlinedFieldProps) {
  const id = useId()
  const helperId = `${id}-helper`
  const hasHelper = helperText !== undefined && helperText !== null && helperText !== ''
  return (
    <FormControl variant="outlined" size={size} error={error} sx={sx}>
      <InputLabel htmlFor={id} id={`${id}-label`} shrink={shrinkLabel}>
        {label}
      </InputLabel>
      <OutlinedInput
        id={id}
        type={type}
        value={value}
        onChange={onChange}
        label={label}
        notched={shrinkLabel}
        autoComplete={autoComplete}
        startAdornment={startAdornment}
        placeholder={placeholder}
        readOnly={readOnly}
        inputProps={hasHelper ? { 'aria-describedby': helperId } : undefined}
      />
      {hasHelper && <FormHelperText id={helperId}>{helperText}</FormHelperText>}
    </FormControl>
  )
}
