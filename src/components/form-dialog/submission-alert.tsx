import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import type { SubmissionError } from '@/components/form-dialog/use-form-submission'
import { useFormDialogTranslation } from '@/components/form-dialog/messages'
import type { JournalError } from '@/mutations/journal-entry'

const REASONS = {
  network: 'network',
  unauthorized: 'unauthorized',
  'not-found': 'notFound',
  validation: 'validation',
  'rate-limited': 'rateLimited',
  server: 'server',
  'invalid-response': 'invalidResponse',
  http: 'http',
  outcome: 'outcome',
  dependency: 'dependency',
  contract: 'contract',
} as const satisfies Record<JournalError['kind'], string>

type Translate = ReturnType<typeof useFormDialogTranslation>['t']

/** Why a journal entry failed, in the counsellor's words. */
export function describeJournalError(error: JournalError | null, t: Translate): string {
  if (!error) return t('reason.other')
  const key = REASONS[error.kind]
  return key === 'outcome' ? t('reason.outcome', { detail: error.message }) : t(`reason.${key}`)
}

type SubmissionAlertProps = { error: SubmissionError | null }

/** Why the last save did not go through, at the top of the form (announced as an alert). */
export function SubmissionAlert({ error }: SubmissionAlertProps) {
  const { t } = useFormDialogTranslation()
  if (error === null) return null
  if (error.kind === 'fields') {
    return (
      <Alert severity="error">
        <AlertTitle>{t('fieldErrorsTitle')}</AlertTitle>
        {t('fieldErrors', { count: error.count })}
      </Alert>
    )
  }
  if (error.kind === 'unsent') {
    return (
      <Alert severity="error">
        <AlertTitle>{t('notSentTitle')}</AlertTitle>
        {`${describeJournalError(error.error, t)} ${t('notSentKept')}`}
      </Alert>
    )
  }
  return (
    <Alert severity="error">
      <AlertTitle>{t('unexpectedTitle')}</AlertTitle>
      {t('unexpected', { message: error.message })}
    </Alert>
  )
}

type ResubmitNoticeProps = { error: JournalError | null }

/** Above a form opened to correct a failed change: what went wrong the first time. */
export function ResubmitNotice({ error }: ResubmitNoticeProps) {
  const { t } = useFormDialogTranslation()
  return (
    <Alert severity="warning">
      {t('resubmitFailed', { reason: describeJournalError(error, t) })}
    </Alert>
  )
}
