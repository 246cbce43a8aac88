import { afterEach, expect, test, vi } from 'vitest'
import { journalEntryItemKey } from '@/mutations/journal-storage-key'
import {
  TEST_SCOPE,
  TabStorageHub,
  TestLocks,
  entryLockName,
  makeEntry,
  startTestJournal,
  storeEntries,
  type TestRig,
} from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://tabs.test'
const { backend } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })
const rigs: TestRig[] = []
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const rig of rigs.splice(0)) rig.dispose()
  for (const cleanup of cleanups.splice(0)) cleanup()
  window.localStorage.clear()
})

const POSTS = 'POST /candidates/:candidateId/interactions'
const candidateId = () => backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
const row = (summary: string) => ({ type: ['Telefonisch'], performedAt: '2026-03-09', summary })

/**
 * A "tab": a journal on the shared jsdom localStorage (or on its own view of a
 * {@link TabStorageHub}, which sends the other tabs storage events) and the shared locks.
 */
function openTab(locks: TestLocks, storage: Storage = window.localStorage): TestRig {
  const rig = startTestJournal({
    origin: ORIGIN,
    options: { storage, locks, isEventsEnabled: false, pollBaseMs: 5000 },
  })
  rigs.push(rig)
  return rig
}

/** What the storage event would tell the other tabs, since jsdom does not fire it across them. */
function announce(entryKey: string): void {
  const key = journalEntryItemKey(TEST_SCOPE, entryKey)
  window.dispatchEvent(
    new StorageEvent('storage', {
      key,
      newValue: window.localStorage.getItem(key),
      storageArea: window.localStorage,
    }),
  )
}

test('an entry another tab is sending shows here but is not sent from here', async () => {
  const locks = new TestLocks()
  cleanups.push(await locks.hold(entryLockName('their-sending')))
  const tab = openTab(locks)
  storeEntries(window.localStorage, [
    makeEntry(
      { key: 'their-sending', phase: 'sending', createdAt: 2 },
      { candidateId: candidateId() },
    ),
  ])
  announce('their-sending')
  expect(tab.phaseOf('their-sending')).toBe('sending')
  await new Promise((resolve) => setTimeout(resolve, 80))
  expect(backend.requestCounts()[POSTS]).toBeUndefined()
})

test('an entry left sending by a tab that closed is taken over, with its own key, once', async () => {
  const locks = new TestLocks()
  const letGo = await locks.hold(entryLockName('orphan'))
  const tabs = [openTab(locks), openTab(locks)]
  storeEntries(window.localStorage, [
    makeEntry({ key: 'orphan', phase: 'sending', sentAt: 1 }, { candidateId: candidateId() }),
  ])
  announce('orphan')
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(backend.requestCounts()[POSTS]).toBeUndefined()
  letGo() // the tab that was sending it closes
  await vi.waitFor(() => {
    expect(tabs.some((tab) => tab.phaseOf('orphan') === 'queued')).toBe(true)
  })
  announce('orphan')
  await new Promise((resolve) => setTimeout(resolve, 80))
  expect(backend.requestCounts()[POSTS]).toBe(1)
  await backend.engine.idle()
  expect(backend.engine.outcomes.map(({ outcome }) => outcome.idempotencyKey)).toEqual(['orphan'])
})

test('two tabs writing at once keep each other’s entries', async () => {
  const locks = new TestLocks()
  const [first, second] = [openTab(locks), openTab(locks)]
  const id = candidateId()
  backend.setScenario({ stuckQueue: true })
  await Promise.all([
    first.journal.submit({
      resource: 'interaction',
      operation: 'create',
      candidateId: id,
      payload: [row('one')],
      key: 'from-first',
    }),
    second.journal.submit({
      resource: 'interaction',
      operation: 'create',
      candidateId: id,
      payload: [row('two')],
      key: 'from-second',
    }),
  ])
  announce('from-first')
  announce('from-second')
  const stored = ['from-first', 'from-second'].map((key) =>
    window.localStorage.getItem(journalEntryItemKey(TEST_SCOPE, key)),
  )
  expect(stored.every((value) => value !== null)).toBe(true)
  for (const tab of [first, second]) {
    expect(
      tab.journal
        .getSnapshot()
        .entries.map((entry) => entry.key)
        .sort(),
    ).toEqual(['from-first', 'from-second'])
  }
  expect(backend.requestCounts()[POSTS]).toBe(2)
})

test('a tab never wakes up for retries of an entry it does not send', async () => {
  const locks = new TestLocks()
  cleanups.push(await locks.hold(entryLockName('theirs')))
  const tab = openTab(locks)
  const timeouts = vi.spyOn(globalThis, 'setTimeout')
  storeEntries(window.localStorage, [
    // Due long ago: a tab that scheduled its retries would fire at once, again and again.
    makeEntry(
      { key: 'theirs', phase: 'sending', nextAttemptAt: 1, attempts: 2 },
      { candidateId: candidateId() },
    ),
  ])
  announce('theirs')
  await new Promise((resolve) => setTimeout(resolve, 100))
  const zeroDelay = timeouts.mock.calls.filter(([, delay]) => (delay ?? 0) <= 1).length
  expect(zeroDelay).toBeLessThan(5)
  expect(tab.phaseOf('theirs')).toBe('sending')
})

/**
 * Two tabs on a {@link TabStorageHub}; tab 0 submits `key`, which the engine runs at once while
 * its answer is held back (`scenario`); tab 1 hears the outcome first (each tab has its own
 * /events), so its version of the entry is newer than the sender's, still waiting for its 202.
 */
async function otherTabHearsTheOutcomeFirst(
  key: string,
  scenario: Parameters<typeof backend.setScenario>[0],
) {
  const hub = new TabStorageHub(window)
  const locks = new TestLocks()
  const [sender, other] = [openTab(locks, hub.storageFor(0)), openTab(locks, hub.storageFor(1))]
  backend.setScenario(scenario)
  const submitted = sender.journal.submit({
    resource: 'interaction',
    operation: 'create',
    candidateId: candidateId(),
    payload: [row(key)],
    key,
  })
  await vi.waitFor(() => {
    expect(backend.engine.outcomes).toHaveLength(1)
    expect(other.phaseOf(key)).toBe('sending')
  })
  const outcome = backend.engine.outcomes[0]?.outcome
  if (!outcome) throw new Error('no outcome')
  other.journal.applyOutcome(outcome)
  return { hub, sender, other, submitted }
}

test('two tabs that disagree about an entry one of them is sending do not write it back and forth', async () => {
  // The engine runs the write at once; its 202 comes back a second later (a slow network).
  const { hub, sender, other } = await otherTabHearsTheOutcomeFirst('slow', {
    writeAnswerDelayMs: 1000,
  })
  const before = hub.writes.length
  await new Promise((resolve) => setTimeout(resolve, 200))
  const writes = hub.writes.slice(before).filter((write) => write.key.endsWith('slow'))
  expect(writes.length, `${writes.length} writes of the entry in 200 ms`).toBeLessThan(4)
  expect(sender.phaseOf('slow')).toBe('confirmed')
  expect(other.phaseOf('slow')).toBe('confirmed')
})

test('while its request is out, a tab keeps what its send knows over news that the change was not accepted', async () => {
  const hub = new TabStorageHub(window)
  const locks = new TestLocks()
  const sender = openTab(locks, hub.storageFor(0))
  backend.setScenario({ writeAnswerDelayMs: 300 })
  void sender.journal.submit({
    resource: 'interaction',
    operation: 'create',
    candidateId: candidateId(),
    payload: [row('slow answer')],
    key: 'slow',
  })
  await vi.waitFor(() => {
    expect(sender.entry('slow')?.sentAt).not.toBeNull()
  })
  const sent = sender.entry('slow')
  if (!sent) throw new Error('not journaled')
  expect(sent.mayHaveReached).toBe(true)
  // A newer version that says nothing reached the upstream (a tab with a wrong view of it):
  // taken now, it would let the counsellor resubmit under a new key while this request is out.
  const item = journalEntryItemKey(TEST_SCOPE, 'slow')
  const theirs = { ...sent, phase: 'unsent', mayHaveReached: false, updatedAt: sent.updatedAt + 50 }
  hub.storageFor(1).setItem(item, JSON.stringify(theirs))
  const before = hub.writes.length
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(sender.entry('slow')).toMatchObject({ phase: 'sending', mayHaveReached: true })
  expect(hub.writes.slice(before).filter((write) => write.tab === 0)).toEqual([])
  // Its answer settles it, in this tab and in storage.
  await vi.waitFor(() => {
    expect(sender.phaseOf('slow')).toBe('queued')
  })
  expect(JSON.parse(hub.items.get(item) ?? '{}')).toMatchObject({ phase: 'queued' })
})

test('a tab whose request fails after another tab heard the change confirmed tells its form so, and sends nothing more', async () => {
  // Queued at once; the answer comes late and is lost (a dropped connection).
  const { sender, submitted } = await otherTabHearsTheOutcomeFirst('lost', {
    writeAnswerDelayMs: 300,
    dropNextWrite: true,
  })
  await vi.waitFor(() => {
    expect(sender.phaseOf('lost')).toBe('confirmed')
  })
  // The form hears that the change is in, not that it was never sent.
  expect(await submitted).toEqual({ key: 'lost', status: 'settled' })
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(sender.phaseOf('lost')).toBe('confirmed')
  expect(backend.requestCounts()[POSTS]).toBe(1)
})
