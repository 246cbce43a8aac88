import type { QueryClient } from '@tanstack/react-query'
import * as z from 'zod/mini'
import type { MutationOutcome } from '@/api/contract'
import type { ApiClient, ApiScope } from '@/api/client'
import { subscribeToMutationEvents } from '@/api/events'
import { apiKeys } from '@/api/query-options'
import type { JournalEntry } from '@/mutations/journal-entry'
import type { Journal } from '@/mutations/journal-types'
import { refreshAfterOutcome, rereadInteractions } from '@/mutations/outcome-refresh'
import { startPolling, type PollingOptions } from '@/mutations/polling'

/**
 * The journal learns outcomes two ways and does not care which one told it (the "events port"):
 * the `/events` stream, and re-reading interactions (the poller, while the stream is not open).
 * Whatever reads interactions into the query cache — the timeline itself or the poller — is
 * reconciled against the journal, so a refetch for any reason can confirm a write.
 */
export type ConfirmationOptions = PollingOptions & {
  /** Off = never open `/events` (tests, or a relay without it): polling does all the work. */
  isEventsEnabled?: boolean
}

export type ConfirmationInput = {
  journal: Journal
  api: ApiClient
  queryClient: QueryClient
  options?: ConfirmationOptions
}

export function startConfirmation({
  journal,
  api,
  queryClient,
  options = {},
}: ConfirmationInput): () => void {
  let isStopped = false
  let stopEvents: () => void = () => undefined
  const stopWatching = watchInteractionQueries(journal, queryClient, api.scope)
  const stopPolling = startPolling({ journal, api, queryClient, options })

  if (options.isEventsEnabled === false) {
    journal.setEventsStatus('unavailable')
  } else {
    // Shared with an open timeline's live changes: one stream per scope (src/api/events.ts).
    stopEvents = subscribeToMutationEvents(api, {
      onOutcome: (outcome) => {
        handleOutcome(journal, queryClient, api.scope, outcome)
      },
      onResync: () => {
        // Outcomes were missed and cannot be replayed: look at everything still waiting.
        rereadInteractions(queryClient, api, waitingCandidates(journal.getSnapshot().entries))
      },
      onStatus: (status) => {
        if (!isStopped) journal.setEventsStatus(status)
      },
    })
  }

  return () => {
    isStopped = true
    stopEvents()
    stopPolling()
    stopWatching()
  }
}

/** Settles the entry, then refreshes what the outcome changed (also for other people's writes). */
export function handleOutcome(
  journal: Journal,
  queryClient: QueryClient,
  scope: ApiScope,
  outcome: MutationOutcome,
): void {
  journal.applyOutcome(outcome)
  refreshAfterOutcome(queryClient, scope, outcome)
}

/** Candidates with a change whose outcome this tab has not seen in the data yet. */
function waitingCandidates(entries: readonly JournalEntry[]): Set<string> {
  const ids = new Set<string>()
  for (const entry of entries) {
    const isWaiting =
      entry.phase === 'queued' ||
      entry.phase === 'stale' ||
      (entry.phase === 'confirmed' && entry.seenAt === null)
    if (entry.resource === 'interaction' && entry.candidateId !== null && isWaiting)
      ids.add(entry.candidateId)
  }
  return ids
}

type CachedQuery = {
  queryKey: readonly unknown[]
  state: { data: unknown; dataUpdatedAt: number }
}

const recordsSchema = z.array(z.looseObject({ id: z.string().check(z.minLength(1)) }))

/** Feeds every successful interactions read of this scope into `journal.reconcile`. */
export function watchInteractionQueries(
  journal: Journal,
  queryClient: QueryClient,
  scope: ApiScope,
): () => void {
  // Recognise the key by its factory, with a marker where the candidate id goes.
  const marker = '\u0000candidate'
  const template: readonly unknown[] = apiKeys.interactions(scope, marker)
  const idIndex = template.indexOf(marker)
  const candidateOf = (key: readonly unknown[]): string | null => {
    if (key.length !== template.length) return null
    const id = key[idIndex]
    const isMatch = template.every((part, index) => index === idIndex || part === key[index])
    return isMatch && typeof id === 'string' ? id : null
  }

  const reconcile = (query: CachedQuery) => {
    const candidateId = candidateOf(query.queryKey)
    if (candidateId === null) return
    const records = recordsSchema.safeParse(query.state.data)
    if (records.success) journal.reconcile(candidateId, records.data, query.state.dataUpdatedAt)
  }

  const cache = queryClient.getQueryCache()
  for (const query of cache.getAll()) reconcile(query)
  return cache.subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success') reconcile(event.query)
  })
}
