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
import { mergeExternal } from '@/mutations/journal-merge'
import { sendEntry, sendErrorEvent } from '@/mutations/journal-sender'
import { createJournalStorage, defaultStorage } from '@/mutations/journal-storage'
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
  return { promise, resolve, reject }
}

const DISCARDABLE = new Set(['unsent', 'failed', 'stale', 'confirmed'])

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
    changedAt: now(),
  }
  const changes = createEmitter()
  const noticeEvents = createEmitter<[JournalNotice]>()
  const checkRequests = createEmitter<[string]>()
  const inFlight = new Set<string>()
  const waiters = new Map<string, Waiter>()
  // Entries another tab created after we started: that tab sends them, not us.
  const foreign = new Set<string>(
    options.storedEntriesAreForeign ? entries.map((entry) => entry.key) : [],
  )
  let controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | null = null
  let isRunning = false
  let isPumping = false
  let stopListening: () => void = () => undefined

  const find = (key: string) => entries.find((entry) => entry.key === key)

  function emit(next: Partial<JournalSnapshot>): void {
    snapshot = { ...snapshot, ...next, changedAt: now() }
    changes.emit()
  }

  function commit(next: JournalEntry[], shouldPersist = true): void {
    entries = next
    emit({
      entries,
      storageProblem: shouldPersist ? store.save(entries) : snapshot.storageProblem,
    })
    schedule()
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
    if (!isRunning || isPumping) return
    isPumping = true
    try {
      const at = now()
      for (const entry of entries) {
        const isDue = entry.nextAttemptAt === null || entry.nextAttemptAt <= at
        if (entry.phase !== 'sending' || inFlight.has(entry.key) || foreign.has(entry.key)) continue
        if (isDue && !isBlocked(entry, entries)) void send(entry.key)
      }
    } finally {
      isPumping = false
    }
  }

  async function send(key: string): Promise<void> {
    const signal = controller.signal
    inFlight.add(key)
    applyEvents([{ key, event: { type: 'attempt' } }])
    const entry = find(key)
    if (!entry) {
      inFlight.delete(key)
      return
    }
    try {
      await sendEntry(client, entry, signal)
      inFlight.delete(key)
      applyEvents([{ key, event: { type: 'accepted' } }])
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
      if (isApiError(error) && error.kind === 'validation' && waiter) {
        // The form is still open and maps the issues onto its fields: nothing stays journaled.
        waiters.delete(key)
        commit(entries.filter((e) => e.key !== key))
        applyEvents([])
        waiter.reject(error)
        return
      }
      applyEvents([{ key, event: sendErrorEvent(error) }])
      settle(key, find(key)?.phase === 'sending' ? 'retrying' : 'unsent')
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
    const wakeAt = nextWakeAt(entries, (key) => inFlight.has(key), timing)
    if (wakeAt !== null) timer = setTimeout(handleTimer, Math.max(0, wakeAt - now()))
  }

  function handleTimer(): void {
    timer = null
    applyEvents(timedEvents(entries, now(), timing))
    schedule()
  }

  function handleExternal(stored: JournalEntry[]): void {
    for (const entry of stored) if (!find(entry.key)) foreign.add(entry.key)
    const merged = mergeExternal(
      entries,
      stored,
      (key) => inFlight.has(key) || waiters.has(key) || snapshot.storageProblem !== null,
    )
    commit(merged.entries, !merged.isStoredUpToDate)
    applyEvents([])
  }

  function submit(input: SubmitInput): Promise<SubmitResult> {
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
    commit([...entries, entry]) // persisted BEFORE the request goes out
    applyEvents([])
    if (!inFlight.has(key)) {
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
      foreign.delete(key) // retrying here makes this tab the sender
      applyEvents([{ key, event: { type: 'retry' } }])
    },
    discard: (key) => {
      const entry = find(key)
      if (!entry || !DISCARDABLE.has(entry.phase)) return
      commit(entries.filter((e) => e.key !== key))
      applyEvents([])
    },
    resubmit: async (key, payload) => {
      const entry = find(key)
      // The same rule as the UI's: not for an edit or delete of a record that no longer exists.
      if (!entry || !isResubmittable(entry)) {
        throw new Error(
          `Only a failed or unsent change that can still be made can be resubmitted (${key}).`,
        )
      }
      const result = await submit(resubmitInput(entry, payload))
      // Only now: a 400 on the new payload leaves the old entry (nothing typed is lost).
      commit(entries.filter((e) => e.key !== key))
      return result
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
    setApi: (next) => {
      client = next
    },
    start: () => {
      if (isRunning) return
      isRunning = true
      controller = new AbortController()
      stopListening = store.listen(handleExternal)
      applyEvents([]) // entries left `sending` (tab closed mid-request) go out again, same key
      schedule()
    },
    stop: () => {
      isRunning = false
      controller.abort()
      stopListening()
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}
