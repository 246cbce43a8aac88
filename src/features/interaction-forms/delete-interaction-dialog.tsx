import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import { useTheme } from '@mui/material/styles'
import { useId, useRef, useState, useSyncExternalStore } from 'react'
import { useFocusOwner } from '@/components/form-dialog/focus-owner'
import { leavingButtonProps, leftDialogStyle } from '@/components/form-dialog/leaving-dialog'
import { ResubmitNotice, SubmissionAlert } from '@/components/form-dialog/submission-alert'
import {
  useDialogPresence,
  watchJournaled,
  type SubmissionError,
} from '@/components/form-dialog/use-form-submission'
import { flushSync } from 'react-dom'
import type { JournalError, PayloadObject } from '@/mutations/journal-entry'
import type { WriteTarget } from '@/mutations/journal-input'
import { useJournalContext } from '@/mutations/journal-context'
import { useDeleteInteraction } from '@/mutations/use-journal'
import { describeInteraction } from '@/features/interaction-forms/describe-interaction'
import { useInteractionDialogTranslation } from '@/features/interaction-forms/dialog-messages'

export type DeleteInteractionDialogProps = {
  candidateId: string
  target: WriteTarget
  /** The interaction as shown: names it in the question and is kept as "previous". */
  values: PayloadObject
  onClose: () => void
  /** The journal holds the delete now (the dialog is done); default: onClose. */
  onSaved?: () => void
  /** Journaled, the dialog left the screen: keep it mounted until `onSaved` or `onClose`. */
  onJournaled?: () => void
  /** A failed or unsent delete of this interaction that this one replaces, and why it failed. */
  replaces?: { key: string; error: JournalError | null } | null
}

/**
 * "Delete this interaction?": says it is permanent, names the interaction by type and date, and
 * starts on Cancel so an Enter pressed out of habit deletes nothing.
 */
export function DeleteInteractionDialog(props: DeleteInteractionDialogProps) {
  const { candidateId, target, values, onClose, onSaved, replaces = null } = props
  const { t, i18n } = useInteractionDialogTranslation()
  const { journal } = useJournalContext()
  const { submit, isSubmitting } = useDeleteInteraction(candidateId)
  const [error, setError] = useState<SubmissionError | null>(null)
  const presence = useDialogPresence(props.onJournaled)
  const isPresent = useSyncExternalStore(presence.subscribe, presence.isOpen)
  const rootRef = useFocusOwner(isPresent)
  const held = useRef<string | null>(replaces?.key ?? null)
  const theme = useTheme()
  const titleId = useId()
  const bodyId = useId()
  const { types, date } = describeInteraction(values, i18n.resolvedLanguage ?? 'en')

  const handleDelete = async () => {
    setError(null)
    // Replaces the earlier attempt instead of queueing a second delete beside it.
    if (held.current !== null) journal.discard(held.current)
    held.current = null
    let isJournaled = false
    // Gone from the screen as soon as the journal holds the delete; back if it cannot be sent.
    const watched = watchJournaled(
      journal,
      () => submit({ target, previous: values }),
      () => {
        isJournaled = true
        presence.onJournaled()
      },
    )
    const returned = () => {
      if (isJournaled) flushSync(presence.onReturned)
    }
    try {
      const result = await watched.promise
      if (result.status === 'unsent') {
        held.current = result.key
        const entry = journal.getSnapshot().entries.find((e) => e.key === result.key)
        returned()
        setError({ kind: 'unsent', error: entry?.error ?? null })
        return
      }
      if (onSaved) onSaved()
      else onClose()
    } catch (caught) {
      returned()
      setError({
        kind: 'unexpected',
        message: caught instanceof Error ? caught.message : String(caught),
      })
    } finally {
      watched.stop()
    }
  }

  return (
    <Dialog
      ref={rootRef}
      open={isPresent}
      keepMounted
      style={leftDialogStyle(isPresent)}
      // Focus goes back to the opener after the next paint (focus-owner.ts), not in this render.
      disableRestoreFocus
      transitionDuration={{ enter: theme.transitions.duration.enteringScreen, exit: 0 }}
      onClose={() => {
        if (!isSubmitting) onClose()
      }}
      maxWidth="xs"
      fullWidth
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      slotProps={{ paper: { role: 'alertdialog' } }}
    >
      <DialogTitle id={titleId}>{t('delete.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={bodyId}>
          {date ? t('delete.body', { types, date }) : t('delete.bodyNoDate', { types })}
        </DialogContentText>
        {replaces || error ? (
          <Box sx={{ display: 'grid', gap: 1, mt: 2 }}>
            {replaces ? <ResubmitNotice error={replaces.error} /> : null}
            <SubmissionAlert error={error} />
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        {/* The product asks for exactly this: a destructive confirmation starts on the safe
            choice (WAI-ARIA's alertdialog pattern), so a reflexive Enter deletes nothing. */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <Button autoFocus onClick={onClose} disabled={isSubmitting} color="inherit">
          {t('delete.cancel')}
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={() => void handleDelete()}
          loading={isSubmitting}
          loadingPosition="start"
          {...leavingButtonProps}
        >
          {isSubmitting ? t('delete.deleting') : t('delete.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
