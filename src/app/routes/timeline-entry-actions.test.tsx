import { render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { Router } from 'wouter'
import { AppProviders } from '@/app/app'
import { AppRoutes } from '@/app/router'
import { mockConnection } from '@/config/connection'
import type { JournalEntry } from '@/mutations/journal-entry'
import { legacyJournalKey } from '@/mutations/journal-storage-key'
import { MemoryStorage, TEST_SCOPE, makeEntry } from '@/mutations/journal.test-helpers'
import { TEST_NOW, setupMockBackend } from '@/test/mock-backend'
import { createMemoryUrl, createTestQueryClient } from '@/test/render'

const { backend } = setupMockBackend()

beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined
})
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW })
})
afterEach(() => {
  vi.useRealTimers()
})

/** The candidate page with these changes left in the journal by an earlier visit. */
function renderCandidate(candidateId: string, entries: JournalEntry[]) {
  const storage = new MemoryStorage()
  storage.setItem(legacyJournalKey(TEST_SCOPE), JSON.stringify({ version: 1, entries }))
  const { router } = createMemoryUrl(`/candidates/${candidateId}`)
  render(
    <AppProviders
      queryClient={createTestQueryClient()}
      initialConnection={mockConnection()}
      initialEnvironment="production"
      initialSandboxMode="header"
      journalOptions={{ storage, isEventsEnabled: false }}
    >
      <Router {...router}>
        <AppRoutes />
      </Router>
    </AppProviders>,
  )
}

const shown = (summary: string) => ({
  type: ['Telefonisch'],
  performedAt: '2025-05-20T10:00:00+02:00',
  summary,
})

test('a card whose edit or removal found the interaction gone offers only discard, and says why', async () => {
  const candidate = backend.db.candidates('utrecht', 'production')[0]
  if (!candidate) throw new Error('the seed has candidates')
  const change = (key: string, createdAt: number) => ({ key, phase: 'failed' as const, createdAt })
  const goneEngine = { kind: 'outcome', code: 'not_found', message: 'Does not exist.' } as const
  renderCandidate(candidate.id, [
    makeEntry(
      { ...change('edit-gone', 1), error: goneEngine },
      {
        candidateId: candidate.id,
        operation: 'update',
        target: { id: 'rec-gone-1' },
        payload: { notes: 'Aangevuld' },
        previous: shown('Gebeld door collega'),
      },
    ),
    makeEntry(
      {
        ...change('delete-gone', 2),
        phase: 'unsent',
        error: { kind: 'not-found', code: 'not_found', message: 'Not found' },
      },
      {
        candidateId: candidate.id,
        operation: 'delete',
        target: { id: 'rec-gone-2' },
        payload: null,
        previous: shown('Mail verstuurd'),
      },
    ),
    // Another reason to fail: correcting it may help, so it is offered.
    makeEntry(
      {
        ...change('edit-refused', 3),
        error: { kind: 'outcome', code: 'ownership', message: 'Not this candidate’s.' },
      },
      {
        candidateId: candidate.id,
        operation: 'update',
        target: { id: 'rec-gone-3' },
        payload: { notes: 'Aangevuld' },
        previous: shown('Adviesgesprek'),
      },
    ),
  ])

  const feed = await screen.findByRole('feed', { name: 'Interactions' })
  const edited = await within(feed).findByRole('article', { name: 'Gebeld door collega' })
  expect(edited).toHaveTextContent(
    'Reason: This interaction no longer exists (someone may have deleted it), so the edit cannot be made.',
  )
  const removed = within(feed).getByRole('article', { name: 'Mail verstuurd' })
  expect(removed).toHaveTextContent(
    'Reason: This interaction no longer exists: someone else may already have removed it.',
  )
  for (const card of [edited, removed]) {
    const buttons = within(card).getAllByRole('button', { name: /Retry|Discard|resubmit/ })
    expect(buttons.map((button) => button.textContent)).toEqual(['Discard'])
  }
  const refused = within(feed).getByRole('article', { name: 'Adviesgesprek' })
  expect(within(refused).getByRole('button', { name: 'Edit & resubmit' })).toBeInTheDocument()
})
