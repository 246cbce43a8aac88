import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import { useFormDialogTranslation } from '@/components/form-dialog/messages'

type DraftRestoredAlertProps = {
  draft: { savedAt: number; droppedDates: number }
  onDiscard: () => void
}

/** Says a draft was put back (and which half-typed dates could not be), with "Start over". */
export function DraftRestoredAlert({ draft, onDiscard }: DraftRestoredAlertProps) {
  const { t, i18n } = useFormDialogTranslation()
  return (
    <Alert
      severity="info"
      action={
        <Button color="inherit" size="small" onClick={onDiscard}>
          {t('draft.discard')}
        </Button>
      }
    >
      {t('draft.restored', {
        time: new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', {
          dateStyle: 'medium',
          timeStyle: 'short',
        }).format(draft.savedAt),
      })}
      {draft.droppedDates > 0
        ? ` ${t('draft.restoredDroppedDates', { count: draft.droppedDates })}`
        : ''}
    </Alert>
  )
}
