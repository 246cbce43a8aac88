import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import { registerSyncPanelMessages } from '@/features/sync/panel-messages'
import { useSyncTranslation } from '@/features/sync/use-sync-translation'
import { useJournalContext } from '@/mutations/journal-context'

// At import: the alert's strings come with its chunk (it loads only when writes are halted).
registerSyncPanelMessages()

/** Under the app bar on every page while the journal's writes are stopped, with the way out. */
export function JournalHaltAlert() {
  const { t } = useSyncTranslation()
  const { journal } = useJournalContext()
  return (
    <Alert
      severity="error"
      square
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => {
            journal.resume()
          }}
        >
          {t('halt.resume')}
        </Button>
      }
    >
      <AlertTitle>{t('halt.title')}</AlertTitle>
      {t('halt.sandboxMismatch')}
    </Alert>
  )
}
