import { QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, test } from 'vitest'
import type { ApiClient } from '@/api/client'
import { ApiError } from '@/api/errors'
import { INTERACTIONS_LIST_LIMIT } from '@/api/contract'
import { apiKeys, apiQueries } from '@/api/query-options'
import { JournalProvider } from '@/mutations/journal-provider'
import {
  useCandidateOverlay,
  useDeleteInteraction,
  useJournal,
  useSubmitInteractions,
  useUpdateInteraction,
} from '@/mutations/use-journal'
import { MemoryStorage, testApiClient } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://hooks.test'
const { backend } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })

const apiFor = (environment: 'production' | 'sandbox' = 'production') =>
  testApiClient(ORIGIN, { environment })
const candidateId = () => backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
const row = { type: ['Telefonisch'], performedAt: '2026-03-09', summary: 'from the form' }

function setup(api: ApiClient = apiFor()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const storage = new MemoryStorage()
  const props = { api }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <JournalProvider
      api={props.api}
      queryClient={queryClient}
      options={{ storage, isEventsEnabled: false, pollBaseMs: 20, highlightMs: 50 }}
    >
      {children}
    </JournalProvider>
  )
  return { queryClient, storage, props, wrapper }
}

test('a form submits through the hook, sees isSubmitting, and the overlay shows it pending', async () => {
  // The 202 comes late: "submitting" is set once the click's frame is painted, not inside it.
  backend.setScenario({ stuckQueue: true, writeAnswerDelayMs: 300 })
  const { wrapper } = setup()
  const id = candidateId()
  const records = await apiFor().listInteractions(id) // the timeline's Interaction[]
  const { result } = renderHook(
    () => ({
      submitter: useSubmitInteractions(id),
      journal: useJournal(),
      overlay: useCandidateOverlay(id, records),
    }),
    { wrapper },
  )
  let submitted: Promise<unknown> = Promise.resolve()
  act(() => {
    submitted = result.current.submitter.submit([row])
  })
  expect(result.current.submitter.isSubmitting).toBe(false)
  await waitFor(() => {
    expect(result.current.submitter.isSubmitting).toBe(true)
  })
  await act(async () => {
    await submitted
  })
  expect(result.current.submitter.isSubmitting).toBe(false)
  expect(result.current.journal.entries.map((entry) => entry.phase)).toEqual(['queued'])
  const pending = result.current.overlay.filter((item) => item.kind === 'pending')
  expect(pending).toMatchObject([{ status: 'pending', pendingOperation: 'create', values: row }])
  expect(result.current.overlay).toHaveLength(records.length + 1)
  expect(result.current.journal.eventsStatus).toBe('unavailable')
})

test('the baseline comes from the cached list, so an equal older record is never taken for ours', async () => {
  const { wrapper, queryClient } = setup()
  const id = candidateId()
  const api = apiFor()
  const existing = await api.listInteractions(id)
  queryClient.setQueryData(apiKeys.interactions(api.scope, id), existing)
  const { result } = renderHook(
    () => ({ submitter: useSubmitInteractions(id), journal: useJournal() }),
    {
      wrapper,
    },
  )
  await act(async () => {
    await result.current.submitter.submit([row])
  })
  expect(result.current.journal.entries[0]?.baselineIds).toEqual(existing.map((r) => r.id))
})

test('a double click is one request; a 400 rejects with the field issues', async () => {
  const { wrapper } = setup()
  const id = candidateId()
  const { result } = renderHook(() => useSubmitInteractions(id), { wrapper })
  let first: Promise<unknown> = Promise.resolve()
  let second: Promise<unknown> = Promise.resolve()
  act(() => {
    first = result.current.submit([row])
    second = result.current.submit([row])
  })
  expect(second).toBe(first)
  await act(async () => {
    await first
  })
  expect(backend.requestCounts()['POST /candidates/:candidateId/interactions']).toBe(1)
  let error: unknown = null
  await act(async () => {
    error = await result.current
      .submit([{ type: ['Bellen'], performedAt: '2026-03-09' }])
      .catch((caught: unknown) => caught)
  })
  expect(error).toBeInstanceOf(ApiError)
  expect(error instanceof ApiError && error.issues[0]?.path).toEqual([0, 'type'])
})

test('switching to sandbox swaps in that scope’s journal', async () => {
  backend.setScenario({ stuckQueue: true })
  const { wrapper, props } = setup()
  const id = candidateId()
  const { result, rerender } = renderHook(
    () => ({ journal: useJournal(), edit: useUpdateInteraction(id) }),
    { wrapper },
  )
  await act(async () => {
    await result.current.edit.submit({
      target: { id: 'rec-x' },
      patch: { summary: 'y' },
      previous: { summary: 'x' },
    })
  })
  expect(result.current.journal.entries).toHaveLength(1)
  props.api = apiFor('sandbox')
  rerender()
  await waitFor(() => {
    expect(result.current.journal.entries).toHaveLength(0)
  })
  props.api = apiFor('production')
  rerender()
  await waitFor(() => {
    expect(result.current.journal.entries).toHaveLength(1)
  })
})

test('deleting a record older than the newest 100 is not confirmed just because the list lacks it', async () => {
  const api = apiFor()
  // The seed's busy candidate: more interactions than the list returns (the newest 100).
  const id = backend.db
    .candidates('utrecht', 'production')
    .find(
      (candidate) =>
        backend.db.interactions('utrecht', 'production', candidate.id).length >
        INTERACTIONS_LIST_LIMIT + 1,
    )?.id
  if (id === undefined) throw new Error('the seed has a candidate with over 100 interactions')
  backend.setScenario({ stuckQueue: true })
  const { wrapper, queryClient } = setup()
  const listed = await queryClient.query(apiQueries.interactions(api, id))
  expect(listed).toHaveLength(INTERACTIONS_LIST_LIMIT)
  const all = backend.db.interactions('utrecht', 'production', id)
  const beyond = all[all.length - 1]
  const shown = listed[0]
  if (!beyond || !shown || listed.some((record) => record.id === beyond.id)) {
    throw new Error('the oldest record is beyond the list')
  }
  const { result } = renderHook(
    () => ({ remove: useDeleteInteraction(id), journal: useJournal() }),
    { wrapper },
  )
  const phases = () => result.current.journal.entries.map((entry) => entry.phase)
  await act(async () => {
    // As the delete dialog sends them: the values the counsellor saw (they place the record).
    await result.current.remove.submit({
      target: { id: beyond.id },
      previous: { performedAt: beyond.performedAt },
    })
  })
  await act(async () => {
    await result.current.remove.submit({
      target: { id: shown.id },
      previous: { performedAt: shown.performedAt },
    })
  })
  const reads = () => backend.requestCounts()['GET /candidates/:candidateId/interactions'] ?? 0
  const readsBefore = reads()
  await waitFor(() => {
    expect(reads()).toBeGreaterThan(readsBefore + 1) // the poller re-read the list
  })
  expect(phases()).toEqual(['queued', 'queued'])

  backend.setScenario({ stuckQueue: false })
  await backend.engine.idle()
  // The record the list showed is gone from it: confirmed. The other one cannot be seen
  // either way, so only an event (or the stale deadline) settles it.
  await waitFor(() => {
    expect(phases()).toEqual(['queued', 'confirmed'])
  })
})
