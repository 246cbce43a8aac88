// @vitest-environment node
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createApiClient } from '@/api/client'
import { NotResubmittableError, createJournal } from '@/mutations/journal'
import { isResubmittable, isRetryable } from '@/mutations/journal-actions'
import type { Journal, JournalOptions } from '@/mutations/journal-types'
import { MemoryStorage } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'
import { TEST_SESSION, TEST_SESSION_BRAM, createRelayStandIn } from '@/test/relay-stand-in'

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

/** A page of the app signed in as `subject` (its scope, like the app's, names who). */
const relayApi = (subject = TEST_SESSION.subject) =>
  createApiClient({
    origin: ORIGIN,
    apiKey: '',
    environment: 'production',
    sandboxMode: 'header',
    region: subject === TEST_SESSION.subject ? 'relay:utrecht:test' : `relay:utrecht:${subject}`,
    relay: { region: 'utrecht', subject },
  })

function startJournal(
  storage: MemoryStorage,
  options: JournalOptions = {},
  subject = TEST_SESSION.subject,
) {
  const journal = createJournal(relayApi(subject), {
    storage,
    locks: null,
    retryBaseMs: 5,
    ...options,
  })
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

test('another counsellor signed in in this browser: held under its key, never sent as them, sent once back as ourselves', async () => {
  const storage = new MemoryStorage() // one browser: every tab shares it
  const anna = startJournal(storage)
  // Bram signs in in another tab: the shared cookie is now his.
  relay.signIn(TEST_SESSION_BRAM)
  const result = await anna.journal.submit(create('anna’s call', 'k-anna'))
  expect(result.status).toBe('retrying')
  expect(anna.entry('k-anna')).toMatchObject({
    phase: 'sending',
    attempts: 0,
    mayHaveReached: false,
    error: { code: 'session_changed' },
  })
  // Held: not on a timer, not on a retry.
  anna.journal.retry('k-anna')
  await new Promise((resolve) => setTimeout(resolve, 60))
  expect(relay.refusedKeys()).toEqual(['k-anna'])
  expect(relay.forwardedKeys()).toEqual([])

  // "Continue as the other account": the page reloads as Bram. His journal is another scope:
  // Anna's entry is not his to see or send; his own change goes out.
  anna.journal.stop()
  const bram = startJournal(storage, {}, TEST_SESSION_BRAM.subject)
  expect(bram.entry('k-anna')).toBeUndefined()
  await bram.journal.submit(create('bram’s call', 'k-bram'))
  await vi.waitFor(() => {
    expect(bram.entry('k-bram')?.phase).toBe('queued')
  })
  await new Promise((resolve) => setTimeout(resolve, 60))
  expect(relay.forwardedKeys()).toEqual(['k-bram'])
  bram.journal.stop()

  // Anna signs in again as herself: her page sends her change once, under its first key.
  relay.signIn(TEST_SESSION)
  const back = startJournal(storage)
  await vi.waitFor(() => {
    expect(back.entry('k-anna')?.phase).toBe('queued')
  })
  expect(relay.forwardedKeys()).toEqual(['k-bram', 'k-anna'])
  expect(await made('anna’s call')).toHaveLength(1)
})

test('session_changed after an unanswered attempt keeps “may have reached”: no new key possible', async () => {
  server.use(
    http.post(`${ORIGIN}/api/v2/candidates/:id/interactions`, () => HttpResponse.error(), {
      once: true,
    }),
  )
  const storage = new MemoryStorage()
  const { journal, entry } = startJournal(storage, { maxAttempts: 5 })
  const submitted = journal.submit(create('maybe queued', 'k-maybe-2'))
  relay.signIn(TEST_SESSION_BRAM)
  await submitted
  await vi.waitFor(() => {
    expect(entry('k-maybe-2')?.error?.code).toBe('session_changed')
  })
  const held = entry('k-maybe-2')
  expect(held).toMatchObject({ phase: 'sending', mayHaveReached: true })
  expect(held && isResubmittable(held)).toBe(false)
  await expect(journal.resubmit('k-maybe-2', [{ summary: 'new key' }])).rejects.toBeInstanceOf(
    NotResubmittableError,
  )
  journal.stop()
  relay.signIn(TEST_SESSION)
  const back = startJournal(storage)
  await vi.waitFor(() => {
    expect(back.entry('k-maybe-2')?.phase).toBe('queued')
  })
  expect(relay.forwardedKeys()).toEqual(['k-maybe-2'])
  expect(await made('maybe queued')).toHaveLength(1)
  expect(await made('new key')).toHaveLength(0)
})

test('a relay gateway error after forwarding (504, may have reached) is no refusal: same key again, applied once', async () => {
  const { getResponse } = await import('msw')
  server.use(
    http.post(
      `${ORIGIN}/api/v2/candidates/:id/interactions`,
      async ({ request }) => {
        // The relay forwarded it (the upstream queued it), then gave up waiting for the answer.
        await getResponse(relay.handlers, request)
        return HttpResponse.json(
          {
            error: 'upstream_timeout',
            message: 'The upstream API did not answer in time.',
            mayHaveReachedUpstream: true,
          },
          { status: 504 },
        )
      },
      { once: true },
    ),
  )
  // A slower retry, to look at the entry between the two sends.
  const { journal, entry } = startJournal(new MemoryStorage(), { maxAttempts: 5, retryBaseMs: 500 })
  const submitted = journal.submit(create('timed out at the gateway', 'k-504'))
  await vi.waitFor(() => {
    expect(entry('k-504')?.error?.code).toBe('upstream_timeout')
  })
  expect(relay.forwardedKeys()).toEqual(['k-504'])
  const afterTimeout = entry('k-504')
  // Not read as a relay refusal: it may be queued, so no new key is possible.
  expect(afterTimeout?.mayHaveReached).toBe(true)
  expect(afterTimeout && isResubmittable(afterTimeout)).toBe(false)
  await submitted
  await vi.waitFor(
    () => {
      expect(entry('k-504')?.phase).toBe('queued')
    },
    { timeout: 5000 },
  )
  expect(relay.forwardedKeys()).toEqual(['k-504', 'k-504'])
  expect(await made('timed out at the gateway')).toHaveLength(1)
})

test('503 from the relay itself (restarting): not an attempt; the same key goes out after the wait, once', async () => {
  server.use(
    http.post(
      `${ORIGIN}/api/v2/candidates/:id/interactions`,
      () =>
        HttpResponse.json(
          {
            error: 'unavailable',
            message: 'The relay is restarting; try again.',
            mayHaveReachedUpstream: false,
            retryAfterSeconds: 0.1,
          },
          { status: 503 },
        ),
      { once: true },
    ),
  )
  const { journal, entry } = startJournal(new MemoryStorage())
  const result = await journal.submit(create('after a restart', 'k-503'))
  expect(result.status).toBe('retrying')
  expect(entry('k-503')).toMatchObject({
    phase: 'sending',
    attempts: 0,
    mayHaveReached: false,
    error: { code: 'unavailable' },
  })
  await vi.waitFor(() => {
    expect(entry('k-503')?.phase).toBe('queued')
  })
  expect(relay.forwardedKeys()).toEqual(['k-503'])
  expect(await made('after a restart')).toHaveLength(1)
})
