import Alert from '@mui/material/Alert'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/api/errors'

export type AutoRetryNoticeProps = {
  /** The query's `failureReason`: the last error while it is still retrying. */
  failureReason: unknown
  isFetching: boolean
}

/**
 * While the query client retries a busy or failing server (429, 5xx, offline), the counsellor
 * would otherwise stare at a skeleton for up to a minute; this says what is happening.
 */
export function AutoRetryNotice({ failureReason, isFetching }: AutoRetryNoticeProps) {
  const { t } = useTranslation()
  if (!isFetching || !isApiError(failureReason) || !failureReason.isTransient) return null
  return (
    <Alert severity="info" role="status" sx={{ mb: 2 }}>
      {t('errors.autoRetrying')}
    </Alert>
  )
}
