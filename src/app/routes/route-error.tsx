import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'wouter'
import { PageTitle } from '@/app/routes/page-title'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { isApiError } from '@/api/errors'
import { pageContainerSx } from '@/theme/page-container'
import { useRawLocation } from '@/lib/location'

type RouteErrorBoundaryProps = {
  children: ReactNode
  /** True around the layout: if the layout itself fails, the error page brings its own <main>. */
  isStandalone?: boolean
}

/**
 * Catches what its pages throw while rendering (a bug, a chunk that failed to load, an API error
 * that escaped a page) and shows something a counsellor can act on instead of a blank page. It
 * tries again when the address changes, so following any link away from a crashed page works;
 * the error page's own link to the list tries again even when the list is what crashed. Not
 * lazy: it must render when a page's chunk fails to load.
 */
export function RouteErrorBoundary({ children, isStandalone = false }: RouteErrorBoundaryProps) {
  const { pathname, search } = useRawLocation()
  return (
    <ErrorBoundary
      FallbackComponent={isStandalone ? StandaloneRouteError : RouteError}
      resetKeys={[pathname, search]}
    >
      {children}
    </ErrorBoundary>
  )
}

/** A page failed: the error takes the page's place inside the layout. */
function RouteError({ error, resetErrorBoundary }: FallbackProps) {
  return <RouteErrorContent error={error} onRetry={resetErrorBoundary} />
}

/** The layout itself failed: the error page with a <main> of its own. */
function StandaloneRouteError({ error, resetErrorBoundary }: FallbackProps) {
  return (
    <StandaloneMain>
      <RouteErrorContent error={error} onRetry={resetErrorBoundary} />
    </StandaloneMain>
  )
}

type RouteErrorContentProps = {
  error: unknown
  /** Renders the failed part again (the link to the list calls it on its way). */
  onRetry: () => void
}

function RouteErrorContent({ error, onRetry }: RouteErrorContentProps) {
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
      <Box sx={{ display: 'flex', gap: 2, mt: 2, alignItems: 'center' }}>
        <Button variant="contained" onClick={handleReload}>
          {t('routeError.reload')}
        </Button>
        <Link component={RouterLink} to="/candidates" onClick={onRetry}>
          {t('routeError.home')}
        </Link>
      </Box>
    </>
  )
}

type StandaloneMainProps = {
  children: ReactNode
}

function StandaloneMain({ children }: StandaloneMainProps) {
  return (
    <Box component="main" sx={{ ...pageContainerSx, py: 4 }}>
      {children}
    </Box>
  )
}
