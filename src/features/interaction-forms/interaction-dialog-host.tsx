import Box from '@mui/material/Box'
import { Suspense, lazy, memo, useEffect, useRef, useState } from 'react'
import {
  FormCodeFallback,
  preloadFormCodeFallback,
} from '@/components/form-dialog/form-code-fallback'
import type { InteractionDialogRequest } from '@/features/interaction-forms/interaction-dialog-requests'
import { useInteractionFormsTranslation } from '@/features/interaction-forms/messages'
import { useDialogSlots } from '@/components/form-dialog/use-dialog-slots'
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
  /** false: `onClose` only once the answer came (a parent that unmounts the host on close). */
  releaseOnJournaled?: boolean
}

/** What a dialog tells its host; one stable object, so a host re-render leaves the forms alone. */
type SlotActions = {
  close: (item: InteractionDialogRequest) => void
  journaled: (item: InteractionDialogRequest) => void
  saved: (item: InteractionDialogRequest, message: string) => void
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
  releaseOnJournaled = true,
}: InteractionDialogHostProps) {
  const { t } = useInteractionFormsTranslation()
  const [announcement, setAnnouncement] = useState('')
  const { slots, journaled, finish } = useDialogSlots(request, onClose, releaseOnJournaled)
  const latest = useRef({ journaled, finish })
  useEffect(() => {
    latest.current = { journaled, finish }
  })
  // Stable: the host re-renders when a change is journaled (its request is released), in the
  // frame that shows the pending card; the hidden form must not re-render every field then.
  const [actions] = useState<SlotActions>(() => ({
    close: (item) => {
      latest.current.finish(item)
    },
    journaled: (item) => {
      latest.current.journaled(item)
    },
    saved: (item, message) => {
      setAnnouncement(message)
      latest.current.finish(item)
    },
  }))
  const titleOf = (item: InteractionDialogRequest) =>
    item.kind === 'log'
      ? item.resubmit
        ? t('resubmit.logTitle')
        : t('log.title')
      : item.kind === 'edit'
        ? t('edit.title')
        : t('delete.title')

  return (
    <>
      <Box role="status" sx={visuallyHidden}>
        {announcement}
      </Box>
      {/* One keyed list: a journaled dialog keeps its state (hidden) while the next one opens. */}
      {slots.map((slot) => (
        <Suspense
          key={slot.id}
          fallback={
            slot.isCurrent ? (
              <FormCodeFallback title={titleOf(slot.request)} onClose={onClose} />
            ) : null
          }
        >
          <SlotDialog
            request={slot.request}
            candidateId={candidateId}
            candidateName={candidateName}
            actions={actions}
          />
        </Suspense>
      ))}
    </>
  )
}

type SlotDialogProps = {
  request: InteractionDialogRequest
  candidateId: string
  candidateName: string | undefined
  actions: SlotActions
}

/** One dialog of the host, memoised on its request: re-rendered only by its own state. */
const SlotDialog = memo(function SlotDialog({
  request: item,
  candidateId,
  candidateName,
  actions,
}: SlotDialogProps) {
  const { t } = useInteractionFormsTranslation()
  const common = {
    candidateId,
    onClose: () => {
      actions.close(item)
    },
    onJournaled: () => {
      actions.journaled(item)
    },
  }
  if (item.kind === 'log')
    return (
      <LogInteractionsDialog
        {...common}
        candidateName={candidateName}
        onSaved={(count) => {
          actions.saved(item, t('announce.logged', { count }))
        }}
        resubmit={item.resubmit ?? null}
      />
    )
  if (item.kind === 'edit')
    return (
      <EditInteractionDialog
        {...common}
        target={item.target}
        values={item.values}
        onSaved={() => {
          actions.saved(item, t('announce.edited'))
        }}
        resubmit={item.resubmit ?? null}
      />
    )
  return (
    <DeleteInteractionDialog
      {...common}
      target={item.target}
      values={item.values}
      onSaved={() => {
        actions.saved(item, t('announce.deleted'))
      }}
      replaces={item.replaces ?? null}
    />
  )
})
