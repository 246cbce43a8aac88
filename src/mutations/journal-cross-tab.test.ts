import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest'
import { createMockServer } from '@/mocks/node'
import { journalStorageKey } from '@/mutations/journal-storage'
import { TEST_SCOPE, makeEntry, startTestJournal, type TestRig } from '@/mutations/test-support'

const ORIGIN = 'http://tabs.test'
const { server, backend } = createMockServer({ baseUrl: ORIGIN })
const rigs: TestRig[] = []
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  for (const rig of rigs.splice(0)) rig.dispose()
  backend.reset()
})
afterAll(() => {
  server.close()
})

test('another tab’s entries show up here, and this tab does not send what that tab is sending', async () => {
  // A real localStorage (jsdom) shared by "both tabs"; the rig's own storage is replaced by it.
  const rig = startTestJournal({
    origin: ORIGIN,
    options: { storage: window.localStorage, isEventsEnabled: false },
  })
  rigs.push(rig)
  const key = journalStorageKey(TEST_SCOPE)
  const theirs = [
    makeEntry({ key: 'their-queued', phase: 'queued', createdAt: 1 }),
    makeEntry({ key: 'their-sending', phase: 'sending', createdAt: 2 }),
  ]
  const value = JSON.stringify({ version: 1, entries: theirs })
  window.localStorage.setItem(key, value)
  window.dispatchEvent(
    new StorageEvent('storage', { key, newValue: value, storageArea: window.localStorage }),
  )
  expect(rig.journal.getSnapshot().entries.map((entry) => entry.key)).toEqual([
    'their-queued',
    'their-sending',
  ])
  await new Promise((resolve) => setTimeout(resolve, 80))
  expect(backend.requestCounts()['POST /candidates/:candidateId/interactions']).toBeUndefined()
  // The counsellor may still act on it here: then this tab becomes its sender.
  window.dispatchEvent(
    new StorageEvent('storage', {
      key,
      newValue: JSON.stringify({
        version: 1,
        entries: [{ ...theirs[1], phase: 'unsent', updatedAt: 3000 }],
      }),
      storageArea: window.localStorage,
    }),
  )
  expect(rig.phaseOf('their-queued')).toBeUndefined()
  rig.journal.retry('their-sending')
  await vi.waitFor(() => {
    expect(backend.requestCounts()['POST /candidates/:candidateId/interactions']).toBe(1)
  })
})
