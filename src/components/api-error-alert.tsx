import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'wouter'
import { describeApiError, type DescribeOptions } from '@/lib/describe-api-error'

export type ApiErrorAlertProps = {
  error: unknown
  /** Shows a "Try again" button; usually the query's `refetch`. */
  onRetry?: () => void
  /** True while the retry runs: the button shows a spinner and cannot be pressed twice. */
  isRetrying?: boolean
  resource?: DescribeOptions['resource']
  /** A way out, e.g. back to the list when a candidate does not exist. */
  backLink?: { to: string; label: string }
  /** False when the page heading already says what the alert's title would. */
  hasTitle?: boolean
}

/** One explanation per kind of API failure, with a way to retry; never a raw parse error. */
export function ApiErrorAlert({
  error,
  onRetry,
  isRetrying = false,
  resource,
  backLink,
  hasTitle = true,
}: ApiErrorAlertProps) {
  const { t } = useTranslation()
  const description = describeApiError(error, t, resource ? { resource } : {})

  return (
    <Alert severity="error" data-error-kind={description.kind}>
      {hasTitle && <AlertTitle>{description.title}</AlertTitle>}
      <Typography variant="body2">{description.message}</Typography>
      {description.details && (
        <Box component="details" sx={{ mt: 1 }}>
          <Box component="summary" sx={{ cursor: 'pointer' }}>
            {t('errors.technicalDetails')}
          </Box>
          <Typography variant="body2" component="p" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
            {description.details}
          </Typography>
        </Box>
      )}
      {(onRetry || backLink) && (
        <Box sx={{ display: 'flex', gap: 2, mt: 1.5, alignItems: 'center' }}>
          {onRetry && (
            <Button
              variant="outlined"
              color="inherit"
              size="small"
              onClick={onRetry}
              disabled={isRetrying}
              startIcon={isRetrying ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              {isRetrying ? t('errors.retrying') : t('errors.retry')}
            </Button>
          )}
          {backLink && (
            <Link component={RouterLink} to={backLink.to} color="inherit">
              {backLink.label}
            </Link>
          )}
        </Box>
      )}
    </Alert>
  )
}
