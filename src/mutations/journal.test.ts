// @vitest-environment node
import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { ApiError } from '@/api/errors'
import { apiWrites } from '@/api/writes'
import { NotResubmittableError } from '@/mutations/journal'
import { buildEntry } from '@/mutations/journal-input'
import { legacyJournalKey } from '@/mutations/journal-storage-key'
import {
  MemoryStorage,
  TEST_SCOPE,
  startTestJournal,
  storedEntry,
  type TestRig,
} from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://journal.test'
const { server, backend } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })
const rigs: TestRig[] = []
afterEach(() => {
  for (const rig of rigs.splice(0)) rig.dispose()
})

const rig = (input: Partial<Parameters<typeof startTestJournal>[0]> = {}) => {
  const made = startTestJournal({ origin: ORIGIN, ...input })
  rigs.push(made)
  return made
}
const candidateId = () => backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
const interactionsOf = (id: string) => backend.db.interactions('utrecht', 'production', id)
const row = (summary: string) => ({
  type: ['Telefonisch'],
  performedAt: '2026-03-09T14:30:00+01:00',
  summary,
})
const createInput = (id: string, rows: Record<string, unknown>[], key?: string) => ({
  resource: 'interaction' as const,
  operation: 'create' as const,
  candidateId: id,
  payload: rows,
  baselineIds: interactionsOf(id).map((record) => record.id),
  ...(key ? { key } : {}),
})
const POSTS = 'POST /candidates/:candidateId/interactions'
const PATCHES = 'PATCH /candidates/:candidateId/interactions/:interactionId'

test('the entry is in storage before the request goes out', async () => {
  const { journal, storage } = rig({ options: { isEventsEnabled: false } })
  let storedAtRequest: string | null = null
  server.use(
    http.post(`${ORIGIN}/api/v2/candidates/:id/interactions`, () => {
      storedAtRequest = storedEntry(storage, 'key-stored')
      return undefined // fall through to the mock
    }),
  )
  await journal.submit(createInput(candidateId(), [row('first')], 'key-stored'))
  expect(storedAtRequest).toContain('key-stored')
})

test('a 400 goes back to the form with its issues and leaves nothing journaled', async () => {
  const { journal, storage } = rig()
  const error = await journal
    .submit(createInput(candidateId(), [{ type: ['Bellen'], performedAt: 'gisteren' }]))
    .catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ApiError)
  expect(error instanceof ApiError && error.issues.map((issue) => issue.path)).toEqual(
    expect.arrayContaining([
      [0, 'type'],
      [0, 'performedAt'],
    ]),
  )
  expect(journal.getSnapshot().entries).toEqual([])
  expect(storage.length).toBe(0)
})

test('a double submit with the same key sends one request', async () => {
  const { journal } = rig()
  const input = createInput(candidateId(), [row('once')], 'double')
  const [first, second] = await Promise.all([journal.submit(input), journal.submit(input)])
  expect(first).toEqual({ key: 'double', status: 'accepted' })
  expect(second).toEqual(first)
  const later = await journal.submit(input) // the same action, long after: still no request
  expect(later.key).toBe('double')
  expect(backend.requestCounts()[POSTS]).toBe(1)
})

test('a lost response is retried with the same key: exactly one record is made', async () => {
  const id = candidateId()
  const before = interactionsOf(id).length
  // The engine runs it after the retry, so the retry is what this test sees (not the outcome).
  backend.setScenario({ dropNextWrite: true, latencyMs: 300 })
  const { journal, phaseOf } = rig()
  const result = await journal.submit(createInput(id, [row('dropped once')], 'drop-key'))
  expect(result.status).toBe('retrying')
  await vi.waitFor(() => {
    expect(phaseOf('drop-key')).toMatch(/queued|confirmed/)
  })
  await backend.engine.idle()
  expect(backend.requestCounts()[POSTS]).toBe(2)
  expect(interactionsOf(id)).toHaveLength(before + 1)
})

test('after the last retry the entry waits, unsent, until the counsellor retries', async () => {
  server.use(
    http.post(`${ORIGIN}/api/v2/candidates/:id/interactions`, () => HttpResponse.error(), {
      once: true,
    }),
  )
  const { journal, phaseOf, entry, notices } = rig({ options: { maxAttempts: 1 } })
  const result = await journal.submit(createInput(candidateId(), [row('later')], 'unsent-key'))
  expect(result.status).toBe('unsent')
  expect(entry('unsent-key')?.error?.kind).toBe('network')
  expect(notices.map((n) => n.kind)).toEqual(['unsent'])
  await new Promise((resolve) => setTimeout(resolve, 60))
  expect(phaseOf('unsent-key')).toBe('unsent') // nothing goes out on its own
  journal.retry('unsent-key')
  await vi.waitFor(() => {
    expect(phaseOf('unsent-key')).toMatch(/queued|confirmed/)
  })
})

test('a 5xx is retried with backoff and the same key', async () => {
  const keys: string[] = []
  let failures = 2
  server.use(
    http.post(`${ORIGIN}/api/v2/candidates/:id/interactions`, ({ request }) => {
      keys.push(new URL(request.url).searchParams.get('idempotencyKey') ?? '')
      if (failures <= 0) return undefined
      failures -= 1
      return HttpResponse.json(
        { statusCode: 503, message: 'busy', error: { code: 'internal_error' } },
        { status: 503, headers: { 'retry-after': '0' } },
      )
    }),
  )
  const { journal, phaseOf } = rig()
  await journal.submit(createInput(candidateId(), [row('persistent')], 'five-oh-three'))
  await vi.waitFor(() => {
    expect(phaseOf('five-oh-three')).toMatch(/queued|confirmed/)
  })
  expect(keys).toEqual(['five-oh-three', 'five-oh-three', 'five-oh-three'])
})

test('an entry left `sending` by a closed tab is sent again with its key on start', async () => {
  const id = candidateId()
  const before = interactionsOf(id).length
  const storage = new MemoryStorage()
  const left = buildEntry(createInput(id, [row('tab closed')]), TEST_SCOPE, 'left-sending', 1)
  storage.setItem(
    legacyJournalKey(TEST_SCOPE),
    JSON.stringify({ version: 1, entries: [{ ...left, sentAt: 1 }] }),
  )
  // The first request did reach the server before the tab closed.
  const first = rig({ storage: new MemoryStorage(), options: { isEventsEnabled: false } })
  await apiWrites(first.api).createInteractions(id, [row('tab closed')], {
    idempotencyKey: 'left-sending',
  })
  const { phaseOf } = rig({ storage })
  await vi.waitFor(() => {
    expect(phaseOf('left-sending')).toMatch(/queued|confirmed/)
  })
  await backend.engine.idle()
  expect(backend.requestCounts()[POSTS]).toBe(2)
  expect(interactionsOf(id)).toHaveLength(before + 1)
})

test('a reload while queued brings the entries back, and they are reconciled', async () => {
  backend.setScenario({ stuckQueue: true })
  const storage = new MemoryStorage()
  const first = rig({ storage })
  const id = candidateId()
  await first.journal.submit(createInput(id, [row('across a reload')], 'reload-key'))
  expect(first.phaseOf('reload-key')).toBe('queued')
  first.dispose()
  backend.setScenario({ stuckQueue: false }) // executes while no tab listens: the event is lost
  await backend.engine.idle()

  const second = rig({ storage, options: { highlightMs: 400 } })
  expect(second.phaseOf('reload-key')).toBe('queued')
  // No event will come for it: the journal re-reads the data and recognises its record.
  await vi.waitFor(() => {
    expect(second.entry('reload-key')?.seenAt).not.toBeNull()
  })
  const made = interactionsOf(id).find((record) => record.summary === 'across a reload')
  expect(second.entry('reload-key')?.recordIds).toEqual([made?.id])
  await vi.waitFor(() => {
    expect(second.phaseOf('reload-key')).toBeUndefined()
  })
})

test('an edit of a still-queued create waits for its record id, then goes out', async () => {
  backend.setScenario({ stuckQueue: true })
  const { journal, phaseOf, entry } = rig()
  const id = candidateId()
  await journal.submit(createInput(id, [row('original')], 'create-first'))
  const edit = await journal.submit({
    resource: 'interaction',
    operation: 'update',
    candidateId: id,
    target: { createKey: 'create-first', index: 0 },
    payload: { summary: 'edited' },
    previous: row('original'),
    key: 'edit-after',
  })
  expect(edit.status).toBe('waiting')
  expect(backend.requestCounts()[PATCHES]).toBeUndefined()
  backend.setScenario({ stuckQueue: false })
  await vi.waitFor(() => {
    expect(phaseOf('edit-after')).toBe('confirmed')
  })
  const made = entry('create-first')?.recordIds[0]
  expect(entry('edit-after')?.targetId).toBe(made)
  expect(interactionsOf(id).find((record) => record.id === made)?.summary).toBe('edited')
  expect(backend.requestCounts()[PATCHES]).toBe(1)
})

test('when storage is full the entry lives on in memory and the problem is surfaced', async () => {
  const storage = new MemoryStorage()
  storage.failWith = 'quota'
  const { journal, phaseOf } = rig({ storage })
  await journal.submit(createInput(candidateId(), [row('no room')], 'no-room'))
  expect(phaseOf('no-room')).toMatch(/queued|confirmed/)
  expect(journal.getSnapshot().storageProblem).toBe('quota')
})

test('edit & resubmit sends a failed change again with a new key; a 400 keeps the old one', async () => {
  const { journal, phaseOf } = rig()
  await journal.submit(createInput('rec-not-a-candidate', [row('nobody')], 'for-nobody'))
  await vi.waitFor(() => {
    expect(phaseOf('for-nobody')).toBe('failed')
  })
  const refused = await journal
    .resubmit('for-nobody', [{ type: ['Bellen'], performedAt: '2026-01-01' }])
    .catch((caught: unknown) => caught)
  expect(refused).toBeInstanceOf(ApiError)
  expect(phaseOf('for-nobody')).toBe('failed')
  const again = await journal.resubmit('for-nobody', [row('fixed')])
  expect(again.key).not.toBe('for-nobody')
  expect(phaseOf('for-nobody')).toBeUndefined()
  expect(phaseOf(again.key)).toBeDefined()
})

test('an edit of an interaction that no longer exists is neither resubmitted nor retried', async () => {
  const { journal, phaseOf } = rig()
  await journal.submit({
    resource: 'interaction',
    operation: 'update',
    candidateId: candidateId(),
    target: { id: 'rec-gone' },
    payload: { summary: 'too late' },
    previous: { summary: null },
    key: 'edit-gone',
  })
  await vi.waitFor(() => {
    expect(phaseOf('edit-gone')).toBe('failed')
  })
  // The sync menu and the card do not offer these; the journal refuses them all the same.
  await expect(journal.resubmit('edit-gone', { summary: 'again' })).rejects.toBeInstanceOf(
    NotResubmittableError,
  )
  journal.retry('edit-gone')
  expect(phaseOf('edit-gone')).toBe('failed')
  expect(
    backend.requestCounts()['PATCH /candidates/:candidateId/interactions/:interactionId'],
  ).toBe(1)
})

test('discard forgets a failed change; a queued one cannot be discarded', async () => {
  const { journal, phaseOf } = rig()
  await journal.submit(createInput('rec-not-a-candidate', [row('nobody')], 'doomed'))
  await vi.waitFor(() => {
    expect(phaseOf('doomed')).toBe('failed')
  })
  journal.discard('doomed')
  expect(phaseOf('doomed')).toBeUndefined()
  backend.setScenario({ stuckQueue: true })
  await journal.submit(createInput(candidateId(), [row('stays')], 'queued-one'))
  journal.discard('queued-one')
  expect(phaseOf('queued-one')).toBe('queued')
})
