import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Link from '@mui/material/Link'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink, useLocation } from 'wouter'
import { useConnection } from '@/config/connection'
import { SETTINGS_PATH } from '@/features/settings/settings-path'

/** On every page but the settings while an upstream connection has no key yet. */
export function NotConnectedAlert() {
  const { t } = useTranslation()
  const { needsSetup } = useConnection()
  const [pathname] = useLocation()
  if (!needsSetup || pathname === SETTINGS_PATH) return null
  return (
    <Alert severity="info" sx={{ mb: 3 }}>
      <AlertTitle>{t('settings.header.notConnectedTitle')}</AlertTitle>
      {t('settings.header.notConnected')}{' '}
      <Link component={RouterLink} to={SETTINGS_PATH} color="inherit">
        {t('settings.header.openSettings')}
      </Link>
    </Alert>
  )
}
