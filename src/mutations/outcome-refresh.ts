import type { QueryClient } from '@tanstack/react-query'
import type { MutationOutcome } from '@/api/contract'
import type { ApiClient, ApiScope } from '@/api/client'
import { apiKeys, apiQueries } from '@/api/query-options'

/** Outcomes already acted on: every listener of one stream gets the same parsed object. */
const refreshed = new WeakSet<MutationOutcome>()

/**
 * Refreshes what an outcome changed — that candidate's interactions, or the candidate lists —
 * once per outcome however many listeners heard it (the journal's confirmation and an open
 * timeline both do), so one outcome costs one read, not a read cancelled by a second one.
 */
export function refreshAfterOutcome(
  queryClient: QueryClient,
  scope: ApiScope,
  outcome: MutationOutcome,
): void {
  if (refreshed.has(outcome)) return
  refreshed.add(outcome)
  if (outcome.resource === 'interaction' && outcome.candidateId !== null) {
    void queryClient.invalidateQueries({
      queryKey: apiKeys.interactions(scope, outcome.candidateId),
    })
  } else if (outcome.resource === 'candidate') {
    void queryClient.invalidateQueries({ queryKey: apiKeys.candidates(scope) })
  }
}

/**
 * Reads these candidates' interactions again now, through the cache (so the journal reconciles
 * them and an open timeline shows them). A read already under way is shared, not repeated.
 */
export function rereadInteractions(
  queryClient: QueryClient,
  api: ApiClient,
  candidateIds: Iterable<string>,
): void {
  for (const candidateId of candidateIds) {
    queryClient
      .query({ ...apiQueries.interactions(api, candidateId), staleTime: 0, retry: false })
      .catch(() => undefined) // the timeline shows its own read errors; polling goes on
  }
}
