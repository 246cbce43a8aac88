import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '@/api/client'
import { isApiError } from '@/api/errors'
import { apiQueries } from '@/api/query-options'
import type { JournalEntry } from '@/mutations/journal-entry'
import type { Journal } from '@/mutations/journal-types'

/**
 * Confirms by re-reading a candidate's interactions (there is no status endpoint upstream).
 * Reads are rate-limited upstream (429 or 500 when hit), so: one read per candidate at a time,
 * backoff ~1 s doubling to 30 s, Retry-After honoured, paused while the tab is hidden, stopped
 * when nothing is queued. Stale entries are checked slowly, even while the stream is open.
 */
export type PollingOptions = {
  pollBaseMs?: number
  pollMaxMs?: number
  staleIntervalMs?: number
}

type Pace = 'fast' | 'slow'
type CandidateState = { delay: number; nextAt: number; isFetching: boolean; keys: Set<string> }

export function startPolling(input: {
  journal: Journal
  api: ApiClient
  queryClient: QueryClient
  options?: PollingOptions
}): () => void {
  const { journal, api, queryClient, options = {} } = input
  const baseMs = options.pollBaseMs ?? 1000
  const maxMs = options.pollMaxMs ?? 30_000
  const staleMs = options.staleIntervalMs ?? 60_000
  const states = new Map<string, CandidateState>()
  // One-off reads asked for by `checkNow`, whatever the pace says.
  const requested = new Set<string>()
  const inFlight = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let isStopped = false
  let lastEventsStatus = journal.getSnapshot().eventsStatus

  const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'

  /** Candidates to re-read, and how eagerly. */
  function wanted(): Map<string, { pace: Pace; keys: string[] }> {
    const isStreamOpen = journal.getSnapshot().eventsStatus === 'open'
    const result = new Map<string, { pace: Pace; keys: string[] }>()
    for (const entry of journal.getSnapshot().entries) {
      const pace = paceOf(entry, isStreamOpen)
      if (pace === null || entry.candidateId === null) continue
      const current = result.get(entry.candidateId)
      result.set(entry.candidateId, {
        pace: current?.pace === 'fast' || pace === 'fast' ? 'fast' : 'slow',
        keys: [...(current?.keys ?? []), entry.key],
      })
    }
    return result
  }

  function tick(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (isStopped || isHidden()) return // `visibilitychange` resumes
    const now = Date.now()
    for (const candidateId of requested) {
      if (inFlight.has(candidateId)) continue
      requested.delete(candidateId)
      const state = states.get(candidateId)
      void check(candidateId, state ?? null, 'fast')
    }
    const want = wanted()
    for (const candidateId of states.keys()) if (!want.has(candidateId)) states.delete(candidateId)
    let nextDue = Number.POSITIVE_INFINITY
    for (const [candidateId, { pace, keys }] of want) {
      const first = pace === 'fast' ? baseMs : staleMs
      let state = states.get(candidateId)
      const hasNewWrite = state !== undefined && keys.some((key) => !state?.keys.has(key))
      if (!state || hasNewWrite) {
        // A new write: start again from the short delay.
        state = { delay: first, nextAt: now + first, isFetching: false, keys: new Set(keys) }
        states.set(candidateId, state)
      }
      state.keys = new Set(keys)
      if (state.isFetching || inFlight.has(candidateId)) continue
      if (state.nextAt <= now) void check(candidateId, state, pace)
      else nextDue = Math.min(nextDue, state.nextAt)
    }
    if (Number.isFinite(nextDue)) timer = setTimeout(tick, Math.max(0, nextDue - now))
  }

  async function check(
    candidateId: string,
    state: CandidateState | null,
    pace: Pace,
  ): Promise<void> {
    inFlight.add(candidateId)
    if (state) state.isFetching = true
    let retryAfterMs = 0
    try {
      // Through the query cache: the timeline shows the fresh data and the cache watcher
      // reconciles it with the journal.
      await queryClient.query({
        ...apiQueries.interactions(api, candidateId),
        staleTime: 0,
        retry: false,
      })
    } catch (error) {
      retryAfterMs = isApiError(error) ? (error.retryAfterMs ?? 0) : 0
    } finally {
      inFlight.delete(candidateId)
      if (state) {
        state.isFetching = false
        const grown = pace === 'fast' ? Math.min(state.delay * 2, maxMs) : staleMs
        state.delay = Math.max(grown, retryAfterMs)
        state.nextAt = Date.now() + state.delay
      }
      if (!isStopped) tick()
    }
  }

  /** Check these candidates now (stream (re)opened, or the counsellor asked). */
  function checkNow(candidateIds: Iterable<string>): void {
    for (const candidateId of candidateIds) requested.add(candidateId)
    tick()
  }

  const unsubscribe = journal.subscribe(() => {
    const status = journal.getSnapshot().eventsStatus
    const hasOpened = status === 'open' && lastEventsStatus !== 'open'
    lastEventsStatus = status
    // Outcomes sent while we were not listening are lost: look once at everything still open.
    if (hasOpened) checkNow(openCandidates(journal.getSnapshot().entries))
    else tick()
  })
  const unsubscribeChecks = journal.subscribeCheckRequests((candidateId) => {
    checkNow([candidateId])
  })
  const handleVisibility = () => {
    tick()
  }
  if (typeof document !== 'undefined')
    document.addEventListener('visibilitychange', handleVisibility)
  tick()

  return () => {
    isStopped = true
    if (timer !== null) clearTimeout(timer)
    unsubscribe()
    unsubscribeChecks()
    if (typeof document !== 'undefined')
      document.removeEventListener('visibilitychange', handleVisibility)
  }
}

function paceOf(entry: JournalEntry, isStreamOpen: boolean): Pace | null {
  if (entry.resource !== 'interaction') return null
  if (entry.phase === 'stale') return 'slow'
  const isWaiting =
    entry.phase === 'queued' || (entry.phase === 'confirmed' && entry.seenAt === null)
  return isWaiting && !isStreamOpen ? 'fast' : null
}

function openCandidates(entries: readonly JournalEntry[]): Set<string> {
  return new Set(
    entries.flatMap((entry) =>
      entry.resource === 'interaction' &&
      entry.candidateId !== null &&
      (entry.phase === 'queued' || entry.phase === 'stale')
        ? [entry.candidateId]
        : [],
    ),
  )
}
