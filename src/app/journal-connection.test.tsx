import Button from '@mui/material/Button'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { AppProviders } from '@/app/app'
import { scopeRegion, useConnection, type UpstreamConnection } from '@/config/connection'
import { legacyJournalKey } from '@/mutations/journal-storage-key'
import { MemoryStorage, makeEntry } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'
import { createTestQueryClient } from '@/test/render'

const ORIGIN = 'http://upstream.test'
const { server, backend } = setupMockBackend({ baseUrl: ORIGIN })

const withoutKey: UpstreamConnection = {
  kind: 'upstream',
  origin: ORIGIN,
  apiKey: '',
  region: 'utrecht',
}

/** Stands in for the settings page: enters the key. */
function EnterKey() {
  const { setConnection } = useConnection()
  return (
    <Button
      onClick={() => {
        setConnection({ ...withoutKey, apiKey: 'demo-utrecht' })
      }}
    >
      test: enter key
    </Button>
  )
}

test('without an API key the journal neither listens, polls nor sends; with one it starts', async () => {
  const requests: string[] = []
  const record = ({ request }: { request: Request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`)
  }
  server.events.on('request:start', record)
  // A change left waiting by an earlier visit (its key was kept in memory only): it belongs to
  // the scope of that key, which is entered again below.
  const scope = {
    environment: 'production',
    region: scopeRegion({ ...withoutKey, apiKey: 'demo-utrecht' }),
  } as const
  const candidateId = backend.db.candidates('utrecht', 'production')[0]?.id ?? 'missing'
  const storage = new MemoryStorage()
  storage.setItem(
    legacyJournalKey(scope),
    JSON.stringify({
      version: 1,
      entries: [{ ...makeEntry({ key: 'waiting', phase: 'queued' }, { candidateId }), scope }],
    }),
  )
  const user = userEvent.setup()
  render(
    <AppProviders
      queryClient={createTestQueryClient()}
      initialConnection={withoutKey}
      initialEnvironment="production"
      isMockAvailable={false}
      journalOptions={{ storage, pollBaseMs: 20 }}
    >
      <EnterKey />
    </AppProviders>,
  )
  await new Promise((resolve) => setTimeout(resolve, 150)) // several poll intervals
  expect(requests).toEqual([])

  await user.click(screen.getByRole('button', { name: 'test: enter key' }))
  await waitFor(() => {
    expect(requests).toContain('GET /api/v2/events')
  })
  server.events.removeListener('request:start', record)
})
