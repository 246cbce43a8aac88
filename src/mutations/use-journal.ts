import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import * as z from 'zod/mini'
import type { EventStreamStatus } from '@/api/events'
import { startTransitionAfterPaint } from '@/lib/after-next-paint'
import { apiKeys, apiQueries } from '@/api/query-options'
import type { JournalEntry, PayloadObject } from '@/mutations/journal-entry'
import type { JournalSnapshot } from '@/mutations/journal-types'
import { useJournalContext } from '@/mutations/journal-context'
import type { SubmitResult, WriteTarget } from '@/mutations/journal-input'
import type { ServerRecord } from '@/mutations/matching'
import { overlayInteractions, type TimelineItem } from '@/mutations/overlay'
import type { StorageProblem } from '@/mutations/journal-storage'

export type JournalState = {
  entries: readonly JournalEntry[]
  storageProblem: StorageProblem | null
  eventsStatus: EventStreamStatus
  /** Send an unsent change again (same key); for a stale one: check now. */
  retry: (key: string) => void
  /** Forget an unsent, failed, stale or confirmed change. */
  discard: (key: string) => void
  /** Edit & resubmit a failed or unsent change: a NEW key; rejects with a 400 ApiError. */
  resubmit: (
    key: string,
    payload: readonly PayloadObject[] | PayloadObject,
  ) => Promise<SubmitResult>
}

export function useJournalSnapshot(): JournalSnapshot {
  const { journal } = useJournalContext()
  return useSyncExternalStore(journal.subscribe, journal.getSnapshot, journal.getSnapshot)
}

/**
 * One entry of the journal (undefined when there is none or `key` is null). Re-renders only
 * when that entry changes: a card's actions read their own change, so a new pending card does
 * not re-render the actions of every other card.
 */
export function useJournalEntry(key: string | null): JournalEntry | undefined {
  const { journal } = useJournalContext()
  const read = () =>
    key === null ? undefined : journal.getSnapshot().entries.find((entry) => entry.key === key)
  return useSyncExternalStore(journal.subscribe, read, read)
}

export function useJournal(): JournalState {
  const { journal } = useJournalContext()
  const snapshot = useJournalSnapshot()
  return {
    entries: snapshot.entries,
    storageProblem: snapshot.storageProblem,
    eventsStatus: snapshot.eventsStatus,
    retry: journal.retry,
    discard: journal.discard,
    resubmit: journal.resubmit,
  }
}

/** The candidate's timeline: server records ⊕ pending changes (derived, never cached). */
export function useCandidateOverlay(
  candidateId: string,
  serverRecords: readonly ServerRecord[] | undefined,
): TimelineItem[] {
  const { highlightMs } = useJournalContext()
  const { entries, changedAt } = useJournalSnapshot()
  return useMemo(
    () =>
      overlayInteractions(
        serverRecords ?? [],
        entries.filter((entry) => entry.candidateId === candidateId),
        changedAt,
        highlightMs,
      ),
    [serverRecords, entries, candidateId, changedAt, highlightMs],
  )
}

export type Submitter<Args extends unknown[]> = {
  /** Resolves once the server accepted (202) or the journal took over retrying; rejects with
   * the 400 `ApiError` (its `issues` point at the fields). A second call while one is running
   * returns the same promise: a double click is one request. */
  submit: (...args: Args) => Promise<SubmitResult>
  isSubmitting: boolean
}

function useSubmitter<Args extends unknown[]>(
  run: (key: string, ...args: Args) => Promise<SubmitResult>,
): Submitter<Args> {
  const [isSubmitting, setIsSubmitting] = useState(false)
  const running = useRef<Promise<SubmitResult> | null>(null)
  const submit = useCallback(
    (...args: Args) => {
      if (running.current) return running.current
      const promise = run(crypto.randomUUID(), ...args).finally(() => {
        running.current = null
        setIsSubmitting(false)
      })
      running.current = promise
      // Not urgent: the journal's entry (and the pending card) is what this click must show
      // first; a form re-rendering for "submitting" would delay that frame.
      startTransitionAfterPaint(() => {
        if (running.current === promise) setIsSubmitting(true)
      })
      return promise
    },
    [run],
  )
  return { submit, isSubmitting }
}

const idsSchema = z.array(z.looseObject({ id: z.string() }))

export type CreateExtras = { schemaVersion?: string | null }

/** Log 1–10 interactions for a candidate in one write. */
export function useSubmitInteractions(
  candidateId: string,
): Submitter<[payloads: readonly PayloadObject[], extras?: CreateExtras]> {
  const { journal, api, queryClient } = useJournalContext()
  const run = useCallback(
    async (key: string, payloads: readonly PayloadObject[], extras?: CreateExtras) => {
      // Which records existed before: only records outside this list can be ours.
      const cached = idsSchema.safeParse(
        queryClient.getQueryData(apiKeys.interactions(api.scope, candidateId)),
      )
      let baselineIds: string[] | null = cached.success ? cached.data.map((r) => r.id) : null
      if (!baselineIds) {
        baselineIds = await queryClient
          .query({ ...apiQueries.interactions(api, candidateId), retry: false })
          .then((records) => records.map((record) => record.id))
          .catch(() => null) // unknown: then only the outcome event can confirm it
      }
      return journal.submit({
        key,
        resource: 'interaction',
        operation: 'create',
        candidateId,
        payload: payloads,
        baselineIds,
        schemaVersion: extras?.schemaVersion ?? null,
      })
    },
    [journal, api, queryClient, candidateId],
  )
  return useSubmitter(run)
}

export type UpdateInput = {
  target: WriteTarget
  /** Only the fields the counsellor changed (PATCH semantics). */
  patch: PayloadObject
  previous: PayloadObject | null
  schemaVersion?: string | null
}

export function useUpdateInteraction(candidateId: string): Submitter<[input: UpdateInput]> {
  const { journal } = useJournalContext()
  const run = useCallback(
    (key: string, input: UpdateInput) =>
      journal.submit({
        key,
        resource: 'interaction',
        operation: 'update',
        candidateId,
        target: input.target,
        payload: input.patch,
        previous: input.previous,
        schemaVersion: input.schemaVersion ?? null,
      }),
    [journal, candidateId],
  )
  return useSubmitter(run)
}

export type DeleteInput = { target: WriteTarget; previous: PayloadObject | null }

export function useDeleteInteraction(candidateId: string): Submitter<[input: DeleteInput]> {
  const { journal, api, queryClient } = useJournalContext()
  const run = useCallback(
    (key: string, input: DeleteInput) => {
      // What the list showed: in a full list (the API lists the newest 100) only a record it
      // showed proves its deletion by being missing; older ones are never in it.
      const cached = idsSchema.safeParse(
        queryClient.getQueryData(apiKeys.interactions(api.scope, candidateId)),
      )
      return journal.submit({
        key,
        resource: 'interaction',
        operation: 'delete',
        candidateId,
        target: input.target,
        previous: input.previous,
        baselineIds: cached.success ? cached.data.map((record) => record.id) : null,
      })
    },
    [journal, api, queryClient, candidateId],
  )
  return useSubmitter(run)
}

/** Create 1–10 candidates (each may carry inline interactions) in one write. */
export function useCreateCandidate(): Submitter<
  [payloads: readonly PayloadObject[], extras?: CreateExtras]
> {
  const { journal } = useJournalContext()
  const run = useCallback(
    (key: string, payloads: readonly PayloadObject[], extras?: CreateExtras) =>
      journal.submit({
        key,
        resource: 'candidate',
        operation: 'create',
        candidateId: null,
        payload: payloads,
        baselineIds: [],
        schemaVersion: extras?.schemaVersion ?? null,
      }),
    [journal],
  )
  return useSubmitter(run)
}
