import { useEffect, useRef, useState } from 'react'
import type { ApiIssue } from '@/api/contract'
import { isApiError } from '@/api/errors'
import type { JournalError, PayloadObject } from '@/mutations/journal-entry'
import type { SubmitResult } from '@/mutations/journal-input'
import { useJournalContext } from '@/mutations/journal-context'

export type SubmissionError =
  /** A 400: its issues were put on the fields they name. */
  | { kind: 'fields'; count: number }
  /** The journal could not send it (401, 404, …): the reason, and the form stays open. */
  | { kind: 'unsent'; error: JournalError | null }
  /** Anything else that went wrong on the way. */
  | { kind: 'unexpected'; message: string }

type Payload = readonly PayloadObject[] | PayloadObject

export type FormSubmissionOptions = {
  /** A failed or unsent journal entry this form corrects ("edit & resubmit"). */
  resubmitKey?: string | null
  /** Puts a 400's issues on the form's fields; returns how many landed. */
  onIssues: (issues: readonly ApiIssue[]) => number
  /** The journal holds the change now (accepted, retrying on its own, or waiting its turn). */
  onDone: (result: SubmitResult, payload: Payload) => void
}

/**
 * How a form dialog hands its payload to the mutation journal and reads the outcome. Errors lose
 * nothing: a 400 lands on the fields, anything else is shown on the form with every value kept.
 * A change the journal could not send (e.g. 401) stays in the journal too; saving again replaces
 * that entry (`resubmit`) instead of adding a second copy of the same change.
 */
export function useFormSubmission(options: FormSubmissionOptions) {
  const { journal } = useJournalContext()
  const [error, setError] = useState<SubmissionError | null>(null)
  const heldKey = useRef<string | null>(options.resubmitKey ?? null)
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  async function run(payload: Payload, send: () => Promise<SubmitResult>): Promise<void> {
    setError(null)
    try {
      const result = await sendOrReplace(payload, send)
      if (result.status === 'unsent') {
        heldKey.current = result.key
        const entry = journal.getSnapshot().entries.find((e) => e.key === result.key)
        setError({ kind: 'unsent', error: entry?.error ?? null })
        return
      }
      heldKey.current = null
      latest.current.onDone(result, payload)
    } catch (caught) {
      if (isApiError(caught) && caught.kind === 'validation') {
        const count = latest.current.onIssues(caught.issues)
        setError({ kind: 'fields', count: Math.max(1, count) })
        return
      }
      setError({
        kind: 'unexpected',
        message: caught instanceof Error ? caught.message : String(caught),
      })
    }
  }

  /** Replaces the entry this form already owns when it can, else sends a new change. */
  function sendOrReplace(payload: Payload, send: () => Promise<SubmitResult>) {
    const key = heldKey.current
    const entry =
      key === null ? undefined : journal.getSnapshot().entries.find((e) => e.key === key)
    if (!entry) return send()
    if (entry.phase === 'failed' || entry.phase === 'unsent')
      return journal.resubmit(entry.key, payload)
    // Sent again meanwhile (Retry in the Changes list): that copy is on its way; nothing to add.
    return Promise.resolve<SubmitResult>({ key: entry.key, status: 'accepted' })
  }

  return {
    error,
    run,
    clearError: () => {
      setError(null)
    },
  }
}
