import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'wouter'
import { PageTitle } from '@/app/routes/page-title'

export function NotFoundRoute() {
  const { t } = useTranslation()
  return (
    <>
      <PageTitle title={t('notFoundPage.title')} />
      <Typography variant="h4" component="h1" gutterBottom>
        {t('notFoundPage.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('notFoundPage.message')}</Typography>
      <Link component={RouterLink} to="/candidates">
        {t('notFoundPage.home')}
      </Link>
    </>
  )
}
