import Box from '@mui/material/Box'
import { Suspense, lazy, useState } from 'react'
import {
  FormCodeFallback,
  preloadFormCodeFallback,
} from '@/components/form-dialog/form-code-fallback'
import type { InteractionDialogRequest } from '@/features/interaction-forms/interaction-dialog-requests'
import { useInteractionFormsTranslation } from '@/features/interaction-forms/messages'
import { withJournalRuntime } from '@/mutations/lazy-journal'
import { visuallyHidden } from '@/theme/visually-hidden'

// The forms and their date pickers are their own chunks: none of it is in the first page load.
// The journal's runtime comes with them, since a form is what gives it work.
const loadLogDialog = withJournalRuntime(
  () => import('@/features/interaction-forms/log-interactions-dialog'),
)
const loadEditDialog = withJournalRuntime(
  () => import('@/features/interaction-forms/edit-interaction-dialog'),
)
const loadDeleteDialog = withJournalRuntime(
  () => import('@/features/interaction-forms/delete-interaction-dialog'),
)

const LogInteractionsDialog = lazy(() =>
  loadLogDialog().then((module) => ({ default: module.LogInteractionsDialog })),
)
const EditInteractionDialog = lazy(() =>
  loadEditDialog().then((module) => ({ default: module.EditInteractionDialog })),
)
const DeleteInteractionDialog = lazy(() =>
  loadDeleteDialog().then((module) => ({ default: module.DeleteInteractionDialog })),
)

/** Fetches the form code ahead of the first click (on pointer or focus reaching an action). */
export function preloadInteractionForms(): void {
  preloadFormCodeFallback()
  void loadLogDialog()
  void loadEditDialog()
  void loadDeleteDialog()
}

export type InteractionDialogHostProps = {
  candidateId: string
  candidateName?: string
  request: InteractionDialogRequest | null
  onClose: () => void
}

/**
 * Shows the requested interaction dialog (log, edit, delete), loading its code on demand, and
 * tells screen readers what a save did once its dialog has closed.
 */
export function InteractionDialogHost({
  candidateId,
  candidateName,
  request,
  onClose,
}: InteractionDialogHostProps) {
  const { t } = useInteractionFormsTranslation()
  const [announcement, setAnnouncement] = useState('')
  const saved = (message: string) => {
    setAnnouncement(message)
    onClose()
  }
  const title =
    request?.kind === 'log'
      ? request.resubmit
        ? t('resubmit.logTitle')
        : t('log.title')
      : request?.kind === 'edit'
        ? t('edit.title')
        : t('delete.title')
  return (
    <>
      <Box role="status" sx={visuallyHidden}>
        {announcement}
      </Box>
      {request === null ? null : (
        <Suspense fallback={<FormCodeFallback title={title} onClose={onClose} />}>
          {request.kind === 'log' ? (
            <LogInteractionsDialog
              candidateId={candidateId}
              candidateName={candidateName}
              onClose={onClose}
              onSaved={(count) => {
                saved(t('announce.logged', { count }))
              }}
              resubmit={request.resubmit ?? null}
            />
          ) : request.kind === 'edit' ? (
            <EditInteractionDialog
              candidateId={candidateId}
              target={request.target}
              values={request.values}
              onClose={onClose}
              onSaved={() => {
                saved(t('announce.edited'))
              }}
              resubmit={request.resubmit ?? null}
            />
          ) : (
            <DeleteInteractionDialog
              candidateId={candidateId}
              target={request.target}
              values={request.values}
              onClose={onClose}
              onSaved={() => {
                saved(t('announce.deleted'))
              }}
              replaces={request.replaces ?? null}
            />
          )}
        </Suspense>
      )}
    </>
  )
}
