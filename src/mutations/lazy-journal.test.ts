import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import { journalEntryItemKey, legacyJournalKey } from '@/mutations/journal-storage-key'
import { createLazyJournal, type LazyJournal } from '@/mutations/lazy-journal'
import {
  MemoryStorage,
  TEST_SCOPE,
  TestLocks,
  entryLockName,
  makeEntry,
  testApiClient,
} from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

// The order of these tests matters: the runtime is a module, loaded at most once per file. The
// first test proves a reader never loads it; the later ones load it by giving the journal work.
const ORIGIN = 'http://lazy.test'
const { server, backend } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })
const requests: string[] = []
const cleanups: (() => void)[] = []
beforeAll(() => {
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`)
  })
})
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  requests.length = 0
  window.localStorage.clear()
})

/** Started like the provider starts it: confirmation runs once the runtime is there. */
function startJournal(storage: Storage, locks = new TestLocks()): LazyJournal {
  const api = testApiClient(ORIGIN)
  const journal = createLazyJournal(api, { storage, locks, retryBaseMs: 20 })
  let stopConfirmation: () => void = () => undefined
  const stopWaiting = journal.onRuntime(({ startConfirmation }) => {
    stopConfirmation = startConfirmation({ journal, api, queryClient: new QueryClient() })
  })
  journal.start()
  cleanups.push(() => {
    stopWaiting()
    stopConfirmation()
    journal.stop()
  })
  return journal
}

const posts = () => requests.filter((request) => request.startsWith('POST ')).length

test('a counsellor who only reads never loads the runtime: no events stream, no polling', async () => {
  const journal = startJournal(new MemoryStorage())
  await new Promise((resolve) => setTimeout(resolve, 150))
  expect(requests).toEqual([])
  expect(journal.getSnapshot().entries).toEqual([])
})

test('another tab’s write loads the runtime here; its entry shows, and this tab does not send it', async () => {
  const locks = new TestLocks()
  // The other tab is sending it: it holds the entry's lock.
  cleanups.push(await locks.hold(entryLockName('their-sending')))
  const journal = startJournal(window.localStorage, locks)
  const key = journalEntryItemKey(TEST_SCOPE, 'their-sending')
  const value = JSON.stringify(makeEntry({ key: 'their-sending', phase: 'sending' }))
  window.localStorage.setItem(key, value)
  window.dispatchEvent(
    new StorageEvent('storage', { key, newValue: value, storageArea: window.localStorage }),
  )
  await vi.waitFor(() => {
    expect(journal.getSnapshot().entries.map((entry) => entry.key)).toEqual(['their-sending'])
  })
  await vi.waitFor(() => {
    expect(requests).toContain('GET /api/v2/events') // confirmation started with the runtime
  })
  await new Promise((resolve) => setTimeout(resolve, 80))
  expect(posts()).toBe(0)
})

test('entries stored before the page opened (a closed tab’s) show and go out again', async () => {
  const storage = new MemoryStorage()
  const candidateId = backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
  storage.setItem(
    legacyJournalKey(TEST_SCOPE),
    JSON.stringify({
      version: 1,
      entries: [makeEntry({ key: 'left-sending', phase: 'sending', candidateId })],
    }),
  )
  const journal = startJournal(storage)
  await vi.waitFor(() => {
    expect(journal.getSnapshot().entries.map((entry) => entry.key)).toEqual(['left-sending'])
  })
  await vi.waitFor(() => {
    expect(posts()).toBe(1)
  })
})

test('a submit is journaled and sent once through the runtime', async () => {
  const journal = startJournal(new MemoryStorage())
  const candidateId = backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
  const result = await journal.submit({
    resource: 'interaction',
    operation: 'create',
    candidateId,
    payload: [{ type: ['E-mail'], performedAt: '2026-03-09', summary: 'lazy' }],
    baselineIds: [],
  })
  expect(result.status).toBe('accepted')
  expect(journal.getSnapshot().entries).toHaveLength(1)
  expect(posts()).toBe(1)
})
