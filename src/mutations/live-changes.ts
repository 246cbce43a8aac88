import type { QueryClient } from '@tanstack/react-query'
import type { Operation } from '@/api/contract'
import type { ApiClient } from '@/api/client'
import { subscribeToMutationEvents } from '@/api/events'
import { apiQueries } from '@/api/query-options'
import { refreshAfterOutcome, rereadInteractions } from '@/mutations/outcome-refresh'

/** A confirmed change to the open candidate that this tab did not make. */
export type ColleagueChange = { operation: Operation; recordIds: readonly string[] }

export type WatchColleagueChangesInput = {
  api: ApiClient
  queryClient: QueryClient
  candidateId: string
  /** True for an idempotency key this tab's journal holds (its own or its other tabs' work). */
  isKnownKey: (idempotencyKey: string) => boolean
  onChange: (change: ColleagueChange) => void
}

/**
 * Listens to the scope's one `/events` stream (shared with the journal's confirmation) for an
 * open timeline: a succeeded outcome with a key this tab does not know is someone else's
 * change. Its data is read again (once, whoever else heard it) and, when it is the open
 * candidate's, reported so the timeline can mark it. A `resync` re-reads the open timeline.
 * Loaded on demand with the stream's parser, so none of it is in the first load.
 */
export function watchColleagueChanges({
  api,
  queryClient,
  candidateId,
  isKnownKey,
  onChange,
}: WatchColleagueChangesInput): () => void {
  return subscribeToMutationEvents(api, {
    onOutcome: (outcome) => {
      // A failed outcome changed no data; this tab's own outcomes are the journal's to settle.
      if (outcome.status !== 'succeeded' || isKnownKey(outcome.idempotencyKey)) return
      const isOpen = outcome.resource === 'interaction' && outcome.candidateId === candidateId
      // A record already on screen is not new to this tab (a replayed outcome of its own).
      const shown = isOpen
        ? queryClient.getQueryData(apiQueries.interactions(api, candidateId).queryKey)
        : undefined
      const recordIds =
        outcome.operation === 'create' && shown
          ? outcome.recordIds.filter((id) => !shown.some((record) => record.id === id))
          : outcome.recordIds
      refreshAfterOutcome(queryClient, api.scope, outcome)
      if (isOpen && (recordIds.length > 0 || outcome.operation === 'delete')) {
        onChange({ operation: outcome.operation, recordIds })
      }
    },
    onResync: () => {
      rereadInteractions(queryClient, api, [candidateId])
    },
  })
}
