import { QueryClient } from '@tanstack/react-query'
import { createApiClient, type ApiClient } from '@/api/client'
import { startConfirmation, type ConfirmationOptions } from '@/mutations/confirmation'
import { createJournal } from '@/mutations/journal'
import type { Journal, JournalNotice, JournalOptions } from '@/mutations/journal-types'
import { buildEntry, type SubmitInput } from '@/mutations/journal-input'
import type { JournalEntry } from '@/mutations/journal-entry'
import { journalEntryItemKey } from '@/mutations/journal-storage-key'
import type { LockManagerLike } from '@/mutations/journal-ownership'

/**
 * Shared by the journal's tests (never imported by app code): entries for the pure unit tests,
 * an in-memory Storage, and a started journal rig for the tests against the mock backend.
 */
export const TEST_SCOPE = { environment: 'production', region: 'utrecht' } as const

export function makeEntry(
  changes: Partial<JournalEntry> = {},
  input: Partial<SubmitInput> = {},
): JournalEntry {
  const base = buildEntry(
    {
      resource: 'interaction',
      operation: 'create',
      candidateId: 'cand-1',
      payload: [{ type: ['Telefonisch'], performedAt: '2026-03-09T14:30:00+01:00' }],
      baselineIds: ['rec-old'],
      ...input,
    },
    TEST_SCOPE,
    changes.key ?? 'key-1',
    changes.createdAt ?? 1000,
  )
  return { ...base, ...changes }
}

/** An in-memory `Storage` (node tests have none); `failWith` makes every write throw. */
export class MemoryStorage implements Storage {
  #items = new Map<string, string>()
  failWith: 'quota' | 'security' | null = null

  get length(): number {
    return this.#items.size
  }
  clear(): void {
    this.#items.clear()
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null
  }
  removeItem(key: string): void {
    this.#items.delete(key)
  }
  setItem(key: string, value: string): void {
    if (this.failWith === 'quota') throw new DOMException('full', 'QuotaExceededError')
    if (this.failWith === 'security') throw new DOMException('denied', 'SecurityError')
    this.#items.set(key, value)
  }
}

/**
 * One origin's `localStorage` as several tabs see it: one set of items, and for every change
 * the `storage` event a browser sends the OTHER tabs, later (a task), carrying the value written
 * then — which may be stale by the time it is handled. Like a browser, writing the value an
 * item already holds, or removing an item that is not there, changes nothing and sends nothing.
 */
export class TabStorageHub {
  readonly items = new Map<string, string>()
  readonly #tabs: TabStorage[] = []
  /** Every write and removal by any tab, in order (what a test counts). */
  readonly writes: { tab: number; key: string; value: string | null }[] = []
  constructor(readonly events: EventTarget) {}

  storageFor(tab: number): TabStorage {
    this.#tabs[tab] ??= new TabStorage(this, tab)
    return this.#tabs[tab]
  }

  change(from: number, key: string, value: string | null): void {
    if ((this.items.get(key) ?? null) === value) return
    if (value === null) this.items.delete(key)
    else this.items.set(key, value)
    this.writes.push({ tab: from, key, value })
    for (const storage of this.#tabs) {
      if (storage.tab === from) continue
      setTimeout(() => {
        this.events.dispatchEvent(
          Object.assign(new Event('storage'), { key, newValue: value, storageArea: storage }),
        )
      }, 0)
    }
  }
}

/** One tab's `localStorage` on a {@link TabStorageHub}. */
export class TabStorage extends MemoryStorage {
  constructor(
    private readonly hub: TabStorageHub,
    readonly tab: number,
  ) {
    super()
  }
  override get length(): number {
    return this.hub.items.size
  }
  override clear(): void {
    for (const key of [...this.hub.items.keys()]) this.hub.change(this.tab, key, null)
  }
  override getItem(key: string): string | null {
    return this.hub.items.get(key) ?? null
  }
  override key(index: number): string | null {
    return [...this.hub.items.keys()][index] ?? null
  }
  override setItem(key: string, value: string): void {
    super.setItem(key, value) // throws like a full or blocked storage when told to
    this.hub.change(this.tab, key, value)
  }
  override removeItem(key: string): void {
    this.hub.change(this.tab, key, null)
  }
}

/** Puts entries in storage as a tab (or a closed one) would have left them. */
export function storeEntries(storage: Storage, entries: readonly JournalEntry[]): void {
  for (const entry of entries) {
    storage.setItem(journalEntryItemKey(entry.scope, entry.key), JSON.stringify(entry))
  }
}

/** What the journal has stored for `key` in the test scope (null when nothing). */
export function storedEntry(storage: Storage, key: string): string | null {
  return storage.getItem(journalEntryItemKey(TEST_SCOPE, key))
}

/**
 * Exclusive Web Locks for tests, shared by the "tabs" of one test (jsdom and Node have none):
 * requests for a name are granted one at a time in order; an aborted waiting request rejects.
 * `hold(name)` takes a lock as another tab would, until the returned function lets go.
 */
export class TestLocks implements LockManagerLike {
  readonly #queues = new Map<string, { grant: () => void; signal?: AbortSignal }[]>()
  readonly #held = new Set<string>()

  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.#held.add(name)
        void callback()
          .catch(() => undefined)
          .then(() => {
            this.#held.delete(name)
            resolve(undefined)
            this.#next(name)
          })
      }
      const waiter = { grant, ...(options.signal ? { signal: options.signal } : {}) }
      options.signal?.addEventListener('abort', () => {
        const queue = this.#queues.get(name) ?? []
        const index = queue.indexOf(waiter)
        if (index === -1) return
        queue.splice(index, 1)
        reject(new DOMException('aborted', 'AbortError'))
      })
      if (options.signal?.aborted) {
        reject(new DOMException('aborted', 'AbortError'))
        return
      }
      this.#queues.set(name, [...(this.#queues.get(name) ?? []), waiter])
      if (!this.#held.has(name)) {
        queueMicrotask(() => {
          this.#next(name)
        })
      }
    })
  }

  /** Holds `name` like a tab that is sending the entry; call the result to let go. */
  async hold(name: string): Promise<() => void> {
    let letGo: () => void = () => undefined
    await new Promise<void>((granted) => {
      void this.request(
        name,
        {},
        () =>
          new Promise<void>((release) => {
            letGo = release
            granted()
          }),
      )
    })
    return letGo
  }

  isHeld(name: string): boolean {
    return this.#held.has(name)
  }

  #next(name: string): void {
    if (this.#held.has(name)) return
    const queue = this.#queues.get(name) ?? []
    const waiter = queue.shift()
    if (waiter) waiter.grant()
  }
}

/** The lock name the journal uses for an entry of the test scope. */
export const entryLockName = (key: string) =>
  `candidate-timeline:journal:${TEST_SCOPE.environment}:${TEST_SCOPE.region}#${key}`

export type TestRig = {
  api: ApiClient
  journal: Journal
  queryClient: QueryClient
  storage: MemoryStorage
  notices: JournalNotice[]
  /** Phase of an entry (undefined when it is gone). */
  phaseOf: (key: string) => JournalEntry['phase'] | undefined
  entry: (key: string) => JournalEntry | undefined
  dispose: () => void
}

/** An api client for the mock's Utrecht demo region at `origin` (msw/node serves it there). */
export function testApiClient(
  origin: string,
  options: { apiKey?: string; environment?: 'production' | 'sandbox' } = {},
): ApiClient {
  return createApiClient({
    origin,
    apiKey: options.apiKey ?? 'demo-utrecht',
    environment: options.environment ?? 'production',
    sandboxMode: 'header',
    region: 'utrecht',
  })
}

/** A started journal + confirmation adapters against `origin` (tests use the mock there). */
export function startTestJournal(input: {
  origin: string
  apiKey?: string
  storage?: MemoryStorage
  options?: JournalOptions & ConfirmationOptions
}): TestRig {
  const storage = input.storage ?? new MemoryStorage()
  const api = testApiClient(input.origin, { apiKey: input.apiKey })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const options = {
    storage,
    retryBaseMs: 20,
    pollBaseMs: 20,
    highlightMs: 20,
    ...input.options,
  }
  const journal = createJournal(api, options)
  const notices: JournalNotice[] = []
  const stopNotices = journal.subscribeNotices((notice) => notices.push(notice))
  journal.start()
  const stopConfirmation = startConfirmation({ journal, api, queryClient, options })
  const entry = (key: string) => journal.getSnapshot().entries.find((e) => e.key === key)
  return {
    api,
    journal,
    queryClient,
    storage,
    notices,
    entry,
    phaseOf: (key) => entry(key)?.phase,
    dispose: () => {
      stopNotices()
      stopConfirmation()
      journal.stop()
      queryClient.clear()
    },
  }
}
