import { QueryClient } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { JournalHaltBanner } from '@/features/sync/journal-halt-banner'
import { JournalProvider } from '@/mutations/journal-provider'
import { journalHaltKey } from '@/mutations/journal-storage-key'
import { MemoryStorage, TEST_SCOPE, testApiClient } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://halt.test'
setupMockBackend({ baseUrl: ORIGIN, now: Date.now })

test('while writes are halted every page says so, and the counsellor can resume them', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const storage = new MemoryStorage()
  storage.setItem(
    journalHaltKey(TEST_SCOPE),
    JSON.stringify({ reason: 'sandbox-mismatch', message: 'answered from sandbox', at: 1 }),
  )
  // A stored halt makes the journal's runtime load at once, as after a reload.
  render(
    <JournalProvider
      api={testApiClient(ORIGIN)}
      queryClient={new QueryClient()}
      options={{ storage, isEventsEnabled: false }}
    >
      <JournalHaltBanner />
    </JournalProvider>,
  )
  const user = userEvent.setup()
  expect(
    await screen.findByText('Changes are not being sent', {}, { timeout: 5000 }),
  ).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Resume sending' }))
  expect(screen.queryByText('Changes are not being sent')).toBeNull()
  expect(storage.getItem(journalHaltKey(TEST_SCOPE))).toBeNull()
})
