// @vitest-environment node
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { vi } from 'vitest'
import { createApiClient } from '@/api/client'
import { NotResubmittableError, createJournal } from '@/mutations/journal'
import { isResubmittable, isRetryable } from '@/mutations/journal-actions'
import type { Journal, JournalOptions } from '@/mutations/journal-types'
import { MemoryStorage } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'
import { TEST_SESSION, createRelayStandIn } from '@/test/relay-stand-in'

// The rule of journal-sender.ts `relayRefusalEvent`, proved against the mock backend behind a
// stand-in of our relay: a write the relay refuses keeps its key, goes out again with it exactly
// once, and a refusal never lets a change that may already be queued go out under a new key.
const ORIGIN = 'http://relay.test'
const { server, backend } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })
const relay = createRelayStandIn(backend, ORIGIN)
const journals: Journal[] = []

beforeEach(() => {
  server.use(...relay.handlers)
})
afterEach(() => {
  for (const journal of journals.splice(0)) journal.stop()
  relay.signIn()
  relay.reset()
})

const relayApi = () =>
  createApiClient({
    origin: ORIGIN,
    apiKey: '',
    environment: 'production',
    sandboxMode: 'header',
    region: 'relay:utrecht:test',
    relay: { region: 'utrecht' },
  })

function startJournal(storage: MemoryStorage, options: JournalOptions = {}) {
  const journal = createJournal(relayApi(), { storage, locks: null, retryBaseMs: 5, ...options })
  journals.push(journal)
  journal.start()
  return {
    journal,
    entry: (key: string) => journal.getSnapshot().entries.find((e) => e.key === key),
  }
}

const candidateId = () => backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
const create = (summary: string, key: string) => ({
  resource: 'interaction' as const,
  operation: 'create' as const,
  candidateId: candidateId(),
  payload: [{ type: ['Telefonisch'], performedAt: '2026-03-09', summary }],
  baselineIds: [],
  key,
})
const made = async (summary: string) => {
  await backend.engine.idle()
  return backend.db
    .interactions('utrecht', 'production', candidateId())
    .filter((record) => record.summary === summary)
}

test('signed out mid-work: the write is held under its key and goes out once after sign-in', async () => {
  const storage = new MemoryStorage()
  relay.endSession()
  const first = startJournal(storage)
  const result = await first.journal.submit(create('after sign-in', 'k-401'))
  expect(result.status).toBe('retrying')
  expect(first.entry('k-401')).toMatchObject({
    phase: 'sending',
    attempts: 0,
    error: { code: 'unauthenticated' },
  })
  // Held: no second request while signed out, nothing reached the upstream.
  await new Promise((resolve) => setTimeout(resolve, 60))
  expect(relay.refusedKeys()).toEqual(['k-401'])
  expect(relay.forwardedKeys()).toEqual([])

  // Through sign-in and back: a new page with the same storage.
  first.journal.stop()
  relay.signIn()
  const back = startJournal(storage)
  await vi.waitFor(() => {
    expect(back.entry('k-401')?.phase).toBe('queued')
  })
  expect(relay.forwardedKeys()).toEqual(['k-401'])
  expect(await made('after sign-in')).toHaveLength(1)
})

test('signed in again elsewhere: this page still sends nothing; only the page back from sign-in does', async () => {
  const storage = new MemoryStorage()
  relay.endSession()
  const held = startJournal(storage)
  await held.journal.submit(create('held', 'k-held'))
  expect(held.entry('k-held')?.phase).toBe('sending')
  // The session is back (another tab signed in, maybe as someone else): this page does not know
  // who, so nothing goes out from it — not on a timer, not on a retry.
  relay.signIn()
  held.journal.retry('k-held')
  await new Promise((resolve) => setTimeout(resolve, 60))
  expect(relay.forwardedKeys()).toEqual([])
  expect(relay.refusedKeys()).toEqual(['k-held'])
  held.journal.stop()
  const back = startJournal(storage)
  await vi.waitFor(() => {
    expect(back.entry('k-held')?.phase).toBe('queued')
  })
  expect(relay.forwardedKeys()).toEqual(['k-held'])
  expect(await made('held')).toHaveLength(1)
})

test('a relay refusal after an unanswered attempt proves nothing: retry with the same key only', async () => {
  server.use(
    http.post(`${ORIGIN}/api/v2/candidates/:id/interactions`, () => HttpResponse.error(), {
      once: true,
    }),
  )
  // The first attempt gets no answer (it may be queued); then the session loses the region.
  const { journal, entry } = startJournal(new MemoryStorage(), { maxAttempts: 5 })
  const submitted = journal.submit(create('maybe queued', 'k-maybe'))
  relay.signIn({ ...TEST_SESSION, regions: [], defaultRegion: 'rijnmond' })
  await submitted
  await vi.waitFor(() => {
    expect(entry('k-maybe')?.phase).toBe('unsent')
  })
  const unsent = entry('k-maybe')
  expect(unsent?.error?.code).toBe('forbidden_region')
  expect(unsent?.mayHaveReached).toBe(true)
  expect(unsent && isResubmittable(unsent)).toBe(false)
  expect(unsent && isRetryable(unsent)).toBe(true)
  await expect(journal.resubmit('k-maybe', [{ summary: 'new key' }])).rejects.toBeInstanceOf(
    NotResubmittableError,
  )
  relay.signIn()
  journal.retry('k-maybe')
  await vi.waitFor(() => {
    expect(entry('k-maybe')?.phase).toBe('queued')
  })
  expect(relay.forwardedKeys()).toEqual(['k-maybe'])
  expect(await made('maybe queued')).toHaveLength(1)
  expect(await made('new key')).toHaveLength(0)
})

test('a 403 on a first attempt: unsent with the relay’s reason; nothing may run, so it can be corrected', async () => {
  relay.signIn({ ...TEST_SESSION, regions: [], defaultRegion: 'rijnmond' })
  const { journal, entry } = startJournal(new MemoryStorage())
  const result = await journal.submit(create('not here', 'k-403'))
  expect(result.status).toBe('unsent')
  const unsent = entry('k-403')
  expect(unsent).toMatchObject({
    phase: 'unsent',
    mayHaveReached: false,
    error: { code: 'forbidden_region', message: 'You may not use utrecht.' },
  })
  expect(unsent && isResubmittable(unsent)).toBe(true)
  expect(relay.forwardedKeys()).toEqual([])
})

test('429 from the relay: not an attempt; the same key goes out after retryAfterSeconds, once', async () => {
  relay.rateLimitNextWrite(0.2)
  const { journal, entry } = startJournal(new MemoryStorage())
  const result = await journal.submit(create('slowed down', 'k-429'))
  expect(result.status).toBe('retrying')
  const waiting = entry('k-429')
  expect(waiting).toMatchObject({ phase: 'sending', attempts: 0, error: { code: 'rate_limited' } })
  expect((waiting?.nextAttemptAt ?? 0) - (waiting?.updatedAt ?? 0)).toBe(200)
  await vi.waitFor(() => {
    expect(entry('k-429')?.phase).toBe('queued')
  })
  expect(entry('k-429')?.attempts).toBe(0)
  expect(relay.refusedKeys()).toEqual(['k-429'])
  expect(relay.forwardedKeys()).toEqual(['k-429'])
  expect(await made('slowed down')).toHaveLength(1)
})
