import { useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { ApiIssue } from '@/api/contract'
import { isApiError } from '@/api/errors'
import type { JournalError, PayloadObject } from '@/mutations/journal-entry'
import type { SubmitResult } from '@/mutations/journal-input'
import { createEmitter } from '@/mutations/emitter'
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
  /**
   * The change is journaled (persisted, its request on the way): the dialog leaves the screen
   * now, in the same render that shows the pending card, and keeps its values until the answer.
   */
  onJournaled?: () => void
  /** After `onJournaled`, the answer was a refusal (400) or the change could not be sent. */
  onReturned?: () => void
}

type JournalLike = ReturnType<typeof useJournalContext>['journal']

/**
 * Starts `send` and calls `onJournaled` once the journal holds a change it did not hold before:
 * at once when the journal's engine runs (it persists synchronously), else when its entry shows
 * up. Returns the send's promise and a function that stops watching.
 */
export function watchJournaled<T>(
  journal: JournalLike,
  send: () => Promise<T>,
  onJournaled: (key: string) => void,
): { promise: Promise<T>; stop: () => void } {
  const before = new Set(journal.getSnapshot().entries.map((entry) => entry.key))
  const newEntry = () => journal.getSnapshot().entries.find((entry) => !before.has(entry.key))
  let isDone = false
  let unsubscribe: () => void = () => undefined
  const stop = () => {
    isDone = true
    unsubscribe()
  }
  const check = () => {
    const entry = isDone ? undefined : newEntry()
    if (!entry) return
    stop()
    // One render for the pending card and the dialog leaving: no frame shows one without the other.
    flushSync(() => {
      onJournaled(entry.key)
    })
  }
  unsubscribe = journal.subscribe(check)
  const promise = send()
  check()
  return { promise, stop }
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
  /** Waiting for the journal to take the change (its runtime still loading): "Saving…". */
  const [isPending, setPending] = useState(false)
  /** A submit on its way: a second one (a double click) adds nothing. */
  const isRunning = useRef(false)
  const heldKey = useRef<string | null>(options.resubmitKey ?? null)
  /** Journaled, its answer still out: the form (hidden) is what a 400 comes back to. */
  const awaitedKey = useRef<string | null>(null)
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  // Correcting a change the server refused with a 400 (its form was gone when the answer came,
  // or the page was reloaded): its messages go on the fields they name, as if just answered.
  useEffect(() => {
    const key = latest.current.resubmitKey ?? null
    const entry =
      key === null ? undefined : journal.getSnapshot().entries.find((e) => e.key === key)
    const issues = entry?.error?.kind === 'validation' ? (entry.error.issues ?? []) : []
    if (issues.length === 0) return
    const count = latest.current.onIssues(issues)
    setError({ kind: 'fields', count: Math.max(1, count) })
  }, [journal])
  // The form goes away (its page was left) before the answer: a 400 must then stay in the
  // journal with the typed values and the server's issues, not be handed to a form that is gone.
  useEffect(
    () => () => {
      if (awaitedKey.current !== null) journal.release(awaitedKey.current)
    },
    [journal],
  )

  async function run(payload: Payload, send: () => Promise<SubmitResult>): Promise<void> {
    if (isRunning.current) return
    isRunning.current = true
    // Only when there is one to clear: a state change here would re-render the whole form in
    // the frame that shows the pending card.
    if (error !== null) setError(null)
    const progress = { isJournaled: false }
    let watched: ReturnType<typeof watchJournaled<SubmitResult>>
    try {
      watched = watchJournaled(
        journal,
        () => sendOrReplace(payload, send),
        (key) => {
          progress.isJournaled = true
          awaitedKey.current = key
          latest.current.onJournaled?.()
        },
      )
    } catch (caught) {
      isRunning.current = false
      throw caught
    }
    // Journaled at once (the journal's engine runs): the dialog has left already, nothing to show.
    const isWaiting = !progress.isJournaled
    if (isWaiting) setPending(true)
    const returned = () => {
      // Back on screen before the issues land, so the first field in error can take focus.
      if (progress.isJournaled) flushSync(() => latest.current.onReturned?.())
    }
    try {
      const result = await watched.promise
      if (result.status === 'unsent') {
        heldKey.current = result.key
        const entry = journal.getSnapshot().entries.find((e) => e.key === result.key)
        setError({ kind: 'unsent', error: entry?.error ?? null })
        returned()
        return
      }
      heldKey.current = null
      latest.current.onDone(result, payload)
    } catch (caught) {
      returned()
      if (isApiError(caught) && caught.kind === 'validation') {
        const count = latest.current.onIssues(caught.issues)
        setError({ kind: 'fields', count: Math.max(1, count) })
        return
      }
      setError({
        kind: 'unexpected',
        message: caught instanceof Error ? caught.message : String(caught),
      })
    } finally {
      awaitedKey.current = null
      isRunning.current = false
      watched.stop()
      if (isWaiting) setPending(false)
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
    isPending,
    run,
    clearError: () => {
      setError(null)
    },
  }
}

/** Whether a form dialog is on screen, as a small store its shell reads (see useDialogPresence). */
export type DialogPresence = {
  isOpen: () => boolean
  subscribe: (listener: () => void) => () => void
  /** Journaled: leave the screen (the host keeps the dialog mounted until the answer). */
  onJournaled: () => void
  /** A refusal came back: show the dialog again. */
  onReturned: () => void
}

/**
 * Whether a form dialog is on screen: it leaves once its change is journaled and comes back if
 * the answer is a refusal. A store rather than state of the form, so leaving re-renders only the
 * dialog's shell (`FormDialog`), not every field, in the frame that shows the pending card.
 */
export function useDialogPresence(onJournaled?: () => void): DialogPresence {
  const latest = useRef(onJournaled)
  useEffect(() => {
    latest.current = onJournaled
  })
  const [presence] = useState(() => {
    let isAway = false
    const listeners = createEmitter()
    const set = (away: boolean) => {
      if (isAway === away) return
      isAway = away
      listeners.emit()
    }
    return {
      isOpen: () => !isAway,
      subscribe: listeners.subscribe,
      onJournaled: () => {
        set(true)
        latest.current?.()
      },
      onReturned: () => {
        set(false)
      },
    }
  })
  return presence
}
