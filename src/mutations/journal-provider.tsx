import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { ApiClient } from '@/api/client'
import type { ConfirmationOptions } from '@/mutations/confirmation'
import { createLazyJournal, type LazyJournal } from '@/mutations/lazy-journal'
import { DEFAULT_HIGHLIGHT_MS, type JournalOptions } from '@/mutations/journal-types'
import { JournalContext, type JournalContextValue } from '@/mutations/journal-context'

export type JournalProviderOptions = JournalOptions & ConfirmationOptions

type JournalProviderProps = {
  api: ApiClient
  /**
   * False while the connection cannot be used yet (an upstream without an API key): the journal
   * then sends nothing, does not open `/events` and does not poll. It starts once this is true.
   */
  isConnected?: boolean
  queryClient: QueryClient
  /** Read when the journal for a scope is created (timings, storage, events on/off). */
  options?: JournalProviderOptions
  children: ReactNode
}

type Instance = { scopeKey: string; journal: LazyJournal }

const scopeKeyOf = (api: ApiClient) => `${api.scope.environment}:${api.scope.region}`

/**
 * One journal per environment + region: switching to sandbox (or another region) swaps in that
 * scope's journal, so a sandbox write can never reconcile against production data. Starts the
 * journal (re-sending what a closed tab left `sending`) once the connection is usable — without
 * a key every request would only be refused — and the confirmation adapters once its runtime
 * has loaded (see lazy-journal.ts: only when there is work).
 */
export function JournalProvider({
  api,
  isConnected = true,
  queryClient,
  options,
  children,
}: JournalProviderProps) {
  const scopeKey = scopeKeyOf(api)
  const [frozenOptions] = useState(() => options ?? {})
  const [instance, setInstance] = useState<Instance>(() => ({
    scopeKey,
    journal: createLazyJournal(api, frozenOptions),
  }))
  // Derived from the scope, adjusted during render (React's "reset state on prop change").
  if (instance.scopeKey !== scopeKey) {
    setInstance({ scopeKey, journal: createLazyJournal(api, frozenOptions) })
  }
  const { journal } = instance

  useEffect(() => {
    if (!isConnected) return
    if (journal.scope.environment !== api.scope.environment) return
    if (journal.scope.region !== api.scope.region) return
    journal.setApi(api)
    let stopConfirmation: () => void = () => undefined
    const stopWaiting = journal.onRuntime(({ startConfirmation }) => {
      stopConfirmation = startConfirmation({ journal, api, queryClient, options: frozenOptions })
    })
    journal.start()
    return () => {
      stopWaiting()
      stopConfirmation()
      journal.stop()
    }
  }, [journal, api, isConnected, queryClient, frozenOptions])

  const value = useMemo<JournalContextValue>(
    () => ({
      journal,
      api,
      queryClient,
      highlightMs: frozenOptions.highlightMs ?? DEFAULT_HIGHLIGHT_MS,
    }),
    [journal, api, queryClient, frozenOptions],
  )
  return <JournalContext value={value}>{children}</JournalContext>
}
