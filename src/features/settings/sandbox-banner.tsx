import ScienceIcon from '@mui/icons-material/Science'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { useConnection } from '@/config/connection'
import { SANDBOX_STRIPES, SANDBOX_TEXT } from '@/features/settings/sandbox-colours'

/** Under the app bar on every page while in sandbox: what it means, and the way out. */
export function SandboxBanner() {
  const { t } = useTranslation()
  const { environment, setEnvironment } = useConnection()
  if (environment !== 'sandbox') return null

  function handleLeave() {
    setEnvironment('production')
  }

  return (
    <Box
      role="region"
      aria-label={t('settings.header.bannerLabel')}
      sx={{
        background: SANDBOX_STRIPES,
        color: SANDBOX_TEXT,
        px: 2,
        py: 1,
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 2,
      }}
    >
      <Box
        component="strong"
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          px: 1,
          bgcolor: SANDBOX_TEXT,
          color: '#ffc107',
          borderRadius: 1,
          textTransform: 'uppercase',
          letterSpacing: 1,
        }}
      >
        <ScienceIcon fontSize="small" aria-hidden />
        {t('settings.header.sandboxTag')}
      </Box>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {t('app.sandboxBanner')}
      </Typography>
      <Button
        size="small"
        variant="outlined"
        onClick={handleLeave}
        sx={{ color: SANDBOX_TEXT, borderColor: SANDBOX_TEXT, bgcolor: 'rgba(255,255,255,0.35)' }}
      >
        {t('settings.header.leaveSandbox')}
      </Button>
    </Box>
  )
}
