import { useQueryClient } from '@tanstack/react-query'
import { use, useEffect, useState } from 'react'
import type { ApiClient } from '@/api/client'
import { apiKeys } from '@/api/query-options'
import type { ColleagueChange } from '@/mutations/live-changes'
import { JournalContext } from '@/mutations/journal-context'

export type LiveMark = 'created' | 'updated'

export type ColleagueChanges = {
  /** Records changed by someone else while this candidate was open, by record id. */
  marks: ReadonlyMap<string, LiveMark>
  /** The latest such change, for a polite announcement (its `seq` tells repeats apart). */
  last: { operation: ColleagueChange['operation']; count: number; seq: number } | null
}

type State = ColleagueChanges & { candidateId: string }

const NONE: ReadonlyMap<string, LiveMark> = new Map()

/**
 * Live changes for an open candidate: while the page is visible, listens to the scope's
 * `/events` (code loaded once the timeline has shown and the browser is idle) and collects
 * what colleagues changed. The
 * marks last while this candidate stays open; hidden, the tab holds no connection for this and
 * reads the timeline again when it is shown. `isEnabled` is false while the connection is not
 * usable yet or the timeline has not shown its first data.
 */
export function useColleagueChanges(
  api: ApiClient,
  candidateId: string,
  isEnabled: boolean,
): ColleagueChanges {
  const queryClient = useQueryClient()
  const journal = use(JournalContext)?.journal ?? null
  const [state, setState] = useState<State>({ candidateId, marks: NONE, last: null })
  // Another candidate: its marks start empty (React's "reset state on prop change").
  if (state.candidateId !== candidateId) setState({ candidateId, marks: NONE, last: null })

  useEffect(() => {
    if (!isEnabled) return
    let isActive = true
    let stop: () => void = () => undefined
    const handleChange = (change: ColleagueChange) => {
      setState((current) => {
        const marks = new Map(current.marks)
        for (const id of change.recordIds) {
          if (change.operation === 'delete') marks.delete(id)
          // A record first created and then edited while open stays "new".
          else if (marks.get(id) !== 'created')
            marks.set(id, change.operation === 'create' ? 'created' : 'updated')
        }
        const count = Math.max(change.recordIds.length, 1)
        const seq = (current.last?.seq ?? 0) + 1
        return { ...current, marks, last: { operation: change.operation, count, seq } }
      })
    }
    const open = () => {
      import('@/mutations/live-changes').then(
        ({ watchColleagueChanges }) => {
          if (!isActive || isHidden()) return
          stop()
          stop = watchColleagueChanges({
            api,
            queryClient,
            candidateId,
            isKnownKey: (key) =>
              journal?.getSnapshot().entries.some((entry) => entry.key === key) ?? false,
            onChange: handleChange,
          })
        },
        () => undefined, // offline for a moment: the next showing of the page tries again
      )
    }
    const handleVisibility = () => {
      if (isHidden()) {
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
    // After the timeline has painted: the stream's code is not part of showing the page.
    const idle = whenIdle(open)
    document.addEventListener('visibilitychange', handleVisibility)
    return () => {
      idle()
      isActive = false
      document.removeEventListener('visibilitychange', handleVisibility)
      stop()
    }
  }, [api, queryClient, candidateId, isEnabled, journal])

  return state.candidateId === candidateId ? state : { marks: NONE, last: null }
}

const isHidden = () => document.visibilityState === 'hidden'

/** Runs `callback` when the browser is idle (soon after in browsers without idle callbacks). */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 2000 })
    return () => {
      cancelIdleCallback(handle)
    }
  }
  const timer = setTimeout(callback, 0)
  return () => {
    clearTimeout(timer)
  }
}
