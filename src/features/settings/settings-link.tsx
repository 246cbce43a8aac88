import SettingsIcon from '@mui/icons-material/Settings'
import IconButton from '@mui/material/IconButton'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'wouter'
import { SETTINGS_PATH } from '@/features/settings/settings-path'
import { LazyTooltip } from '@/components/lazy-tooltip'

/** The app bar's way to the settings (connection, sandbox, language, theme). */
export function SettingsLink() {
  const { t } = useTranslation()
  return (
    <LazyTooltip title={t('settings.open')}>
      <IconButton
        component={RouterLink}
        to={SETTINGS_PATH}
        color="inherit"
        aria-label={t('settings.open')}
      >
        <SettingsIcon />
      </IconButton>
    </LazyTooltip>
  )
}
