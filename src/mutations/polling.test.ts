import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { EventStreamStatus } from '@/api/events'
import { createEmitter } from '@/mutations/emitter'
import type { JournalEntry } from '@/mutations/journal-entry'
import type { JournalSnapshot } from '@/mutations/journal-types'
import { startPolling, type PollingOptions } from '@/mutations/polling'
import { makeEntry, testApiClient } from '@/mutations/journal.test-helpers'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 2, 9, 9) })
})
afterEach(() => {
  vi.useRealTimers()
})

/** The three things the poller uses of a journal, driven by hand. */
function fakeJournal(entries: JournalEntry[], eventsStatus: EventStreamStatus = 'open') {
  let snapshot: JournalSnapshot = {
    entries,
    storageProblem: null,
    eventsStatus,
    halt: null,
    changedAt: 0,
  }
  const changes = createEmitter()
  const checkRequests = createEmitter<[string]>()
  return {
    journal: {
      getSnapshot: () => snapshot,
      subscribe: changes.subscribe,
      subscribeCheckRequests: checkRequests.subscribe,
    },
    set: (next: Partial<JournalSnapshot>) => {
      snapshot = { ...snapshot, ...next }
      changes.emit()
    },
    /** The counsellor's "check again" on a stale change of this candidate. */
    checkAgain: (candidateId: string) => {
      checkRequests.emit(candidateId)
    },
  }
}

/** Starts the poller with reads answered at once; returns when each read happened. */
function poll(journal: ReturnType<typeof fakeJournal>['journal'], options: PollingOptions = {}) {
  const queryClient = new QueryClient()
  const readsAt: number[] = []
  vi.spyOn(queryClient, 'query').mockImplementation(() => {
    readsAt.push(Date.now())
    return Promise.resolve([])
  })
  const stop = startPolling({
    journal,
    api: testApiClient('http://poll.test'),
    queryClient,
    options,
  })
  return { readsAt, stop }
}

const stale = (key: string, candidateId = 'cand-1') =>
  makeEntry({ key, phase: 'stale' }, { candidateId })

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, value: state })
  document.dispatchEvent(new Event('visibilitychange'))
}

test('a stale change is re-checked a few times, ever more slowly, and then no more', async () => {
  const { journal } = fakeJournal([stale('s')])
  const { readsAt, stop } = poll(journal)

  await vi.advanceTimersByTimeAsync(24 * HOUR)
  expect(readsAt.length).toBeGreaterThanOrEqual(3) // it did look, more than once
  expect(readsAt.length).toBeLessThanOrEqual(8)
  const gaps = readsAt.slice(1).map((at, index) => at - (readsAt[index] ?? 0))
  expect(gaps.every((gap, index) => index === 0 || gap >= (gaps[index - 1] ?? 0))).toBe(true)
  const last = readsAt.at(-1) ?? 0
  expect(last - (readsAt[0] ?? 0)).toBeLessThan(2 * HOUR) // it gave up within the hour or two

  await vi.advanceTimersByTimeAsync(7 * 24 * HOUR)
  expect(readsAt.at(-1)).toBe(last) // a week later: nothing more
  stop()
})

test('after polling gave up, "check again" and coming back to the tab each read once', async () => {
  const { journal, checkAgain } = fakeJournal([stale('s')])
  const { readsAt, stop } = poll(journal)
  await vi.advanceTimersByTimeAsync(24 * HOUR)
  const settled = readsAt.length

  checkAgain('cand-1')
  await vi.advanceTimersByTimeAsync(0)
  expect(readsAt).toHaveLength(settled + 1)

  setVisibility('hidden')
  await vi.advanceTimersByTimeAsync(10 * MINUTE)
  setVisibility('visible')
  await vi.advanceTimersByTimeAsync(0)
  expect(readsAt).toHaveLength(settled + 2)
  window.dispatchEvent(new Event('focus'))
  await vi.advanceTimersByTimeAsync(0)
  expect(readsAt).toHaveLength(settled + 2) // it just looked: focus again soon reads nothing

  // Neither restarts the automatic checks.
  await vi.advanceTimersByTimeAsync(24 * HOUR)
  expect(readsAt).toHaveLength(settled + 2)
  stop()
})

test('a new change of the candidate starts checking again; one that just waits does not', async () => {
  const fake = fakeJournal([stale('s')])
  const { readsAt, stop } = poll(fake.journal)
  await vi.advanceTimersByTimeAsync(24 * HOUR)
  const settled = readsAt.length
  fake.set({ changedAt: 1 }) // something else changed in the journal
  await vi.advanceTimersByTimeAsync(HOUR)
  expect(readsAt).toHaveLength(settled)

  fake.set({ entries: [stale('s'), makeEntry({ key: 'new', phase: 'queued' })] })
  fake.set({ eventsStatus: 'unavailable' })
  await vi.advanceTimersByTimeAsync(MINUTE)
  expect(readsAt.length).toBeGreaterThan(settled)
  stop()
})

test('no read ever comes faster than the base delay, whatever the journal does meanwhile', async () => {
  const fake = fakeJournal([makeEntry({ key: 'q', phase: 'queued' })], 'unavailable')
  const { readsAt, stop } = poll(fake.journal, { pollBaseMs: 1000 })
  for (let step = 0; step < 200; step += 1) {
    fake.set({ changedAt: step }) // a busy journal: many changes, none a new write
    await vi.advanceTimersByTimeAsync(50)
  }
  const gaps = readsAt.slice(1).map((at, index) => at - (readsAt[index] ?? 0))
  expect(readsAt.length).toBeGreaterThan(1)
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000)
  stop()
})
