import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Container from '@mui/material/Container'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink, isRouteErrorResponse, useRouteError } from 'react-router'
import { NotFoundRoute } from '@/app/routes/not-found-route'
import { PageTitle } from '@/app/routes/page-title'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { isApiError } from '@/api/errors'

type RouteErrorProps = {
  /** True when the layout itself failed: this page then supplies its own <main>. */
  isStandalone?: boolean
}

/** The router's errorElement: something a counsellor can act on instead of a blank page. */
export function RouteError({ isStandalone = false }: RouteErrorProps) {
  const error = useRouteError()
  const content =
    isRouteErrorResponse(error) && error.status === 404 ? (
      <NotFoundRoute />
    ) : (
      <RouteErrorContent error={error} />
    )
  return isStandalone ? <StandaloneMain>{content}</StandaloneMain> : content
}

type RouteErrorContentProps = {
  error: unknown
}

function RouteErrorContent({ error }: RouteErrorContentProps) {
  const { t } = useTranslation()

  function handleReload() {
    window.location.reload()
  }

  return (
    <>
      <PageTitle title={t('routeError.title')} />
      <Typography variant="h4" component="h1" gutterBottom>
        {t('routeError.title')}
      </Typography>
      {isApiError(error) ? (
        <ApiErrorAlert error={error} />
      ) : (
        <>
          <Typography sx={{ mb: 2 }}>{t('routeError.message')}</Typography>
          {error instanceof Error && (
            <Box component="details" sx={{ mb: 2 }}>
              <Box component="summary" sx={{ cursor: 'pointer' }}>
                {t('errors.technicalDetails')}
              </Box>
              <Typography variant="body2" component="pre" sx={{ whiteSpace: 'pre-wrap' }}>
                {error.message}
              </Typography>
            </Box>
          )}
        </>
      )}
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <Button variant="contained" onClick={handleReload}>
          {t('routeError.reload')}
        </Button>
        <Link component={RouterLink} to="/candidates">
          {t('routeError.home')}
        </Link>
      </Stack>
    </>
  )
}

type StandaloneMainProps = {
  children: ReactNode
}

function StandaloneMain({ children }: StandaloneMainProps) {
  return (
    <Container component="main" maxWidth="md" sx={{ py: 4 }}>
      {children}
    </Container>
  )
}
