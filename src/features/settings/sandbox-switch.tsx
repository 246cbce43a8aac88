import FormControlLabel from '@mui/material/FormControlLabel'
import Switch from '@mui/material/Switch'
import type { ChangeEvent } from 'react'
import { useConnection } from '@/config/connection'

type SandboxSwitchProps = {
  label: string
}

/**
 * Production ⇄ sandbox, where it may be used. The URL follows (`?sandbox=1`, see useUrlState); caches and the journal
 * are per environment, so switching with unsent changes keeps each environment's apart.
 */
export function SandboxSwitch({ label }: SandboxSwitchProps) {
  const { environment, setEnvironment, isSandboxAllowed } = useConnection()
  // Behind the relay only where the session allows it (kept while on, so it can be left).
  if (!isSandboxAllowed && environment !== 'sandbox') return null

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    setEnvironment(event.target.checked ? 'sandbox' : 'production')
  }

  return (
    <FormControlLabel
      label={label}
      sx={{ mr: 0 }}
      control={
        <Switch
          checked={environment === 'sandbox'}
          onChange={handleChange}
          color="warning"
          slotProps={{ input: { role: 'switch' } }}
        />
      }
    />
  )
}
