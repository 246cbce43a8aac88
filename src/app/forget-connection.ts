import type { QueryClient } from '@tanstack/react-query'
import type { ApiScope } from '@/api/client'
import { ENVIRONMENTS } from '@/api/contract'
import { apiKeys } from '@/api/query-options'
import { forgetDrafts } from '@/components/form-dialog/form-draft'
import { forgetRecentCandidates } from '@/features/candidates/recent-candidates'
import type { ConnectionDataPort } from '@/features/settings/use-connection-form'
import { createJournalStorage, defaultStorage, forgetJournal } from '@/mutations/journal-storage'

/**
 * What this browser keeps per connection holds personal data (names, notes, e-mails): the
 * journal's changes, form drafts, recent candidates and the query cache. When the counsellor
 * leaves an upstream connection in the settings, it goes: both environments of that scope
 * (`region` as `scopeRegion` made it, key fingerprint included).
 */
const scopesOf = (region: string): ApiScope[] =>
  ENVIRONMENTS.map((environment) => ({ environment, region }))

/** Changes of the connection not yet known to be done (sending, queued, unsent, failed, stale). */
export function pendingChangeCount(
  region: string,
  storage: Storage | null = defaultStorage(),
): number {
  return scopesOf(region).reduce((count, scope) => {
    const entries = createJournalStorage(scope, storage).load()
    return count + entries.filter((entry) => entry.phase !== 'confirmed').length
  }, 0)
}

/** Removes the connection's journal, drafts, recent candidates and cached reads. */
export function forgetConnectionData(
  region: string,
  queryClient: QueryClient,
  storage: Storage | null = defaultStorage(),
): void {
  for (const scope of scopesOf(region)) {
    forgetJournal(scope, storage)
    forgetDrafts(scope)
    forgetRecentCandidates(scope)
    queryClient.removeQueries({ queryKey: apiKeys.scope(scope) })
  }
}

/** What the settings page is given to do this (features do not import each other). */
export const connectionData: ConnectionDataPort = {
  pendingChangeCount: (region) => pendingChangeCount(region),
  forget: (region, queryClient) => {
    forgetConnectionData(region, queryClient)
  },
}
