import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SANDBOX_MODES } from '@/api/contract'
import { useConnection } from '@/config/connection'
import { SandboxSwitch } from '@/features/settings/sandbox-switch'
import { SettingsSection } from '@/features/settings/settings-section'

/** The sandbox switch again (with room to explain it) and how sandbox is asked for. */
export function SandboxSection() {
  const { t } = useTranslation()
  const { sandboxMode, setSandboxMode } = useConnection()
  const modeLabelId = useId()

  function handleModeChange(event: ChangeEvent<HTMLInputElement>) {
    const next = SANDBOX_MODES.find((mode) => mode === event.target.value)
    if (next) setSandboxMode(next)
  }

  return (
    <SettingsSection title={t('settings.sandbox.heading')} intro={t('settings.sandbox.intro')}>
      <Stack spacing={2}>
        <SandboxSwitch label={t('settings.sandbox.switchLabel')} />
        <FormControl>
          <FormLabel id={modeLabelId}>{t('settings.sandbox.modeLabel')}</FormLabel>
          <RadioGroup aria-labelledby={modeLabelId} value={sandboxMode} onChange={handleModeChange}>
            <FormControlLabel
              value="header"
              control={<Radio />}
              label={t('settings.sandbox.modeHeader')}
            />
            <FormControlLabel
              value="prefix"
              control={<Radio />}
              label={t('settings.sandbox.modePrefix')}
            />
          </RadioGroup>
        </FormControl>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('settings.sandbox.linkHint')}
        </Typography>
      </Stack>
    </SettingsSection>
  )
}
