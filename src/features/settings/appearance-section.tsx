import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import { useColorScheme } from '@mui/material/styles'
import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SettingsSection } from '@/features/settings/settings-section'

const MODES = ['light', 'dark', 'system'] as const

/** Light, dark, or whatever the device says; MUI remembers the choice. */
export function AppearanceSection() {
  const { t } = useTranslation()
  const { mode, setMode } = useColorScheme()
  const labelId = useId()

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const next = MODES.find((candidate) => candidate === event.target.value)
    if (next) setMode(next)
  }

  return (
    <SettingsSection title={t('settings.appearance.heading')}>
      <FormControl>
        <FormLabel id={labelId}>{t('settings.appearance.label')}</FormLabel>
        <RadioGroup aria-labelledby={labelId} value={mode ?? 'system'} onChange={handleChange}>
          {MODES.map((value) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio />}
              label={t(`settings.appearance.${value}`)}
            />
          ))}
        </RadioGroup>
      </FormControl>
    </SettingsSection>
  )
}
