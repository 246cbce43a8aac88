import Button from '@mui/material/Button'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { HEADER_API_KEY, QUERY_IDEMPOTENCY_KEY } from '@/api/contract'
import { AppProviders } from '@/app/app'
import { scopeRegion, useConnection, type UpstreamConnection } from '@/config/connection'
import type { JournalEntry } from '@/mutations/journal-entry'
import { MemoryStorage, makeEntry, storeEntries } from '@/mutations/journal.test-helpers'
import { useJournalSnapshot } from '@/mutations/use-journal'
import { setupMockBackend } from '@/test/mock-backend'
import { createTestQueryClient } from '@/test/render'

const ORIGIN = 'http://upstream.test'
const { server, backend } = setupMockBackend({ baseUrl: ORIGIN })

// The counsellor typed the region's name; the API did not say which region a key opens.
const connectionWith = (apiKey: string): UpstreamConnection => ({
  kind: 'upstream',
  origin: ORIGIN,
  apiKey,
  region: 'utrecht',
})
const OLD_KEY = 'demo-utrecht'
const NEW_KEY = 'demo-rijnmond' // another region's key, pasted under the same region name

/** Stands in for the settings page (switches the key) and the pending cards (lists entries). */
function Probe() {
  const { setConnection } = useConnection()
  const { entries } = useJournalSnapshot()
  return (
    <>
      <Button
        onClick={() => {
          setConnection(connectionWith(OLD_KEY))
        }}
      >
        test: back to the old key
      </Button>
      <ul aria-label="journal">
        {entries.map((entry) => (
          <li key={entry.key}>{entry.key}</li>
        ))}
      </ul>
    </>
  )
}

/** Writes each entry into the journal of its own scope, as the app would have. */
const store = (storage: Storage, entries: JournalEntry[]) => {
  storeEntries(storage, entries)
}

test("after the key changes, the old key's pending writes are neither shown nor sent; they go out with their own key", async () => {
  const sent: { idempotencyKey: string | null; apiKey: string | null }[] = []
  const record = ({ request }: { request: Request }) => {
    if (request.method === 'GET') return
    sent.push({
      idempotencyKey: new URL(request.url).searchParams.get(QUERY_IDEMPOTENCY_KEY),
      apiKey: request.headers.get(HEADER_API_KEY),
    })
  }
  server.events.on('request:start', record)
  const candidateId = backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
  const inScopeOf = (apiKey: string, key: string) => ({
    ...makeEntry({ key, phase: 'sending', nextAttemptAt: null }, { candidateId }),
    scope: { environment: 'production' as const, region: scopeRegion(connectionWith(apiKey)) },
  })
  // A closed tab left one change of the old key mid-send; the new key has one of its own.
  const storage = new MemoryStorage()
  store(storage, [inScopeOf(OLD_KEY, 'old-key-change'), inScopeOf(NEW_KEY, 'new-key-change')])

  const user = userEvent.setup()
  render(
    <AppProviders
      queryClient={createTestQueryClient()}
      initialConnection={connectionWith(NEW_KEY)}
      initialEnvironment="production"
      isMockAvailable={false}
      journalOptions={{ storage, pollBaseMs: 20, retryBaseMs: 20, isEventsEnabled: false }}
    >
      <Probe />
    </AppProviders>,
  )
  const journal = screen.getByRole('list', { name: 'journal' })
  // The new key's journal ran (its own change went out) …
  await waitFor(() => {
    expect(sent.map((request) => request.idempotencyKey)).toContain('new-key-change')
  })
  expect(journal).toHaveTextContent('new-key-change')
  // … and the old key's change was neither listed nor sent with the new key.
  expect(journal).not.toHaveTextContent('old-key-change')
  expect(sent.filter((request) => request.apiKey === NEW_KEY)).toEqual([
    { idempotencyKey: 'new-key-change', apiKey: NEW_KEY },
  ])

  // Back on the old key, its change goes out with that key and its own idempotency key.
  await user.click(screen.getByRole('button', { name: 'test: back to the old key' }))
  await waitFor(() => {
    expect(sent.map((request) => request.idempotencyKey)).toContain('old-key-change')
  })
  expect(sent.filter((request) => request.idempotencyKey === 'old-key-change')).toEqual([
    { idempotencyKey: 'old-key-change', apiKey: OLD_KEY },
  ])
  server.events.removeListener('request:start', record)
})
