import type { QueryClient } from '@tanstack/react-query'
import { createContext, use } from 'react'
import type { ApiClient } from '@/api/client'
import type { Journal } from '@/mutations/journal-types'

export type JournalContextValue = {
  journal: Journal
  api: ApiClient
  queryClient: QueryClient
  highlightMs: number
}

export const JournalContext = createContext<JournalContextValue | null>(null)

export function useJournalContext(): JournalContextValue {
  const value = use(JournalContext)
  if (!value) throw new Error('Journal hooks must be used inside <JournalProvider>')
  return value
}
