// @vitest-environment node
import { afterEach, expect, test, vi } from 'vitest'
import { apiQueries } from '@/api/query-options'
import { startTestJournal, type TestRig } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://confirm.test'
const { backend } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })
const rigs: TestRig[] = []
afterEach(() => {
  for (const rig of rigs.splice(0)) rig.dispose()
  vi.unstubAllGlobals()
})

const rig = (options: Parameters<typeof startTestJournal>[0]['options'] = {}) => {
  const made = startTestJournal({ origin: ORIGIN, options })
  rigs.push(made)
  return made
}
const candidates = () => backend.db.candidates('utrecht', 'production')
const candidateId = (index = 0) => candidates()[index]?.id ?? 'missing'
const interactionsOf = (id: string) => backend.db.interactions('utrecht', 'production', id)
const row = (summary: string) => ({ type: ['E-mail'], performedAt: '2026-03-08', summary })
const READS = 'GET /candidates/:candidateId/interactions'
const reads = () => backend.requestCounts()[READS] ?? 0
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const create = (rigged: TestRig, id: string, summary: string, key: string) =>
  rigged.journal.submit({
    resource: 'interaction',
    operation: 'create',
    candidateId: id,
    payload: [row(summary)],
    baselineIds: interactionsOf(id).map((record) => record.id),
    key,
  })

test('submit → queued → confirmed by the events stream → dropped once the data shows it', async () => {
  backend.setScenario({ latencyMs: 40 })
  const rigged = rig({ highlightMs: 200 })
  await vi.waitFor(() => {
    expect(rigged.journal.getSnapshot().eventsStatus).toBe('open')
  })
  const id = candidateId()
  expect(await create(rigged, id, 'by event', 'evt')).toEqual({ key: 'evt', status: 'accepted' })
  expect(rigged.phaseOf('evt')).toBe('queued')
  await vi.waitFor(() => {
    expect(rigged.phaseOf('evt')).toBe('confirmed')
  })
  const made = interactionsOf(id).find((record) => record.summary === 'by event')
  expect(rigged.entry('evt')?.recordIds).toEqual([made?.id])
  expect(rigged.notices.map((notice) => notice.kind)).toEqual(['confirmed'])
  expect(reads()).toBe(0) // the stream told us; nobody polled
  // The timeline reads the data (here by hand): the entry leaves once the record is in it.
  await rigged.queryClient.query(apiQueries.interactions(rigged.api, id))
  expect(rigged.entry('evt')?.seenAt).not.toBeNull()
  await vi.waitFor(() => {
    expect(rigged.phaseOf('evt')).toBeUndefined()
  })
})

test('with events off, polling re-reads the data and confirms by content', async () => {
  backend.setScenario({ eventsEnabled: false, latencyMs: 30 })
  const rigged = rig({ highlightMs: 1000 })
  await vi.waitFor(() => {
    expect(rigged.journal.getSnapshot().eventsStatus).toBe('unavailable')
  })
  const id = candidateId()
  await create(rigged, id, 'by polling', 'poll')
  await vi.waitFor(() => {
    expect(rigged.phaseOf('poll')).toBe('confirmed')
  })
  const made = interactionsOf(id).find((record) => record.summary === 'by polling')
  expect(rigged.entry('poll')?.recordIds).toEqual([made?.id])
  expect(rigged.entry('poll')?.seenAt).not.toBeNull()
  const readsSoFar = reads()
  expect(readsSoFar).toBeGreaterThan(0)
  expect(readsSoFar).toBeLessThan(6)
  await sleep(300)
  expect(reads()).toBe(readsSoFar) // nothing queued any more: polling stopped
})

test('an ownership failure after the 202 fails the entry with the reason', async () => {
  const rigged = rig()
  const owner = candidates().find((candidate) => interactionsOf(candidate.id).length > 0)
  const other = candidates().find((candidate) => candidate.id !== owner?.id)?.id ?? 'none'
  const foreign = interactionsOf(owner?.id ?? 'none')[0]
  const result = await rigged.journal.submit({
    resource: 'interaction',
    operation: 'update',
    candidateId: other,
    target: { id: foreign?.id ?? 'none' },
    payload: { summary: 'not mine' },
    previous: { summary: foreign?.summary ?? null },
    key: 'own',
  })
  expect(result.status).toBe('accepted')
  await vi.waitFor(() => {
    expect(rigged.phaseOf('own')).toBe('failed')
  })
  expect(rigged.entry('own')?.error).toMatchObject({ kind: 'outcome', code: 'ownership' })
  expect(rigged.notices.map((notice) => notice.kind)).toEqual(['failed'])
})

test('a delete is confirmed by polling once the id is gone', async () => {
  backend.setScenario({ eventsEnabled: false })
  const rigged = rig({ highlightMs: 1000 })
  const id = candidateId()
  const target = interactionsOf(id)[0]
  await rigged.journal.submit({
    resource: 'interaction',
    operation: 'delete',
    candidateId: id,
    target: { id: target?.id ?? 'none' },
    previous: { summary: target?.summary ?? null },
    key: 'del',
  })
  await vi.waitFor(() => {
    expect(rigged.entry('del')?.seenAt).not.toBeNull()
  })
  expect(interactionsOf(id).some((record) => record.id === target?.id)).toBe(false)
})

test('429 on reads while polling: backoff honours Retry-After, so few requests', async () => {
  backend.setScenario({
    eventsEnabled: false,
    stuckQueue: true,
    readErrors: { mode: 'next', status: 429, remaining: 100 },
  })
  const rigged = rig({ pollBaseMs: 50 })
  await create(rigged, candidateId(), 'rate limited', 'rl')
  await sleep(2300)
  // Reads at ~50 ms, then ≥ 1 s apart (Retry-After: 1) instead of every 50–400 ms.
  expect(reads()).toBeGreaterThanOrEqual(2)
  expect(reads()).toBeLessThanOrEqual(3)
  expect(rigged.phaseOf('rl')).toBe('queued')
})

test('500 on reads while polling: exponential backoff bounds the requests', async () => {
  backend.setScenario({
    eventsEnabled: false,
    stuckQueue: true,
    readErrors: { mode: 'next', status: 500, remaining: 100 },
  })
  const rigged = rig({ pollBaseMs: 50 })
  await create(rigged, candidateId(), 'server trouble', 'five')
  await sleep(1700)
  // 50, 150, 350, 750, 1550 ms: at most 5 reads in 1.7 s.
  expect(reads()).toBeGreaterThanOrEqual(2)
  expect(reads()).toBeLessThanOrEqual(5)
})

test('polling pauses while the tab is hidden and resumes when it is shown', async () => {
  backend.setScenario({ eventsEnabled: false, stuckQueue: true })
  const page = Object.assign(new EventTarget(), { visibilityState: 'hidden' })
  vi.stubGlobal('document', page)
  const rigged = rig({ pollBaseMs: 20 })
  await create(rigged, candidateId(), 'hidden', 'hid')
  await sleep(200)
  expect(reads()).toBe(0)
  page.visibilityState = 'visible'
  page.dispatchEvent(new Event('visibilitychange'))
  await vi.waitFor(() => {
    expect(reads()).toBeGreaterThan(0)
  })
})

test('a queued entry with no news goes stale after the deadline; a late success confirms it', async () => {
  backend.setScenario({ stuckQueue: true })
  const rigged = rig({ queuedDeadlineMs: 100 })
  await vi.waitFor(() => {
    expect(rigged.journal.getSnapshot().eventsStatus).toBe('open')
  })
  await create(rigged, candidateId(), 'stuck', 'stuck')
  expect(rigged.phaseOf('stuck')).toBe('queued')
  await vi.waitFor(() => {
    expect(rigged.phaseOf('stuck')).toBe('stale')
  })
  // The same action again (a form that kept its key): it was accepted, so nothing is sent and
  // the form hears 'accepted', never 'unsent' (which would let it discard and send a new key).
  const posts = backend.requestCounts()['POST /candidates/:candidateId/interactions']
  expect(await create(rigged, candidateId(), 'stuck', 'stuck')).toEqual({
    key: 'stuck',
    status: 'accepted',
  })
  expect(backend.requestCounts()['POST /candidates/:candidateId/interactions']).toBe(posts)
  backend.setScenario({ stuckQueue: false })
  await vi.waitFor(() => {
    expect(rigged.phaseOf('stuck')).toBe('confirmed')
  })
})

test('a sandbox journal never sees production outcomes or data', async () => {
  const rigged = rig()
  await vi.waitFor(() => {
    expect(rigged.journal.getSnapshot().eventsStatus).toBe('open')
  })
  expect(rigged.journal.scope).toEqual({ environment: 'production', region: 'utrecht' })
  const id = candidateId()
  await create(rigged, id, 'prod', 'prod-key')
  await vi.waitFor(() => {
    expect(rigged.phaseOf('prod-key')).toBe('confirmed')
  })
  expect(backend.db.interactions('utrecht', 'sandbox', id)).toEqual([])
})
