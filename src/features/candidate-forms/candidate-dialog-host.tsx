import { Suspense, lazy } from 'react'
import {
  FormCodeFallback,
  preloadFormCodeFallback,
} from '@/components/form-dialog/form-code-fallback'
import { createRows } from '@/mutations/entry-payload'
import type { JournalEntry, JournalError, PayloadObject } from '@/mutations/journal-entry'
import { useDialogSlots } from '@/components/form-dialog/use-dialog-slots'
import { useCandidateFormsTranslation } from '@/features/candidate-forms/messages'
import { withJournalRuntime } from '@/mutations/lazy-journal'

// The form and its date pickers are a chunk of their own, fetched on first use (with the
// journal's runtime, which the form gives work).
const loadCreateDialog = withJournalRuntime(
  () => import('@/features/candidate-forms/create-candidate-dialog'),
)
const CreateCandidateDialog = lazy(() =>
  loadCreateDialog().then((module) => ({ default: module.CreateCandidateDialog })),
)

export function preloadCandidateForms(): void {
  preloadFormCodeFallback()
  void loadCreateDialog()
}

export type CandidateDialogRequest = {
  kind: 'create'
  resubmit?: { key: string; payload: PayloadObject; error: JournalError | null }
}

/** "Edit & resubmit" for a failed or unsent candidate create of one candidate; else null. */
export function candidateResubmitRequest(entry: JournalEntry): CandidateDialogRequest | null {
  if (entry.resource !== 'candidate' || entry.operation !== 'create') return null
  const [payload, ...others] = createRows(entry)
  // This form makes one candidate; a batch of several was made elsewhere and is not edited here.
  if (!payload || others.length > 0) return null
  return { kind: 'create', resubmit: { key: entry.key, payload, error: entry.error } }
}

type CandidateDialogHostProps = {
  request: CandidateDialogRequest | null
  onClose: () => void
  /** false: `onClose` only once the answer came (a parent that unmounts the host on close). */
  releaseOnJournaled?: boolean
}

export function CandidateDialogHost(props: CandidateDialogHostProps) {
  const { request, onClose, releaseOnJournaled = true } = props
  const { t } = useCandidateFormsTranslation()
  const { slots, journaled, finish } = useDialogSlots(request, onClose, releaseOnJournaled)
  // One keyed list: a journaled dialog keeps its state (hidden) until its answer comes back.
  return slots.map((slot) => (
    <Suspense
      key={slot.id}
      fallback={
        slot.isCurrent ? (
          <FormCodeFallback
            title={slot.request.resubmit ? t('create.resubmitTitle') : t('create.title')}
            onClose={onClose}
          />
        ) : null
      }
    >
      <CreateCandidateDialog
        onClose={() => {
          finish(slot.request)
        }}
        onJournaled={() => {
          journaled(slot.request)
        }}
        resubmit={slot.request.resubmit ?? null}
      />
    </Suspense>
  ))
}
