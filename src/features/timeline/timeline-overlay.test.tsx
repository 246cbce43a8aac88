import Button from '@mui/material/Button'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { Router } from 'wouter'
import { AppProviders } from '@/app/app'
import { AppRoutes } from '@/app/router'
import { mockConnection } from '@/config/connection'
import { entry } from '@/features/timeline/timeline-entry.test-helpers'
import { Timeline } from '@/features/timeline/timeline'
import { entriesFromOverlay, type TimelineEntry } from '@/features/timeline/timeline-entry'
import type { TimelineItem } from '@/mutations/overlay'
import { MemoryStorage } from '@/mutations/journal.test-helpers'
import { useDeleteInteraction, useSubmitInteractions } from '@/mutations/use-journal'
import { TEST_NOW, setupMockBackend } from '@/test/mock-backend'
import { createMemoryUrl, createTestQueryClient } from '@/test/render'

const { backend } = setupMockBackend()

const originalTz = process.env.TZ
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined
})
beforeEach(() => {
  process.env.TZ = 'Europe/Amsterdam'
  vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW })
})
afterEach(() => {
  vi.useRealTimers()
  process.env.TZ = originalTz
})

type WritesProps = { candidateId: string; deleteId: string }

/** Stands in for the interaction forms (another feature): writes through the real journal. */
function Writes({ candidateId, deleteId }: WritesProps) {
  const create = useSubmitInteractions(candidateId)
  const remove = useDeleteInteraction(candidateId)
  return (
    <>
      <Button
        onClick={() =>
          void create.submit([
            { type: ['Telefonisch'], performedAt: '2025-06-02', summary: 'Net gebeld' },
          ])
        }
      >
        test: log
      </Button>
      <Button onClick={() => void remove.submit({ target: { id: deleteId }, previous: null })}>
        test: delete
      </Button>
    </>
  )
}

test('what the counsellor just logged or removed shows at once as pending, and can be filtered', async () => {
  backend.setScenario({ stuckQueue: true }) // accepted, never executed: stays pending
  const candidate = backend.db
    .candidates('utrecht', 'production')
    .find((c) => backend.db.interactions('utrecht', 'production', c.id).length >= 2)
  if (!candidate) throw new Error('the seed has a candidate with interactions')
  const [toDelete] = backend.db.interactions('utrecht', 'production', candidate.id)
  const summary = toDelete?.summary
  if (!toDelete || typeof summary !== 'string') throw new Error('its newest one has a summary')
  const { url, router } = createMemoryUrl(`/candidates/${candidate.id}`)
  const user = userEvent.setup()
  render(
    <AppProviders
      queryClient={createTestQueryClient()}
      initialConnection={mockConnection()}
      initialEnvironment="production"
      initialSandboxMode="header"
      journalOptions={{ storage: new MemoryStorage(), isEventsEnabled: false }}
    >
      <Router {...router}>
        <AppRoutes />
      </Router>
      <Writes candidateId={candidate.id} deleteId={toDelete.id} />
    </AppProviders>,
  )
  const feed = await screen.findByRole('feed', { name: 'Interactions' })
  await within(feed).findAllByRole('article')

  await user.click(screen.getByRole('button', { name: 'test: log' }))
  const logged = await within(feed).findByRole('article', { name: 'Net gebeld' })
  expect(logged).toHaveTextContent('Pending · new')

  await user.click(screen.getByRole('button', { name: 'test: delete' }))
  const removed = await within(feed).findByRole('article', { name: summary })
  expect(await within(removed).findByText('Pending · removal')).toBeInTheDocument()
  expect(removed).toHaveClass('tl-entry--deleting')

  const show = screen.getByRole('group', { name: 'Show only' })
  await user.click(within(show).getByRole('button', { name: 'Pending (2)' }))
  expect(within(feed).getAllByRole('article')).toHaveLength(2)
  await waitFor(() => {
    expect(url.search).toBe('?status=pending')
  })
})

function pendingItem(fields: Partial<Extract<TimelineItem, { kind: 'pending' }>>): TimelineItem {
  return {
    kind: 'pending',
    id: 'key-1:0',
    recordId: null,
    record: null,
    status: 'pending',
    pendingOperation: 'create',
    entryKey: 'key-1',
    target: { createKey: 'key-1', index: 0 },
    values: { type: ['E-mail'], performedAt: '2025-06-01', summary: 'Nieuw' },
    previous: null,
    error: null,
    changedFields: [],
    ...fields,
  }
}

function renderTimeline(
  entries: TimelineEntry[],
  renderEntryActions?: (e: TimelineEntry) => ReactNode,
  onLogInteraction?: () => void,
) {
  const { router } = createMemoryUrl('/')
  render(
    <AppProviders queryClient={createTestQueryClient()} initialConnection={mockConnection()}>
      <Router {...router}>
        <Timeline
          entries={entries}
          serverCount={entries.length}
          isFetching={false}
          error={null}
          onRetry={() => undefined}
          schemaInfo={{ types: [], fieldTitles: {} }}
          hasStatusFilter
          renderEntryActions={renderEntryActions}
          onLogInteraction={onLogInteraction}
          exportName="Test"
        />
      </Router>
    </AppProviders>,
  )
}

test('a failed change says why and offers the actions the route passes in; a stale one says so', () => {
  const server = entry({ id: 'recServer', summary: 'Oud', performedAt: '2025-05-01' })
  const entries = [
    server,
    ...entriesFromOverlay([
      pendingItem({
        status: 'failed',
        error: {
          kind: 'outcome',
          code: 'ownership',
          message: 'Interaction belongs to another candidate',
        },
        values: { type: ['E-mail'], performedAt: '2025-06-01', summary: 'Mislukt' },
      }),
      pendingItem({
        id: 'recEdited',
        recordId: 'recEdited',
        entryKey: 'key-2',
        status: 'stale',
        pendingOperation: 'update',
        values: {
          type: ['Telefonisch'],
          performedAt: '2025-05-30',
          summary: 'Nieuwe samenvatting',
        },
      }),
    ]),
  ]
  renderTimeline(entries, (item) =>
    item.status === 'failed' ? <Button size="small">Edit &amp; resubmit</Button> : null,
  )

  const feed = screen.getByRole('feed', { name: 'Interactions' })
  const failed = within(feed).getByRole('article', { name: 'Mislukt' })
  expect(failed).toHaveTextContent('Failed · new')
  expect(failed).toHaveTextContent('Reason: This interaction belongs to another candidate.')
  expect(within(failed).getByRole('button', { name: 'Edit & resubmit' })).toBeInTheDocument()

  const stale = within(feed).getByRole('article', { name: 'Nieuwe samenvatting' })
  expect(stale).toHaveTextContent('Not confirmed yet · edit')
  expect(stale).toHaveTextContent('The server has not confirmed this change yet.')

  const plain = within(feed).getByRole('article', { name: 'Oud' })
  expect(within(plain).queryByRole('button', { name: 'Edit & resubmit' })).not.toBeInTheDocument()
  expect(
    within(screen.getByRole('group', { name: 'Show only' })).getByRole('button', {
      name: 'Failed (1)',
    }),
  ).toBeEnabled()
})

test('without a way to log interactions the empty state says why its button is disabled', () => {
  renderTimeline([])

  const button = screen.getByRole('button', { name: 'Log the first interaction' })
  expect(button).toBeDisabled()
  expect(button).toHaveAccessibleDescription(
    'Logging interactions is not available in this version yet.',
  )
})
