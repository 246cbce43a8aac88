import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'

/** Not sent, failed or not confirmed: the change waits for the counsellor. */
export function needsAttention(entry: TimelineEntry): boolean {
  return (
    entry.entryKey !== null &&
    (entry.status === 'unsent' || entry.status === 'stale' || entry.status === 'failed')
  )
}

type JournalEntryActionsProps = {
  entry: TimelineEntry
  /** Offer "Retry" / "Check again" (not for a change whose record no longer exists). */
  canRetry: boolean
  onRetry: (key: string) => void
  onDiscard: (key: string) => void
}

/**
 * What a counsellor can do about a change that needs attention: send it again (not sent), look
 * again (not confirmed), or let it go. "Edit & resubmit" arrives with the interaction forms.
 */
export function JournalEntryActions({
  entry,
  canRetry,
  onRetry,
  onDiscard,
}: JournalEntryActionsProps) {
  const { t } = useTranslation()
  const key = entry.entryKey
  if (key === null) return null
  if (!needsAttention(entry)) return null
  return (
    <>
      {canRetry && (
        <Button
          size="small"
          variant="outlined"
          onClick={() => {
            onRetry(key)
          }}
        >
          {entry.status === 'stale'
            ? t('timeline.actions.checkAgain')
            : t('timeline.actions.retry')}
        </Button>
      )}
      <Button
        size="small"
        color="inherit"
        onClick={() => {
          onDiscard(key)
        }}
      >
        {t('timeline.actions.discard')}
      </Button>
    </>
  )
}
