import { QueryClient } from '@tanstack/react-query'
import { createApiClient, type ApiClient } from '@/api/client'
import { startConfirmation, type ConfirmationOptions } from '@/mutations/confirmation'
import { createJournal } from '@/mutations/journal'
import type { Journal, JournalNotice, JournalOptions } from '@/mutations/journal-types'
import { buildEntry, type SubmitInput } from '@/mutations/journal-input'
import type { JournalEntry } from '@/mutations/journal-entry'

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
