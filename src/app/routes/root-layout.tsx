import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AppHeader } from '@/app/app-header'
import { pageContainerSx } from '@/theme/page-container'
import { SkipLink } from '@/app/skip-link'
import { useStartupError } from '@/app/startup-error'
import { useUrlState } from '@/config/use-url-state'
import { NotConnectedAlert } from '@/features/settings/not-connected-alert'
import { SandboxFrame } from '@/features/settings/sandbox-notices'

export const MAIN_CONTENT_ID = 'main-content'

type RootLayoutProps = {
  /** The page (the router's matched route). */
  children: ReactNode
}

/**
 * Every page: skip link, banner, and one <main> the skip link lands on; in sandbox an amber
 * frame around it all. Keeps the URL saying which environment (and mock scenario) is in use.
 */
export function RootLayout({ children }: RootLayoutProps) {
  return (
    <>
      <UrlState />
      <SandboxFrame />
      <SkipLink targetId={MAIN_CONTENT_ID} />
      <AppHeader />
      <Box
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        sx={{ ...pageContainerSx, py: 4, '&:focus': { outline: 'none' } }}
      >
        <StartupErrorAlert />
        <NotConnectedAlert />
        {children}
      </Box>
    </>
  )
}

/** Its own component: a query change (the timeline's filters) re-renders this, not the layout. */
function UrlState() {
  useUrlState()
  return null
}

function StartupErrorAlert() {
  const { t } = useTranslation()
  const reason = useStartupError()
  if (!reason) return null
  return (
    <Alert severity="error" sx={{ mb: 3 }}>
      <AlertTitle>{t('app.startupFailedTitle')}</AlertTitle>
      {t('app.startupFailed', { reason })}
    </Alert>
  )
}
