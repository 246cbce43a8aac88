// @vitest-environment node
import { delay, getResponse, http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { NotResubmittableError } from '@/mutations/journal'
import { isResubmittable, isRetryable } from '@/mutations/journal-actions'
import { startTestJournal, storedEntry, type TestRig } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

// The paths by which one change could reach the upstream twice under different keys, or in the
// wrong environment — each closed, each proved here against the mock backend.
const ORIGIN = 'http://once.test'
const { server, backend } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })
const rigs: TestRig[] = []
afterEach(() => {
  for (const rig of rigs.splice(0)) rig.dispose()
  vi.restoreAllMocks()
})

const rig = (options: Parameters<typeof startTestJournal>[0]['options'] = {}, apiKey?: string) => {
  const made = startTestJournal({
    origin: ORIGIN,
    ...(apiKey ? { apiKey } : {}),
    options: { isEventsEnabled: false, pollBaseMs: 5000, ...options },
  })
  rigs.push(made)
  return made
}
const WRITE = `${ORIGIN}/api/v2/candidates/:id/interactions`
const POSTS = 'POST /candidates/:candidateId/interactions'
const candidateId = () => backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
const create = (summary: string, key: string) => ({
  resource: 'interaction' as const,
  operation: 'create' as const,
  candidateId: candidateId(),
  payload: [{ type: ['Telefonisch'], performedAt: '2026-03-09', summary }],
  baselineIds: [],
  key,
})
/** The next write is refused with a 401 (which proves nothing was queued). */
const refuseNextWriteWith401 = () => {
  server.use(
    http.post(
      WRITE,
      () =>
        HttpResponse.json(
          { statusCode: 401, message: 'no', error: { code: 'unauthorized' } },
          { status: 401 },
        ),
      { once: true },
    ),
  )
}
const made = (summary: string) =>
  backend.db
    .interactions('utrecht', 'production', candidateId())
    .filter((record) => record.summary === summary)

test('a 202 whose body cannot be read is accepted: queued, never sent again, no new key offered', async () => {
  server.use(
    http.post(WRITE, async ({ request }) => {
      await getResponse(backend.handlers, request) // the mock queues it…
      return new HttpResponse('<html>proxy error page</html>', { status: 202 }) // …the body lies
    }),
  )
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  const { journal, phaseOf, entry } = rig()
  const result = await journal.submit(create('unreadable body', 'k-unreadable'))
  expect(result.status).toBe('accepted')
  expect(phaseOf('k-unreadable')).toBe('queued')
  const queued = entry('k-unreadable')
  expect(queued && (isRetryable(queued) || isResubmittable(queued))).toBe(false)
  await expect(journal.resubmit('k-unreadable', [{ summary: 'x' }])).rejects.toBeInstanceOf(
    NotResubmittableError,
  )
})

test('after network errors the outcome is unknown: retry only with the same key, never a new one', async () => {
  let answered = 0
  server.use(
    http.post(WRITE, () => {
      answered += 1
      return answered <= 2 ? HttpResponse.error() : undefined
    }),
  )
  const { journal, phaseOf, entry } = rig({ maxAttempts: 2, retryBaseMs: 5 })
  const result = await journal.submit(create('maybe sent', 'k-unknown'))
  expect(result.status).toBe('retrying')
  await vi.waitFor(() => {
    expect(phaseOf('k-unknown')).toBe('unsent')
  })
  const unsent = entry('k-unknown')
  expect(unsent?.mayHaveReached).toBe(true)
  expect(unsent && isResubmittable(unsent)).toBe(false)
  expect(unsent && isRetryable(unsent)).toBe(true)
  await expect(journal.resubmit('k-unknown', [{ summary: 'edited' }])).rejects.toBeInstanceOf(
    NotResubmittableError,
  )
  journal.retry('k-unknown')
  await vi.waitFor(() => {
    expect(phaseOf('k-unknown')).toBe('queued')
  })
  await backend.engine.idle()
  expect(made('maybe sent')).toHaveLength(1)
  expect(made('edited')).toHaveLength(0)
})

test('a refusal of the same key proves nothing was queued: then edit & resubmit is offered', async () => {
  server.use(
    http.post(WRITE, () => HttpResponse.error(), { once: true }),
    http.post(
      WRITE,
      () =>
        HttpResponse.json(
          { statusCode: 401, message: 'no', error: { code: 'unauthorized' } },
          { status: 401 },
        ),
      { once: true },
    ),
  )
  const { journal, phaseOf, entry } = rig({ maxAttempts: 5, retryBaseMs: 5 })
  await journal.submit(create('refused', 'k-refused'))
  await vi.waitFor(() => {
    expect(phaseOf('k-refused')).toBe('unsent')
  })
  const refused = entry('k-refused')
  expect(refused?.error?.kind).toBe('unauthorized')
  expect(refused && isResubmittable(refused)).toBe(true)
})

test('edit & resubmit replaces the old entry in one storage write; a 400 brings it back in one', async () => {
  refuseNextWriteWith401()
  const { journal, storage, phaseOf } = rig()
  await journal.submit(create('first try', 'k-old'))
  expect(phaseOf('k-old')).toBe('unsent')
  const counts: number[] = []
  const setItem = storage.setItem.bind(storage)
  const removeItem = storage.removeItem.bind(storage)
  const record = () => {
    counts.push(storage.length)
  }
  Object.assign(storage, {
    setItem: (key: string, value: string) => {
      setItem(key, value)
      record()
    },
    removeItem: (key: string) => {
      removeItem(key)
      record()
    },
  })
  const bad = [{ type: ['Bellen'], performedAt: 'gisteren' }]
  await expect(journal.resubmit('k-old', bad)).rejects.toMatchObject({ kind: 'validation' })
  expect(phaseOf('k-old')).toBe('unsent')
  // New in, old out; on the 400 old in, new out: both for a moment, never neither.
  expect(counts.slice(0, 2)).toEqual([2, 1])
  expect(Math.min(...counts)).toBe(1)
  expect(counts.at(-1)).toBe(1)
  expect(storedEntry(storage, 'k-old')).not.toBeNull()
})

test('a 202 that echoes another key is accepted, marked, and never retried', async () => {
  let posts = 0
  server.use(
    http.post(WRITE, () => {
      posts += 1
      return HttpResponse.json(
        {
          statusCode: 202,
          message: 'ok',
          data: { status: 'accepted', idempotencyKey: 'server-made', message: 'ok' },
          meta: { sandboxEnabled: false },
        },
        { status: 202 },
      )
    }),
  )
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const { journal, entry } = rig({ retryBaseMs: 5 })
  await journal.submit(create('echo', 'k-echo'))
  expect(entry('k-echo')).toMatchObject({
    phase: 'queued',
    error: { kind: 'contract', code: 'idempotency_key_mismatch' },
  })
  expect(errors).toHaveBeenCalledWith(expect.stringContaining('contract problem'))
  const marked = entry('k-echo')
  expect(marked && (isRetryable(marked) || isResubmittable(marked))).toBe(false)
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(posts).toBe(1)
})

test('a write that hangs times out and goes out again with the same key', async () => {
  const keys: (string | null)[] = []
  server.use(
    http.post(WRITE, async ({ request }) => {
      keys.push(new URL(request.url).searchParams.get('idempotencyKey'))
      if (keys.length === 1) await delay('infinite')
      return undefined
    }),
  )
  const { journal, phaseOf, entry } = rig({ retryBaseMs: 5 })
  // A short timeout for this journal's client only.
  journal.setApi(
    (await import('@/api/client')).createApiClient({
      origin: ORIGIN,
      apiKey: 'demo-utrecht',
      environment: 'production',
      sandboxMode: 'header',
      region: 'utrecht',
      timeoutMs: 50,
    }),
  )
  await journal.submit(create('hung', 'k-hang'))
  await vi.waitFor(() => {
    expect(phaseOf('k-hang')).toBe('queued')
  })
  expect(keys).toEqual(['k-hang', 'k-hang'])
  expect(entry('k-hang')?.attempts).toBe(1)
})

test('an answer from the other environment halts the scope’s writes until the counsellor resumes', async () => {
  server.use(
    http.post(
      WRITE,
      () =>
        HttpResponse.json(
          {
            statusCode: 202,
            message: 'ok',
            data: { status: 'accepted', idempotencyKey: 'k-sandbox-1', message: 'ok' },
            meta: { sandboxEnabled: true },
          },
          { status: 202 },
        ),
      { once: true },
    ),
  )
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const { journal, phaseOf, entry, storage } = rig()
  await journal.submit(create('wrong place', 'k-sandbox-1'))
  expect(entry('k-sandbox-1')?.error?.code).toBe('sandbox_mismatch')
  expect(journal.getSnapshot().halt?.reason).toBe('sandbox-mismatch')
  const result = await journal.submit(create('held back', 'k-sandbox-2'))
  expect(result.status).toBe('waiting')
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(backend.requestCounts()[POSTS]).toBeUndefined() // the first went to the stand-in above
  // A reload keeps the halt: nothing goes out on its own.
  const reloaded = startTestJournal({
    origin: ORIGIN,
    storage,
    options: { isEventsEnabled: false },
  })
  rigs.push(reloaded)
  expect(reloaded.journal.getSnapshot().halt).not.toBeNull()
  reloaded.dispose()
  journal.resume()
  await vi.waitFor(() => {
    expect(phaseOf('k-sandbox-2')).toBe('queued')
  })
})

test('a read answered from the other environment halts writes too, before any is sent', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  server.use(
    http.get(`${ORIGIN}/api/v2/candidates/:id`, () =>
      HttpResponse.json({
        statusCode: 200,
        message: 'ok',
        data: {
          id: 'x',
          firstName: 'a',
          lastName: 'b',
          email: 'c',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
        meta: { sandboxEnabled: true },
      }),
    ),
  )
  const { journal, api } = rig()
  await expect(api.getCandidate('x')).rejects.toMatchObject({ code: 'sandbox_mismatch' })
  expect(journal.getSnapshot().halt).not.toBeNull()
  await journal.submit(create('not sent', 'k-after-read'))
  expect(backend.requestCounts()[POSTS]).toBeUndefined()
})

const refused = (summary: string, key: string) => ({
  ...create(summary, key),
  payload: [{ type: ['Telefonisch'], performedAt: 'gisteren', summary }],
})

test('a 400 while its form is open goes to the form: nothing new stays journaled', async () => {
  const { journal, entry } = rig()
  await expect(journal.submit(refused('form still open', 'k-open'))).rejects.toMatchObject({
    kind: 'validation',
  })
  expect(entry('k-open')).toBeUndefined()
})

test('a 400 after its form is gone keeps the change, its values and the issues, for edit & resubmit', async () => {
  const { journal, entry, storage } = rig()
  const input = refused('page left before the answer', 'k-left')
  const answered = journal.submit(input)
  journal.release('k-left') // the counsellor left the candidate page; the 400 is still to come
  await expect(answered).resolves.toEqual({ key: 'k-left', status: 'unsent' })
  const kept = entry('k-left')
  expect(kept?.phase).toBe('unsent')
  expect(kept?.payload).toEqual(input.payload)
  expect(kept?.error?.kind).toBe('validation')
  expect(kept?.error?.issues?.map((issue) => issue.path)).toContainEqual([0, 'performedAt'])
  expect(kept && isResubmittable(kept)).toBe(true)
  expect(storedEntry(storage, 'k-left')).not.toBeNull() // survives a reload too
  expect(made('page left before the answer')).toHaveLength(0)
})

test('a refused resubmit whose form is gone keeps the corrected values, not the original', async () => {
  refuseNextWriteWith401()
  const { journal, entry } = rig({ createKey: () => 'k-corrected' })
  await journal.submit(create('first try', 'k-first'))
  expect(entry('k-first')?.phase).toBe('unsent')
  const corrected = [{ type: ['Telefonisch'], performedAt: 'eergisteren', summary: 'corrected' }]
  const answered = journal.resubmit('k-first', corrected)
  journal.release('k-corrected')
  await expect(answered).resolves.toEqual({ key: 'k-corrected', status: 'unsent' })
  expect(entry('k-first')).toBeUndefined()
  expect(entry('k-corrected')?.payload).toEqual(corrected)
  expect(entry('k-corrected')?.error?.kind).toBe('validation')
})
