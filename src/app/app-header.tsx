import Alert from '@mui/material/Alert'
import AppBar from '@mui/material/AppBar'
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'react-router'
import { LanguageSwitch } from '@/app/language-switch'
import { useConnection } from '@/config/connection'
import { ColorSchemeToggle } from '@/theme/color-scheme-toggle'
import { visuallyHidden } from '@/theme/visually-hidden'

/** The banner landmark: product name, the region in use, theme and language, sandbox warning. */
export function AppHeader() {
  const { t } = useTranslation()
  const { connection, environment, regionName } = useConnection()

  return (
    <AppBar
      position="static"
      color="default"
      elevation={0}
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: 1 }}>
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
        <Box sx={{ flexGrow: 1 }} />
        <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="region-in-use">
          <Box component="span" sx={visuallyHidden}>
            {`${t('app.regionInUse')}: `}
          </Box>
          {regionName}
          {connection.kind === 'mock' && ` (${t('app.demoData')})`}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Stack>
      </Toolbar>
      {environment === 'sandbox' && (
        <Alert severity="warning" square sx={{ justifyContent: 'center' }}>
          {t('app.sandboxBanner')}
        </Alert>
      )}
    </AppBar>
  )
}
