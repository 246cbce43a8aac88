import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { visuallyHidden } from '@/theme/visually-hidden'

/** While a page's code downloads (a few hundred milliseconds at most): say so, draw nothing. */
export function RouteFallback() {
  const { t } = useTranslation()
  return (
    <Box role="status" aria-busy="true" sx={visuallyHidden}>
      {t('candidates.loadingPage')}
    </Box>
  )
}
