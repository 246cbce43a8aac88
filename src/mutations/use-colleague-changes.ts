import { useQueryClient } from '@tanstack/react-query'
import { use, useEffect, useState } from 'react'
import type { ApiClient } from '@/api/client'
import type { Operation } from '@/api/contract'
import { JournalContext } from '@/mutations/journal-context'

export type LiveMark = 'created' | 'updated'

export type ColleagueChanges = {
  /** Records changed by someone else while this candidate was open, by record id. */
  marks: ReadonlyMap<string, LiveMark>
  /** The latest such change, for a polite announcement (its `seq` tells repeats apart). */
  last: { operation: Operation; count: number; seq: number } | null
}

const NONE: ColleagueChanges = { marks: new Map(), last: null }

/**
 * Colleagues' changes to an open candidate, live (decision 0069): once the timeline has shown
 * and the browser is idle, loads `live-changes.ts`, which listens while the tab is visible. The
 * marks last while this candidate stays open. `isEnabled` is false while the connection is not
 * usable yet or the timeline has no data yet.
 */
export function useColleagueChanges(
  api: ApiClient,
  candidateId: string,
  isEnabled: boolean,
): ColleagueChanges {
  const queryClient = useQueryClient()
  const journal = use(JournalContext)?.journal ?? null
  const [state, setState] = useState({ candidateId, changes: NONE })
  // Another candidate: its marks start empty (React's "reset state on prop change").
  if (state.candidateId !== candidateId) setState({ candidateId, changes: NONE })

  useEffect(() => {
    if (!isEnabled) return
    let stop: (() => void) | null = null
    const start = () => {
      void import('@/mutations/live-changes').then(({ watchColleagueChanges }) => {
        stop ??= watchColleagueChanges({
          api,
          queryClient,
          candidateId,
          isKnownKey: (key) =>
            journal?.getSnapshot().entries.some((entry) => entry.key === key) ?? false,
          onChange: (update) => {
            setState((current) => ({ ...current, changes: update(current.changes) }))
          },
        })
      })
    }
    // Not part of showing the page: after the timeline painted, when the browser is idle.
    let cancel: () => void
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(start, { timeout: 2000 })
      cancel = () => {
        cancelIdleCallback(handle)
      }
    } else {
      const timer = setTimeout(start, 0)
      cancel = () => {
        clearTimeout(timer)
      }
    }
    return () => {
      cancel()
      stop?.()
      stop = () => undefined // a late import does not start after the page left
    }
  }, [api, queryClient, candidateId, isEnabled, journal])

  return state.candidateId === candidateId ? state.changes : NONE
}
