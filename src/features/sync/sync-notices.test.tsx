import { QueryClient } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { SyncNotices } from '@/features/sync/sync-notices'
import { createMockServer } from '@/mocks/node'
import { JournalProvider } from '@/mutations/journal-provider'
import { MemoryStorage, testApiClient } from '@/mutations/test-support'
import { useJournalContext } from '@/mutations/journal-context'
import type { Journal } from '@/mutations/journal-types'
import { loadJournalRuntime } from '@/mutations/lazy-journal'

const ORIGIN = 'http://notices.test'
const { server, backend } = createMockServer({ baseUrl: ORIGIN })
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  backend.reset()
})
afterAll(() => {
  server.close()
})

const candidateId = () => backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
const row = (summary: string) => ({ type: ['E-mail'], performedAt: '2026-03-09', summary })

async function renderNotices() {
  // As a form does on intent: the journal's runtime, and with it `/events`, is there before a submit.
  await loadJournalRuntime()
  const api = testApiClient(ORIGIN)
  const holder: { journal: Journal | null } = { journal: null }
  function Grab() {
    holder.journal = useJournalContext().journal
    return null
  }
  render(
    <JournalProvider
      api={api}
      queryClient={new QueryClient()}
      options={{ storage: new MemoryStorage(), queuedDeadlineMs: 60_000 }}
    >
      <Grab />
      <SyncNotices batchMs={100} autoHideMs={10_000} />
    </JournalProvider>,
  )
  const journal = holder.journal
  if (!journal) throw new Error('no journal')
  return { journal, user: userEvent.setup() }
}

const create = (journal: Journal, candidate: string, summary: string) =>
  journal.submit({
    resource: 'interaction',
    operation: 'create',
    candidateId: candidate,
    payload: [row(summary)],
    baselineIds: [],
  })

test('confirmations arriving together make one polite message', async () => {
  const { journal } = await renderNotices()
  await waitFor(() => {
    expect(journal.getSnapshot().eventsStatus).toBe('open')
  })
  await act(async () => {
    await Promise.all([
      create(journal, candidateId(), 'one'),
      create(journal, candidateId(), 'two'),
    ])
  })
  const status = await screen.findByRole('status')
  expect(status).toHaveTextContent('2 changes saved')
  expect(status).toHaveAttribute('aria-live', 'polite')
})

test('a failure is reported with the saved ones, and the message can be closed', async () => {
  const { journal, user } = await renderNotices()
  await waitFor(() => {
    expect(journal.getSnapshot().eventsStatus).toBe('open')
  })
  await act(async () => {
    await create(journal, candidateId(), 'fine')
    await create(journal, 'rec-nobody', 'doomed')
  })
  const status = await screen.findByRole('status')
  await waitFor(() => {
    expect(status).toHaveTextContent('1 change saved · 1 change failed')
  })
  await user.click(screen.getByRole('button', { name: 'Close' }))
  await waitFor(() => {
    expect(screen.queryByRole('status')).toBeNull()
  })
})
