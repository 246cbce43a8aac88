import { useState } from 'react'
import {
  CandidateDialogHost,
  candidateResubmitRequest,
} from '@/features/candidate-forms/candidate-dialog-host'
import { InteractionDialogHost } from '@/features/interaction-forms/interaction-dialog-host'
import { resubmitRequest } from '@/features/interaction-forms/interaction-dialog-requests'
import type { JournalEntry } from '@/mutations/journal-entry'

type ResubmitHostProps = {
  entry: JournalEntry
  onClose: () => void
}

/**
 * "Edit & resubmit" from the sync menu, on any page: the form that matches the failed change
 * (log, edit or delete of an interaction; a new candidate), filled with what was sent.
 */
export function ResubmitHost({ entry, onClose }: ResubmitHostProps) {
  // Read once: the entry leaves the journal when it is resubmitted, the dialog stays meanwhile.
  const [candidateRequest] = useState(() => candidateResubmitRequest(entry))
  const [interactionRequest] = useState(() => resubmitRequest(entry))
  // This host goes when it closes: it closes once the answer came, so a refusal finds its form.
  if (candidateRequest)
    return (
      <CandidateDialogHost
        request={candidateRequest}
        onClose={onClose}
        releaseOnJournaled={false}
      />
    )
  if (interactionRequest && entry.candidateId !== null) {
    return (
      <InteractionDialogHost
        candidateId={entry.candidateId}
        request={interactionRequest}
        onClose={onClose}
        releaseOnJournaled={false}
      />
    )
  }
  return null
}
