import { QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { SyncIndicator } from '@/features/sync/sync-indicator'
import { initI18n } from '@/lib/i18n'
import type { JournalEntry } from '@/mutations/journal-entry'
import { JournalProvider } from '@/mutations/journal-provider'
import { legacyJournalKey } from '@/mutations/journal-storage-key'
import {
  MemoryStorage,
  TEST_SCOPE,
  makeEntry,
  testApiClient,
} from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://sync.test'
const { backend } = setupMockBackend({ baseUrl: ORIGIN, now: Date.now })

const candidateId = () => backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'

function renderIndicator(entries: JournalEntry[], onEdit?: (entry: JournalEntry) => void) {
  const storage = new MemoryStorage()
  storage.setItem(legacyJournalKey(TEST_SCOPE), JSON.stringify({ version: 1, entries }))
  const api = testApiClient(ORIGIN)
  render(
    <JournalProvider
      api={api}
      queryClient={new QueryClient()}
      options={{ storage, isEventsEnabled: false, pollBaseMs: 60_000, staleIntervalMs: 60_000 }}
    >
      <SyncIndicator {...(onEdit ? { onEdit } : {})} />
    </JournalProvider>,
  )
  return { user: userEvent.setup(), storage }
}

const row = { type: ['Telefonisch'], performedAt: '2026-03-09', summary: 'Teruggebeld' }

test('with nothing pending it says all changes are saved', async () => {
  const { user } = renderIndicator([])
  const button = screen.getByRole('button', { name: 'Sync status: All changes saved' })
  await user.click(button)
  // The panel's code is its own chunk: it appears once that has loaded.
  const panel = await screen.findByRole('dialog', { name: 'Changes' })
  expect(within(panel).getByText('No changes are waiting.')).toBeInTheDocument()
})

test('counts what is syncing and what failed, and lists each change with its reason', async () => {
  const { user } = renderIndicator([
    makeEntry({ key: 'q', phase: 'queued', createdAt: 1 }, { payload: [row, row] }),
    makeEntry(
      {
        key: 'f',
        phase: 'failed',
        createdAt: 2,
        error: { kind: 'outcome', code: 'ownership', message: 'not yours' },
      },
      { operation: 'update', target: { id: 'r1' }, payload: { summary: 'Nieuw' } },
    ),
    makeEntry({
      key: 's',
      phase: 'stale',
      createdAt: 3,
    }),
  ])
  const button = screen.getByRole('button', {
    name: 'Sync status: 1 failed · 1 delayed · 1 change syncing',
  })
  expect(button).toHaveTextContent('1 failed · 1 delayed · 1 change syncing')
  await user.click(button)
  const items = within(await screen.findByRole('dialog', { name: 'Changes' })).getAllByRole(
    'listitem',
  )
  expect(items.map((item) => item.getAttribute('data-phase'))).toEqual([
    'stale',
    'failed',
    'queued',
  ])
  const [stale, failed, queued] = items.map((item) => within(item))
  expect(queued?.getByText('2 new interactions')).toBeInTheDocument()
  expect(queued?.getByText('Waiting for the server')).toBeInTheDocument()
  expect(queued?.queryByRole('button')).toBeNull()
  expect(failed?.getByText('This interaction belongs to another candidate.')).toBeInTheDocument()
  expect(failed?.getByRole('button', { name: 'Discard' })).toBeInTheDocument()
  expect(stale?.getByRole('button', { name: 'Check again' })).toBeInTheDocument()
})

test('discard removes a failed change; edit & resubmit hands the entry to the form', async () => {
  const onEdit = vi.fn()
  const failedEntry = makeEntry({
    key: 'f',
    phase: 'failed',
    error: { kind: 'outcome', code: 'not_found', message: 'gone' },
  })
  const other = makeEntry({ key: 'g', phase: 'failed', createdAt: 5000 })
  const { user } = renderIndicator([failedEntry, other], onEdit)
  const open = () => user.click(screen.getByRole('button', { name: /^Sync status: / }))
  await open()
  const oldest = (await screen.findAllByRole('listitem'))[1] ?? document.body
  expect(
    within(oldest).getByText('The candidate or interaction does not exist (any more).'),
  ).toBeInTheDocument()
  await user.click(within(oldest).getByRole('button', { name: 'Edit & resubmit' }))
  expect(onEdit).toHaveBeenCalledWith(failedEntry)
  await open()
  const newest = screen.getAllByRole('listitem')[0] ?? document.body
  await user.click(within(newest).getByRole('button', { name: 'Discard' }))
  expect(screen.getAllByRole('listitem')).toHaveLength(1)
  await user.keyboard('{Escape}')
  expect(await screen.findByRole('button', { name: 'Sync status: 1 failed' })).toBeInTheDocument()
})

test('an edit or delete of an interaction that no longer exists can only be discarded, and says so', async () => {
  const onEdit = vi.fn()
  const { user } = renderIndicator(
    [
      makeEntry(
        {
          key: 'edit-gone',
          phase: 'failed',
          createdAt: 1,
          error: { kind: 'outcome', code: 'not_found', message: 'gone' },
        },
        { operation: 'update', target: { id: 'r1' }, payload: { summary: 'Nieuw' } },
      ),
      makeEntry(
        {
          key: 'delete-gone',
          phase: 'unsent',
          createdAt: 2,
          error: { kind: 'not-found', code: 'not_found', message: 'Not found' },
        },
        { operation: 'delete', target: { id: 'r2' }, payload: null },
      ),
    ],
    onEdit,
  )
  await user.click(screen.getByRole('button', { name: 'Sync status: 2 failed' }))
  const panel = await screen.findByRole('dialog', { name: 'Changes' })
  const [deleted, edited] = within(panel)
    .getAllByRole('listitem')
    .map((item) => within(item))
  expect(
    edited?.getByText(
      'This interaction no longer exists (someone may have deleted it), so the edit cannot be made.',
    ),
  ).toBeInTheDocument()
  expect(
    deleted?.getByText(
      'This interaction no longer exists: someone else may already have removed it.',
    ),
  ).toBeInTheDocument()
  for (const item of [edited, deleted]) {
    expect(item?.getAllByRole('button').map((button) => button.textContent)).toEqual(['Discard'])
  }
})

test('retry sends an unsent change again and it moves on to syncing', async () => {
  const id = candidateId()
  const { user } = renderIndicator([
    makeEntry(
      {
        key: 'unsent-one',
        phase: 'unsent',
        attempts: 5,
        error: { kind: 'network', code: 'network_error', message: 'offline' },
      },
      { candidateId: id, payload: [row] },
    ),
  ])
  await user.click(screen.getByRole('button', { name: 'Sync status: 1 failed' }))
  expect(await screen.findByText('The server could not be reached.')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  await user.keyboard('{Escape}')
  await waitFor(() => {
    expect(
      screen.getByRole('button', { name: /Sync status: (1 change syncing|All changes saved)/ }),
    ).toBeInTheDocument()
  })
  // "Syncing" shows as the request leaves; the mock counts it when it arrives.
  const posts = () => backend.requestCounts()['POST /candidates/:candidateId/interactions']
  await waitFor(() => {
    expect(posts()).toBe(1)
  })
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(posts()).toBe(1) // and only once
})

test('the indicator speaks Dutch', async () => {
  await initI18n({ lng: 'nl' })
  renderIndicator([makeEntry({ key: 'q', phase: 'queued' })])
  expect(
    screen.getByRole('button', { name: 'Synchronisatie: 1 wijziging wordt verwerkt' }),
  ).toBeInTheDocument()
})

test('a change whose outcome is unknown offers retry only, and says why', async () => {
  const { user } = renderIndicator([
    makeEntry(
      {
        key: 'maybe',
        phase: 'unsent',
        mayHaveReached: true,
        error: { kind: 'network', code: 'network_error', message: 'offline' },
      },
      { candidateId: candidateId() },
    ),
  ])
  await user.click(screen.getByRole('button', { name: /Sync status/ }))
  const panel = await screen.findByRole('dialog', { name: 'Changes' })
  expect(within(panel).getByText(/may already have received it/)).toBeInTheDocument()
  expect(within(panel).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  expect(within(panel).queryByRole('button', { name: /Edit & resubmit/ })).toBeNull()
})
