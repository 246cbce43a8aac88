import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useFocusOwner } from '@/components/form-dialog/focus-owner'
import { useFormDialogTranslation } from '@/components/form-dialog/messages'

export type FormLoadingDialogProps = {
  title: string
  onClose: () => void
  /** Set when loading failed: shown instead of the spinner. */
  error?: { title?: string; message: string } | null
  onRetry?: () => void
  isRetrying?: boolean
}

/** The dialog while its form's code or schema is on the way, or why it could not come. */
export function FormLoadingDialog(props: FormLoadingDialogProps) {
  const { title, onClose, error = null, onRetry, isRetrying = false } = props
  const { t } = useFormDialogTranslation()
  const titleId = useId()
  // Its form takes over its opener when it replaces it (focus-owner.ts).
  const rootRef = useFocusOwner(true)
  return (
    <Dialog
      ref={rootRef}
      open
      disableRestoreFocus
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {error ? (
          <Alert severity="error">
            <AlertTitle>{error.title ?? t('loadFailedTitle')}</AlertTitle>
            {error.message}
          </Alert>
        ) : (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 3 }}>
            <CircularProgress size={24} aria-hidden />
            <Typography>{t('loading')}</Typography>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {error && onRetry ? (
          <Button onClick={onRetry} loading={isRetrying}>
            {t('retry')}
          </Button>
        ) : null}
        <Button onClick={onClose} color="inherit">
          {error ? t('close') : t('cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
