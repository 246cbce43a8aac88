import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '@/api/client'
import { isApiError } from '@/api/errors'
import { apiQueries } from '@/api/query-options'
import { BACKOFF, backoffDelay } from '@/lib/backoff'
import type { JournalEntry } from '@/mutations/journal-entry'
import type { Journal } from '@/mutations/journal-types'

/**
 * Confirms by re-reading a candidate's interactions (there is no status endpoint upstream).
 * Reads are rate-limited upstream (429 or 500 when hit), so: one read per candidate at a time,
 * backoff ~1 s doubling to 30 s, Retry-After honoured, paused while the tab is hidden, stopped
 * when nothing is queued. Stale entries are checked slowly, even while the stream is open, and
 * not forever: 1, 2, 4, 8, 16 minutes apart, then no more until a new change of that candidate,
 * the counsellor's "check again", or the counsellor coming back to the tab (one read each).
 */
export type PollingOptions = {
  pollBaseMs?: number
  pollMaxMs?: number
  /** First delay between checks of a stale change (doubles up to `staleMaxMs`). */
  staleIntervalMs?: number
  staleMaxMs?: number
  /** Automatic checks of a stale change before polling gives up on it. */
  staleMaxChecks?: number
  /** Coming back to the tab re-checks stale changes not read for this long. */
  focusRecheckMs?: number
}

type Pace = 'fast' | 'slow'
type CandidateState = {
  /** Reads at this pace so far: the backoff's attempt number for the next wait. */
  reads: number
  nextAt: number
  isFetching: boolean
  keys: Set<string>
  /** Automatic checks at the slow (stale) pace so far. */
  staleChecks: number
}

/** What the poller uses of the journal. */
export type PolledJournal = Pick<Journal, 'getSnapshot' | 'subscribe' | 'subscribeCheckRequests'>

export function startPolling(input: {
  journal: PolledJournal
  api: ApiClient
  queryClient: QueryClient
  options?: PollingOptions
}): () => void {
  const { journal, api, queryClient, options = {} } = input
  // The `confirmationPolling` and `stalePolling` backoffs (lib/backoff.ts), as the options set.
  const fast = {
    ...BACKOFF.confirmationPolling,
    baseMs: options.pollBaseMs ?? BACKOFF.confirmationPolling.baseMs,
    maxMs: options.pollMaxMs ?? BACKOFF.confirmationPolling.maxMs,
  }
  const slow = {
    ...BACKOFF.stalePolling,
    baseMs: options.staleIntervalMs ?? BACKOFF.stalePolling.baseMs,
    maxMs: options.staleMaxMs ?? BACKOFF.stalePolling.maxMs,
  }
  const staleMaxChecks = options.staleMaxChecks ?? 5
  const focusRecheckMs = options.focusRecheckMs ?? 30_000
  const states = new Map<string, CandidateState>()
  // One-off reads asked for by `checkNow`, whatever the pace says.
  const requested = new Set<string>()
  const inFlight = new Set<string>()
  const lastReadAt = new Map<string, number>()
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
      void check(candidateId, null, 'fast') // one read; the schedule stays as it is
    }
    const want = wanted()
    for (const candidateId of states.keys()) if (!want.has(candidateId)) states.delete(candidateId)
    let nextDue = Number.POSITIVE_INFINITY
    for (const [candidateId, { pace, keys }] of want) {
      let state = states.get(candidateId)
      const hasNewWrite = state !== undefined && keys.some((key) => !state?.keys.has(key))
      if (!state || hasNewWrite) {
        // A new write: start again from the short delay.
        state = {
          reads: 0,
          nextAt: now + backoffDelay(pace === 'fast' ? fast : slow, 0),
          isFetching: false,
          keys: new Set(keys),
          staleChecks: 0,
        }
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
    lastReadAt.set(candidateId, Date.now())
    if (state) state.isFetching = true
    let retryAfterMs: number | null = null
    try {
      // Through the query cache: the timeline shows the fresh data and the cache watcher
      // reconciles it with the journal.
      await queryClient.query({
        ...apiQueries.interactions(api, candidateId),
        staleTime: 0,
        retry: false,
      })
    } catch (error) {
      retryAfterMs = isApiError(error) ? error.retryAfterMs : null
    } finally {
      inFlight.delete(candidateId)
      if (state) {
        state.isFetching = false
        // The first read at the slow pace starts the slow backoff from its beginning.
        if (pace === 'slow') state.staleChecks += 1
        state.reads = pace === 'slow' ? state.staleChecks - 1 : state.reads + 1
        const delay = backoffDelay(pace === 'fast' ? fast : slow, state.reads, { retryAfterMs })
        const hasGivenUp = pace === 'slow' && state.staleChecks >= staleMaxChecks
        state.nextAt = hasGivenUp ? Number.POSITIVE_INFINITY : Date.now() + delay
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
  /** The counsellor is back: look once more at stale changes not read for a while. */
  const handleReturn = () => {
    if (isHidden()) return
    const now = Date.now()
    for (const [candidateId, { pace }] of wanted()) {
      if (pace === 'slow' && now - (lastReadAt.get(candidateId) ?? 0) >= focusRecheckMs)
        requested.add(candidateId)
    }
    tick()
  }
  const hasDocument = typeof document !== 'undefined'
  if (hasDocument) document.addEventListener('visibilitychange', handleReturn)
  if (typeof window !== 'undefined') window.addEventListener('focus', handleReturn)
  tick()

  return () => {
    isStopped = true
    if (timer !== null) clearTimeout(timer)
    unsubscribe()
    unsubscribeChecks()
    if (hasDocument) document.removeEventListener('visibilitychange', handleReturn)
    if (typeof window !== 'undefined') window.removeEventListener('focus', handleReturn)
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
