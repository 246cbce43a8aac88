import '@/mutations/change-reason-strings'
import { isAbortError, isApiError } from '@/api/errors'
import type { ApiClient } from '@/api/client'
import { createEmitter } from '@/mutations/emitter'
import { isResubmittable, isRetryable } from '@/mutations/journal-actions'
import { isBlocked, planDependencies } from '@/mutations/dependencies'
import type { JournalEntry } from '@/mutations/journal-entry'
import {
  buildEntry,
  resubmitInput,
  type SubmitInput,
  type SubmitResult,
  type SubmitStatus,
} from '@/mutations/journal-input'
import { createOwnership, defaultLocks } from '@/mutations/journal-ownership'
import { ackProblem, sendEntry, sendErrorEvent } from '@/mutations/journal-sender'
import {
  createJournalStorage,
  defaultStorage,
  type ExternalChange,
  type JournalHalt,
} from '@/mutations/journal-storage'
import { nextWakeAt, timedEvents, type JournalTiming } from '@/mutations/journal-timing'
import { outcomeEvent, resolvePolicy, transition } from '@/mutations/journal-transition'
import {
  DEFAULT_CONFIRMED_TTL_MS,
  DEFAULT_HIGHLIGHT_MS,
  noticeFor,
  statusOf,
  type Journal,
  type JournalNotice,
  type JournalOptions,
  type JournalSnapshot,
} from '@/mutations/journal-types'
import { planReconcile, type PlannedEvent } from '@/mutations/reconcile'

/**
 * The mutation journal of one scope (environment + region): every write as an entry keyed by
 * its idempotency key, persisted before its request goes out, sent and retried with that same
 * key, and settled by outcome events or by what re-read data shows. `useSyncExternalStore`
 * reads it through `subscribe`/`getSnapshot`.
 */
/** The form's promise for a submit, settled by the first attempt (or a 400 right away). */
type Waiter = {
  /** false once its form is gone (`release`): a 400 then stays in the journal, see `send`. */
  isAttended: boolean
  promise: Promise<SubmitResult>
  resolve: (result: SubmitResult) => void
  reject: (error: unknown) => void
}

function createWaiter(): Waiter {
  let resolve: Waiter['resolve'] = () => undefined
  let reject: Waiter['reject'] = () => undefined
  const promise = new Promise<SubmitResult>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { isAttended: true, promise, resolve, reject }
}

const DISCARDABLE = new Set(['unsent', 'failed', 'stale', 'confirmed'])

const byCreated = (a: JournalEntry, b: JournalEntry) => a.createdAt - b.createdAt
/** The entry shows its change was accepted: a 202 came back, or the engine or the data told. */
const wasAccepted = (entry: JournalEntry) =>
  entry.phase === 'queued' ||
  entry.phase === 'confirmed' ||
  entry.phase === 'stale' ||
  (entry.phase === 'failed' && entry.error?.kind === 'outcome')

/** "Edit & resubmit" of a change that is not (or no longer) failed or safely unsent. */
export class NotResubmittableError extends Error {
  override readonly name = 'NotResubmittableError'
  constructor(readonly key: string) {
    super(
      `This change can no longer be corrected and sent again (${key}): it was retried meanwhile, its outcome is not known yet, or its record is gone.`,
    )
  }
}

export function createJournal(api: ApiClient, options: JournalOptions = {}): Journal {
  const scope = api.scope
  const policy = resolvePolicy(options)
  const timing: JournalTiming = {
    highlightMs: options.highlightMs ?? DEFAULT_HIGHLIGHT_MS,
    confirmedTtlMs: options.confirmedTtlMs ?? DEFAULT_CONFIRMED_TTL_MS,
  }
  const now = options.now ?? (() => Date.now())
  const createKey = options.createKey ?? (() => crypto.randomUUID())
  const store = createJournalStorage(
    scope,
    options.storage === undefined ? defaultStorage() : options.storage,
  )

  let client = api
  let entries: JournalEntry[] = store.load()
  let snapshot: JournalSnapshot = {
    entries,
    storageProblem: null,
    eventsStatus: 'connecting',
    halt: store.loadHalt(),
    changedAt: now(),
  }
  const changes = createEmitter()
  const noticeEvents = createEmitter<[JournalNotice]>()
  const checkRequests = createEmitter<[string]>()
  const inFlight = new Set<string>()
  const waiters = new Map<string, Waiter>()
  /** A resubmit's new key → the entry it replaced, put back if the new payload is refused. */
  const replacing = new Map<string, JournalEntry>()
  const ownership = createOwnership(
    `candidate-timeline:journal:${scope.environment}:${scope.region}`,
    options.locks === undefined ? defaultLocks() : options.locks,
    handleGranted,
  )
  let controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | null = null
  let isRunning = false
  /** Stopped after running (scope left, page closing): nothing more is written to storage. */
  let isStopped = false
  let isPumping = false
  /**
   * Our relay said the session has ended: nothing more is sent from this page. The page that
   * comes back from sign-in sends the held entries (same keys) — after it has read who signed
   * in, so one counsellor's changes never go out under another's session (the scope has the
   * subject; config/connection.tsx).
   */
  let isHeldForSignIn = false
  let stopListening: () => void = () => undefined
  let stopMismatches: () => void = () => undefined

  const find = (key: string) => entries.find((entry) => entry.key === key)

  function emit(next: Partial<JournalSnapshot>): void {
    snapshot = { ...snapshot, ...next, changedAt: now() }
    changes.emit()
  }

  /** Stores what changed, THEN lets go of entries no longer ours to send (see ownership). */
  function commit(next: JournalEntry[]): void {
    entries = next
    // A write answered after the scope was left (and maybe cleared) must not bring it back.
    emit({ entries, storageProblem: isStopped ? snapshot.storageProblem : store.save(entries) })
    for (const key of ownership.claimed()) {
      if (find(key)?.phase !== 'sending' && !inFlight.has(key)) ownership.release(key)
    }
    schedule()
  }

  function setHalt(halt: JournalHalt | null, shouldStore = true): void {
    if (shouldStore) store.saveHalt(halt)
    emit({ halt })
    if (halt) console.error(`[journal] writes stopped for ${scope.environment}: ${halt.message}`)
    pump()
  }

  function haltOnMismatch(error: unknown): void {
    if (snapshot.halt) return
    setHalt({
      reason: 'sandbox-mismatch',
      message: error instanceof Error ? error.message : String(error),
      at: now(),
    })
  }

  function applyEvents(planned: readonly PlannedEvent[]): void {
    let next = entries
    const notices: JournalNotice[] = []
    const at = now()
    const run = (events: readonly PlannedEvent[]): boolean => {
      let hasChanged = false
      for (const { key, event } of events) {
        const index = next.findIndex((entry) => entry.key === key)
        const before = next[index]
        if (!before) continue
        const after = transition(before, event, at, policy)
        if (after === before) continue
        hasChanged = true
        next = after === null ? next.filter((e) => e.key !== key) : next.with(index, after)
        const notice = after ? noticeFor(before, after) : null
        if (notice) notices.push(notice)
      }
      return hasChanged
    }
    run(planned)
    // A confirmation may free (or doom) edits that wait for their create.
    while (run(planDependencies(next))) {
      /* repeat until nothing changes */
    }
    if (next !== entries) commit(next)
    for (const notice of notices) noticeEvents.emit(notice)
    pump()
  }

  function pump(): void {
    if (!isRunning || isPumping || snapshot.halt || isHeldForSignIn) return
    isPumping = true
    try {
      const at = now()
      for (const entry of entries) {
        if (entry.phase !== 'sending' || inFlight.has(entry.key)) continue
        // Only the tab holding the entry's lock sends it; the others wait for their turn.
        if (!ownership.claim(entry.key)) continue
        const isDue = entry.nextAttemptAt === null || entry.nextAttemptAt <= at
        if (isDue && !isBlocked(entry, entries)) void send(entry.key)
      }
    } finally {
      isPumping = false
    }
  }

  /** The lock of `key` is ours now: take the stored version (another tab's news), then act. */
  function handleGranted(key: string): void {
    const stored = store.read(key)
    const mine = find(key)
    if (stored && mine && stored.updatedAt > mine.updatedAt) {
      commit(entries.map((entry) => (entry.key === key ? stored : entry)))
    } else if (stored && !mine) {
      commit([...entries, stored].sort(byCreated))
    } else {
      commit(entries) // lets go again when it is no longer ours to send
    }
    pump()
  }

  async function send(key: string): Promise<void> {
    const signal = controller.signal
    inFlight.add(key)
    const reachedBefore = find(key)?.mayHaveReached ?? false
    applyEvents([{ key, event: { type: 'attempt' } }])
    const entry = find(key)
    if (!entry) {
      inFlight.delete(key)
      return
    }
    try {
      const ack = await sendEntry(client, entry, signal)
      inFlight.delete(key)
      replacing.delete(key)
      const problem = ackProblem(entry, ack)
      if (ack.unreadable) console.warn(`[journal] ${key} accepted, body unreadable`, ack.unreadable)
      if (problem) console.error(`[journal] contract problem on ${key}: ${problem.error.message}`)
      applyEvents([{ key, event: { type: 'accepted', problem: problem?.error ?? null } }])
      if (problem?.haltsWrites) haltOnMismatch(new Error(problem.error.message))
      settle(key, 'accepted')
    } catch (error) {
      inFlight.delete(key)
      // Stopped (scope change, unmount): the entry is persisted as `sending` and goes out on
      // the next start with the same key.
      if (signal.aborted || isAbortError(error)) {
        settle(key, 'retrying')
        pump() // restarted meanwhile (React StrictMode, a quick scope flip): send it again now
        return
      }
      const waiter = waiters.get(key)
      const replaced = replacing.get(key)
      replacing.delete(key)
      if (isApiError(error) && error.kind === 'validation' && waiter?.isAttended) {
        // The form is still open and maps the issues onto its fields: nothing new stays
        // journaled, and a resubmit's original comes back — in the same write.
        waiters.delete(key)
        const rest = entries.filter((e) => e.key !== key)
        commit(replaced && !find(replaced.key) ? [...rest, replaced].sort(byCreated) : rest)
        applyEvents([])
        waiter.reject(error)
        return
      }
      const event = sendErrorEvent(error, reachedBefore)
      if (event.type === 'relay-refused' && event.retry === 'after-sign-in') isHeldForSignIn = true
      applyEvents([{ key, event }])
      const current = find(key)
      // Accepted meanwhile (another tab, or this one, heard the outcome): the form hears that.
      if (current && wasAccepted(current)) settle(key, statusOf(current))
      else settle(key, current?.phase === 'sending' ? 'retrying' : 'unsent')
    }
  }

  function settle(key: string, status: SubmitStatus): void {
    const waiter = waiters.get(key)
    waiters.delete(key)
    waiter?.resolve({ key, status })
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (!isRunning) return
    // Retries only of entries this tab sends: another tab's never wake this one up.
    const isNotMineToSend = (key: string) =>
      inFlight.has(key) || !ownership.owns(key) || snapshot.halt !== null || isHeldForSignIn
    const wakeAt = nextWakeAt(entries, isNotMineToSend, timing)
    if (wakeAt !== null) timer = setTimeout(handleTimer, Math.max(0, wakeAt - now()))
  }

  function handleTimer(): void {
    timer = null
    applyEvents(timedEvents(entries, now(), timing))
    schedule()
  }

  /** Another tab changed the journal: take its news, except where this tab knows better. */
  function handleExternal(change: ExternalChange): void {
    if (change.kind === 'halt') {
      setHalt(change.halt, false)
      return
    }
    const isMineNow = (key: string) =>
      inFlight.has(key) || waiters.has(key) || snapshot.storageProblem !== null
    if (change.kind === 'cleared') {
      commit(entries.filter((entry) => isMineNow(entry.key)))
    } else {
      const mine = find(change.key)
      const theirs = change.entry
      if (theirs === null) {
        if (mine && !isMineNow(mine.key)) commit(entries.filter((e) => e.key !== change.key))
      } else if (!mine) {
        commit([...entries, theirs].sort(byCreated))
      } else if (theirs.updatedAt >= mine.updatedAt) {
        // While this tab's request is out, only news that the change was accepted is taken:
        // anything else would lose what this send knows (its attempt may have reached the
        // upstream). Nor is ours stored back over it: a tab holding the newer version would
        // store its own again, and the two would write back and forth until the answer came.
        // The answer's own write settles it (a late 202 leaves an accepted entry as it is).
        if (!inFlight.has(mine.key) || wasAccepted(theirs)) {
          commit(entries.map((entry) => (entry.key === theirs.key ? theirs : entry)))
        }
      } else {
        commit(entries) // ours is newer: stored again (each such write is newer, so it ends)
      }
    }
    applyEvents([])
  }

  function submit(input: SubmitInput, replaces?: JournalEntry): Promise<SubmitResult> {
    const key = input.key ?? createKey()
    const existing = find(key)
    if (existing) {
      // The same action again (double click): never a second request.
      const waiter = waiters.get(key)
      return waiter ? waiter.promise : Promise.resolve({ key, status: statusOf(existing) })
    }
    const entry = buildEntry(input, scope, key, now())
    const waiter = createWaiter()
    waiters.set(key, waiter)
    if (replaces) replacing.set(key, replaces)
    // Persisted BEFORE the request goes out; a resubmit's original leaves in the same write, so
    // a tab closed in between can never leave both.
    const rest = replaces ? entries.filter((e) => e.key !== replaces.key) : entries
    commit([...rest, entry])
    applyEvents([])
    // Not sent now (it waits for its create, or writes are halted): tell the form so at once.
    // While its lock is on its way, the first attempt answers the form instead.
    if (!inFlight.has(key) && !ownership.isAwaited(key)) {
      const current = find(key)
      settle(key, current ? statusOf(current) : 'settled')
    }
    return waiter.promise
  }

  return {
    scope,
    subscribe: changes.subscribe,
    getSnapshot: () => snapshot,
    subscribeNotices: noticeEvents.subscribe,
    subscribeCheckRequests: checkRequests.subscribe,
    submit,
    retry: (key) => {
      const entry = find(key)
      if (entry?.phase === 'stale' && entry.candidateId !== null) {
        checkRequests.emit(entry.candidateId)
        return
      }
      if (!entry || !isRetryable(entry)) return // e.g. its record no longer exists
      applyEvents([{ key, event: { type: 'retry' } }])
    },
    discard: (key) => {
      const entry = find(key)
      if (!entry || !DISCARDABLE.has(entry.phase)) return
      commit(entries.filter((e) => e.key !== key))
      applyEvents([])
    },
    release: (key) => {
      const waiter = waiters.get(key)
      if (waiter) waiter.isAttended = false
      // Nobody can correct a refused resubmit on a form now: its corrected values stay (unsent,
      // with the issues) rather than the original coming back over them.
      replacing.delete(key)
    },
    resubmit: (key, payload) => {
      const entry = find(key)
      // The same rule as the UI's: not for an edit or delete of a record that no longer exists,
      // nor for a change that may still be applied (retried meanwhile, or outcome unknown).
      if (!entry || !isResubmittable(entry)) {
        return Promise.reject(new NotResubmittableError(key))
      }
      return submit(resubmitInput(entry, payload), entry)
    },
    applyOutcome: (outcome) => {
      const before = find(outcome.idempotencyKey)
      if (!before) return null
      applyEvents([{ key: before.key, event: outcomeEvent(outcome) }])
      return find(before.key) ?? before
    },
    reconcile: (candidateId, records, fetchedAt) => {
      applyEvents(planReconcile(entries, candidateId, records, fetchedAt))
    },
    setEventsStatus: (status) => {
      if (status !== snapshot.eventsStatus) emit({ eventsStatus: status })
    },
    resume: () => {
      if (snapshot.halt) setHalt(null)
    },
    setApi: (next) => {
      // Another scope is another journal: this one's entries never go out under its key.
      if (next.scope.environment !== scope.environment || next.scope.region !== scope.region) {
        console.error('[journal] refused a client of another scope')
        return
      }
      client = next
      if (isRunning) {
        stopMismatches()
        stopMismatches = client.subscribeSandboxMismatch(haltOnMismatch)
      }
    },
    start: () => {
      if (isRunning) return
      isRunning = true
      isStopped = false
      controller = new AbortController()
      stopListening = store.listen(handleExternal)
      stopMismatches = client.subscribeSandboxMismatch(haltOnMismatch)
      applyEvents([]) // entries left `sending` (tab closed mid-request) go out again, same key
      schedule()
    },
    stop: () => {
      isRunning = false
      isStopped = true
      controller.abort()
      stopListening()
      stopMismatches()
      ownership.releaseAll()
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}
