import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import { Suspense, lazy } from 'react'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'wouter'
import '@/app/app-header.css'
import { LanguageSwitch } from '@/app/language-switch'
import { SyncStatus } from '@/app/sync-status'
import { armTooltips } from '@/components/lazy-tooltip'
import { hostOf } from '@/config/base-url'
import { useConnection } from '@/config/connection'
import { QaPanelButton } from '@/features/qa-panel/qa-panel-button'
import { AppBarSandboxSwitch } from '@/app/app-bar-sandbox-switch'
import { SandboxBanner } from '@/features/settings/sandbox-notices'
import { JournalHaltBanner } from '@/features/sync/journal-halt-banner'
import { SettingsLink } from '@/features/settings/settings-link'
import { ColorSchemeToggle } from '@/theme/color-scheme-toggle'
import { visuallyHidden } from '@/theme/visually-hidden'

// Relay mode only (the app served by our relay): who is signed in, sign-out, the session's
// regions, and what the relay refused. Never in a build's first load without a relay.
const RelayAccount = lazy(() =>
  import('@/features/relay/relay-account').then((module) => ({ default: module.RelayAccount })),
)
const RelayNotices = lazy(() =>
  import('@/features/relay/relay-notices').then((module) => ({ default: module.RelayNotices })),
)

/**
 * The banner landmark on every page: product name, the region and backend in use, the sandbox
 * switch, the QA panel (mock only), settings, language and theme; the sandbox banner below.
 */
export function AppHeader() {
  const { t } = useTranslation()
  const { connection, regionName, needsSetup, relay } = useConnection()
  const backend =
    connection.kind === 'mock'
      ? t('app.demoData')
      : connection.kind === 'relay' || needsSetup
        ? null
        : hostOf(connection.origin)

  return (
    // MUI's AppBar (static, default colour, no elevation) is this much: its module stays out.
    <Box
      component="header"
      sx={{
        bgcolor: 'AppBar.defaultBg',
        color: 'text.primary',
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      {/* The icon buttons' tooltips load once the pointer or focus comes near them. */}
      <Toolbar
        sx={{ columnGap: 2, rowGap: 1, flexWrap: 'wrap', py: 1 }}
        onPointerEnter={armTooltips}
        onFocus={armTooltips}
      >
        {/* On a phone the region goes under the product name (app-header.css): two lines at most. */}
        <div className="app-header-title">
          <Link
            component={RouterLink}
            to="/candidates"
            variant="h6"
            color="inherit"
            underline="hover"
            sx={{ fontWeight: 500 }}
          >
            {t('app.productName')}
          </Link>
          {!needsSetup && regionName !== '' && (
            <Typography
              variant="body2"
              noWrap
              className="app-header-region"
              sx={{ color: 'text.secondary' }}
              data-testid="region-in-use"
            >
              <Box component="span" sx={visuallyHidden}>
                {`${t('app.regionInUse')}: `}
              </Box>
              {regionName}
              {backend && ` (${backend})`}
            </Typography>
          )}
        </div>
        <AppBarSandboxSwitch label={t('settings.header.sandboxSwitch')} />
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          {relay && (
            <Suspense fallback={null}>
              <RelayAccount />
            </Suspense>
          )}
          <SyncStatus />
          {/* Compared here, not through buildEnv: a build without the mock then drops the code. */}
          {import.meta.env.VITE_ENABLE_MOCK === 'true' && <QaPanelButton />}
          <SettingsLink />
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Box>
      </Toolbar>
      <SandboxBanner />
      <JournalHaltBanner />
      {relay && (
        <Suspense fallback={null}>
          <RelayNotices />
        </Suspense>
      )}
    </Box>
  )
}
