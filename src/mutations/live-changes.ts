import type { QueryClient } from '@tanstack/react-query'
import type { Operation } from '@/api/contract'
import type { ApiClient } from '@/api/client'
import { subscribeToMutationEvents } from '@/api/events'
import { apiKeys, apiQueries } from '@/api/query-options'
import { addLazyStrings } from '@/lib/i18n'
import { liveEn, liveNl } from '@/lib/locales/live-en'
import { refreshAfterOutcome, rereadInteractions } from '@/mutations/outcome-refresh'
import type { ColleagueChanges, LiveMark } from '@/mutations/use-colleague-changes'

// At import, before any mark or announcement can render.
addLazyStrings({ en: { live: liveEn }, nl: { live: liveNl } })

/** A confirmed change to the open candidate that this tab did not make. */
export type ColleagueChange = { operation: Operation; recordIds: readonly string[] }

export type WatchColleagueChangesInput = {
  api: ApiClient
  queryClient: QueryClient
  candidateId: string
  /** True for an idempotency key this tab's journal holds (its own or its other tabs' work). */
  isKnownKey: (idempotencyKey: string) => boolean
  /** Receives how to update the page's marks and announcement. */
  onChange: (update: (current: ColleagueChanges) => ColleagueChanges) => void
}

/**
 * Listens to the scope's one `/events` stream (shared with the journal's confirmation) for an
 * open timeline: a succeeded outcome with a key this tab does not know is someone else's
 * change. Its data is read again (once, whoever else heard it) and, when it is the open
 * candidate's, reported so the timeline can mark it. A `resync` re-reads the open timeline.
 * Hidden, the tab holds no connection for this; shown again it reconnects and reads the open
 * timeline once. Loaded on demand with the stream's parser: none of it is in the first load.
 */
export function watchColleagueChanges(input: WatchColleagueChangesInput): () => void {
  const { api, queryClient, candidateId } = input
  let stop: () => void = () => undefined
  const open = () => {
    stop()
    stop = subscribe(input)
  }
  const handleVisibility = () => {
    if (document.visibilityState === 'hidden') {
      stop()
      stop = () => undefined
      return
    }
    open()
    // What changed while hidden was not heard: read once (shared with any read under way).
    void queryClient.invalidateQueries(
      { queryKey: apiKeys.interactions(api.scope, candidateId) },
      { cancelRefetch: false },
    )
  }
  if (document.visibilityState !== 'hidden') open()
  document.addEventListener('visibilitychange', handleVisibility)
  return () => {
    document.removeEventListener('visibilitychange', handleVisibility)
    stop()
  }
}

function subscribe({
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
        onChange((current) => withChange(current, { operation: outcome.operation, recordIds }))
      }
    },
    onResync: () => {
      rereadInteractions(queryClient, api, [candidateId])
    },
  })
}

function withChange(current: ColleagueChanges, change: ColleagueChange): ColleagueChanges {
  const marks = new Map<string, LiveMark>(current.marks)
  for (const id of change.recordIds) {
    if (change.operation === 'delete') marks.delete(id)
    // A record first created and then edited while open stays "new".
    else if (marks.get(id) !== 'created')
      marks.set(id, change.operation === 'create' ? 'created' : 'updated')
  }
  const count = Math.max(change.recordIds.length, 1)
  const seq = (current.last?.seq ?? 0) + 1
  return { marks, last: { operation: change.operation, count, seq } }
}
