import type { ApiClient } from '@/api/client'
import type * as runtimeModule from '@/mutations/journal-runtime'
import { createEmitter } from '@/mutations/emitter'
import type { EventStreamStatus } from '@/api/events'
import {
  defaultStorage,
  hasStoredJournal,
  isJournalEntryItem,
} from '@/mutations/journal-storage-key'
import type {
  Journal,
  JournalNotice,
  JournalOptions,
  JournalSnapshot,
} from '@/mutations/journal-types'

export type JournalRuntime = typeof runtimeModule

let runtimeLoad: Promise<JournalRuntime> | null = null
let loadedRuntime: JournalRuntime | null = null
const onRuntimeLoaded = new Set<(runtime: JournalRuntime) => void>()

/**
 * Fetches the journal's runtime once. The forms call this on intent (with their own code), so
 * the engine runs and `/events` is open before the first submit.
 */
export function loadJournalRuntime(): Promise<JournalRuntime> {
  runtimeLoad ??= import('@/mutations/journal-runtime').then(
    (runtime) => {
      loadedRuntime = runtime
      for (const callback of onRuntimeLoaded) callback(runtime)
      return runtime
    },
    (error: unknown) => {
      runtimeLoad = null // offline for a moment: the next need tries again
      throw error
    },
  )
  return runtimeLoad
}

/** Wraps a loader of code that submits (a form) so the journal's runtime loads alongside. */
export function withJournalRuntime<T>(load: () => Promise<T>): () => Promise<T> {
  return () => {
    loadJournalRuntime().catch(() => undefined) // the submit itself tries again
    return load()
  }
}

export type LazyJournal = Journal & {
  /** Calls back once this journal's engine exists (at once if it does); returns an unsubscribe. */
  onRuntime: (callback: (runtime: JournalRuntime) => void) => () => void
}

/**
 * The journal as the app holds it: the same `Journal`, but its engine (sending, retries,
 * confirmation by `/events` and polling) is a chunk that loads only when there is work for it —
 * entries in storage (a closed tab's or a failed change), a form opened (`loadJournalRuntime` on
 * intent), a submit, or another tab's write. A counsellor who only reads never downloads it;
 * until it runs, the journal is empty, which is what storage said.
 */
export function createLazyJournal(api: ApiClient, options: JournalOptions = {}): LazyJournal {
  const scope = api.scope
  const storage = options.storage === undefined ? defaultStorage() : options.storage
  const now = options.now ?? (() => Date.now())
  const hadStoredEntries = hasStoredJournal(storage, scope)

  let client = api
  let engine: Journal | null = null
  let isRunning = false
  let idleSnapshot: JournalSnapshot = {
    entries: [],
    storageProblem: null,
    eventsStatus: 'connecting',
    halt: null,
    changedAt: now(),
  }
  const changes = createEmitter()
  const noticeEvents = createEmitter<[JournalNotice]>()
  const checkRequests = createEmitter<[string]>()
  const runtimeEvents = createEmitter<[JournalRuntime]>()
  let stopWatchingOtherTabs: () => void = () => undefined

  const emit = changes.emit

  function attach(runtime: JournalRuntime): Journal {
    if (engine) return engine
    // Which stored entries this tab may send is settled by their locks (journal-ownership.ts).
    const created = runtime.createJournal(client, options)
    engine = created
    created.setEventsStatus(idleSnapshot.eventsStatus)
    created.subscribe(emit)
    created.subscribeNotices(noticeEvents.emit)
    created.subscribeCheckRequests(checkRequests.emit)
    stopWatchingOtherTabs()
    onRuntimeLoaded.delete(attach)
    if (isRunning) created.start()
    emit()
    runtimeEvents.emit(runtime)
    return created
  }

  function ensureEngine(): Promise<Journal> {
    if (engine) return Promise.resolve(engine)
    if (loadedRuntime) return Promise.resolve(attach(loadedRuntime))
    return loadJournalRuntime().then(attach)
  }

  /** Runs `action` on the engine: now if it runs, else once it has loaded. */
  function withEngine(action: (journal: Journal) => void): void {
    if (engine) {
      action(engine)
      return
    }
    ensureEngine().then(action, (error: unknown) => {
      console.error('The journal could not load', error)
    })
  }

  if (hadStoredEntries) withEngine(() => undefined)

  return {
    scope,
    subscribe: changes.subscribe,
    getSnapshot: () => engine?.getSnapshot() ?? idleSnapshot,
    subscribeNotices: noticeEvents.subscribe,
    subscribeCheckRequests: checkRequests.subscribe,
    submit: (input) =>
      engine ? engine.submit(input) : ensureEngine().then((journal) => journal.submit(input)),
    retry: (entryKey) => {
      withEngine((journal) => {
        journal.retry(entryKey)
      })
    },
    discard: (entryKey) => {
      withEngine((journal) => {
        journal.discard(entryKey)
      })
    },
    // Without an engine nothing was submitted, so there is no answer to wait for.
    release: (entryKey) => {
      engine?.release(entryKey)
    },
    resume: () => {
      engine?.resume()
    },
    resubmit: async (entryKey, payload) => (await ensureEngine()).resubmit(entryKey, payload),
    // Without an engine there are no entries: nothing to settle or reconcile.
    applyOutcome: (outcome) => engine?.applyOutcome(outcome) ?? null,
    reconcile: (candidateId, records, fetchedAt) => {
      engine?.reconcile(candidateId, records, fetchedAt)
    },
    setEventsStatus: (status: EventStreamStatus) => {
      if (engine) engine.setEventsStatus(status)
      else if (status !== idleSnapshot.eventsStatus) {
        idleSnapshot = { ...idleSnapshot, eventsStatus: status, changedAt: now() }
        emit()
      }
    },
    setApi: (next) => {
      client = next
      engine?.setApi(next)
    },
    start: () => {
      if (isRunning) return
      isRunning = true
      if (engine) {
        engine.start()
        return
      }
      if (loadedRuntime) {
        attach(loadedRuntime) // loaded for another scope already: nothing left to save
        return
      }
      // A form elsewhere loaded the runtime, or another tab journaled a write: start then.
      onRuntimeLoaded.add(attach)
      stopWatchingOtherTabs = watchOtherTabs(
        storage,
        (item) => isJournalEntryItem(scope, item),
        () => {
          withEngine(() => undefined)
        },
      )
    },
    stop: () => {
      isRunning = false
      onRuntimeLoaded.delete(attach)
      stopWatchingOtherTabs()
      engine?.stop()
    },
    onRuntime: (callback) => {
      const unsubscribe = runtimeEvents.subscribe(callback)
      if (engine && loadedRuntime) callback(loadedRuntime)
      return unsubscribe
    },
  }
}

/** Calls back when another tab stores an entry of this journal (the engine then takes over). */
function watchOtherTabs(
  storage: Storage | null,
  isEntryItem: (item: string | null) => boolean,
  onWrite: () => void,
): () => void {
  if (typeof window === 'undefined' || !storage) return () => undefined
  const handleStorage = (event: StorageEvent) => {
    if (event.storageArea === storage && isEntryItem(event.key) && event.newValue !== null) {
      onWrite()
    }
  }
  window.addEventListener('storage', handleStorage)
  return () => {
    window.removeEventListener('storage', handleStorage)
  }
}
