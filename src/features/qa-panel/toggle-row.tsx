import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import Switch from '@mui/material/Switch'
import { useId, type ChangeEvent } from 'react'

type ToggleRowProps = {
  label: string
  hint: string
  isChecked: boolean
  onChange: (isChecked: boolean) => void
}

/** One scenario switch with its explanation (tied to it as the description). */
export function ToggleRow({ label, hint, isChecked, onChange }: ToggleRowProps) {
  const hintId = useId()
  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    onChange(event.target.checked)
  }
  return (
    <div>
      <FormControlLabel
        label={label}
        control={
          <Switch
            checked={isChecked}
            onChange={handleChange}
            slotProps={{ input: { role: 'switch', 'aria-describedby': hintId } }}
          />
        }
      />
      <FormHelperText id={hintId} sx={{ mt: 0 }}>
        {hint}
      </FormHelperText>
    </div>
  )
}
