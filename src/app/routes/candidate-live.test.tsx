import Button from '@mui/material/Button'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeAll, expect, test } from 'vitest'
import { Router } from 'wouter'
import { API_PREFIX, HEADER_API_KEY, QUERY_IDEMPOTENCY_KEY, paths } from '@/api/contract'
import { AppProviders } from '@/app/app'
import { RelayModeContext } from '@/app/relay-mode'
import { AppRoutes } from '@/app/router'
import { mockConnection } from '@/config/connection'
import { MemoryStorage } from '@/mutations/journal.test-helpers'
import { useSubmitInteractions } from '@/mutations/use-journal'
import { setupMockBackend } from '@/test/mock-backend'
import { createMemoryUrl, createTestQueryClient, renderApp } from '@/test/render'

const { server, backend } = setupMockBackend()

beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined
})

function candidateWithInteractions() {
  const found = backend.db.candidates('utrecht', 'production').find((c) => {
    const count = backend.db.interactions('utrecht', 'production', c.id).length
    return count >= 2 && count < 20
  })
  if (!found) throw new Error('the seed has a candidate with a few interactions')
  return found
}

/** Resolves once the page's `/events` stream has been answered (so it hears what follows). */
function eventsAnswered(): Promise<void> {
  return new Promise((resolve) => {
    const listener = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname.endsWith(paths.events)) {
        server.events.removeListener('response:mocked', listener)
        resolve()
      }
    }
    server.events.on('response:mocked', listener)
  })
}

/** A colleague's write: the same API, another browser, a key this tab never made. */
async function colleagueLogs(candidateId: string, summary: string, key = 'colleague-key-1') {
  const url = new URL(
    `${API_PREFIX.production}${paths.interactions(candidateId)}`,
    window.location.href,
  )
  url.searchParams.set(QUERY_IDEMPOTENCY_KEY, key)
  const response = await fetch(url, {
    method: 'POST',
    headers: { [HEADER_API_KEY]: 'demo-utrecht', 'content-type': 'application/json' },
    body: JSON.stringify([
      { type: ['Telefonisch'], performedAt: '2025-06-02T09:30:00+02:00', summary },
    ]),
  })
  expect(response.status).toBe(202)
}

test('a colleague’s confirmed change appears on the open timeline without a reload, marked new and announced', async () => {
  const candidate = candidateWithInteractions()
  const answered = eventsAnswered()
  renderApp(`/candidates/${candidate.id}`)
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, { timeout: 5000 })
  await within(feed).findAllByRole('article')
  await answered

  await colleagueLogs(candidate.id, 'Collega belde terug')

  const card = await within(feed).findByRole('article', { name: 'Collega belde terug' })
  // The mark is text in the card's description, so a screen reader hears it with the card.
  expect(within(card).getByText('New')).toBeInTheDocument()
  expect(card).toHaveAccessibleDescription(/New/)
  // Said once, politely, in the timeline's status line.
  expect(
    screen.getByText(/A colleague logged an interaction; it is marked “New”\./),
  ).toHaveAttribute('role', 'status')
  // Cards that were already there are not marked.
  const others = within(feed)
    .getAllByRole('article')
    .filter((article) => article !== card)
  for (const article of others) expect(within(article).queryByText('New')).toBeNull()
})

test('a colleague’s edit is marked changed, and the marks start over on another candidate', async () => {
  const candidate = candidateWithInteractions()
  const [first] = backend.db.interactions('utrecht', 'production', candidate.id)
  if (!first) throw new Error('the candidate has interactions')
  const answered = eventsAnswered()
  const { url } = renderApp(`/candidates/${candidate.id}`)
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, { timeout: 5000 })
  await within(feed).findAllByRole('article')
  await answered

  const patchUrl = new URL(
    `${API_PREFIX.production}${paths.interaction(candidate.id, first.id)}`,
    window.location.href,
  )
  patchUrl.searchParams.set(QUERY_IDEMPOTENCY_KEY, 'colleague-edit-1')
  const response = await fetch(patchUrl, {
    method: 'PATCH',
    headers: { [HEADER_API_KEY]: 'demo-utrecht', 'content-type': 'application/json' },
    body: JSON.stringify({ summary: 'Door collega aangepast' }),
  })
  expect(response.status).toBe(202)

  const card = await within(feed).findByRole('article', { name: 'Door collega aangepast' })
  expect(within(card).getByText('Changed')).toBeInTheDocument()
  expect(screen.getByText(/A colleague changed an interaction/)).toBeInTheDocument()

  const other = backend.db
    .candidates('utrecht', 'production')
    .find(
      (c) =>
        c.id !== candidate.id && backend.db.interactions('utrecht', 'production', c.id).length > 0,
    )
  if (!other) throw new Error('the seed has another candidate')
  url.navigate(`/candidates/${other.id}`)
  const otherFeed = await screen.findByRole('feed', { name: 'Interactions' })
  await within(otherFeed).findAllByRole('article')
  expect(within(otherFeed).queryByText('Changed')).toBeNull()
  expect(screen.queryByText(/A colleague changed an interaction/)).toBeNull()
})

/** Logs through this tab's own journal (stands in for the log form, another feature). */
function OwnWrite({ candidateId }: { candidateId: string }) {
  const create = useSubmitInteractions(candidateId)
  return (
    <Button
      onClick={() =>
        void create.submit([
          { type: ['Telefonisch'], performedAt: '2025-06-02', summary: 'Zelf gebeld' },
        ])
      }
    >
      test: log
    </Button>
  )
}

test('this tab’s own confirmed change is not marked as a colleague’s', async () => {
  const candidate = candidateWithInteractions()
  const { router } = createMemoryUrl(`/candidates/${candidate.id}`)
  const user = userEvent.setup()
  render(
    <AppProviders
      queryClient={createTestQueryClient()}
      initialConnection={mockConnection()}
      initialEnvironment="production"
      initialSandboxMode="header"
      journalOptions={{ storage: new MemoryStorage(), highlightMs: 0 }}
    >
      <Router {...router}>
        <AppRoutes />
      </Router>
      <OwnWrite candidateId={candidate.id} />
    </AppProviders>,
  )
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, { timeout: 5000 })
  await within(feed).findAllByRole('article')

  await user.click(screen.getByRole('button', { name: 'test: log' }))
  await within(feed).findByRole('article', { name: 'Zelf gebeld' })
  await backend.engine.idle()
  // Confirmed by the stream, then shown from the data: a plain card, not a colleague's.
  await waitFor(() => {
    expect(within(feed).getByRole('article', { name: 'Zelf gebeld' })).not.toHaveTextContent(
      /Pending|Saved/,
    )
  })
  const card = within(feed).getByRole('article', { name: 'Zelf gebeld' })
  expect(within(card).queryByText('New')).toBeNull()
  expect(screen.queryByText(/A colleague/)).toBeNull()
})

test('a resync from the server re-reads the open timeline', async () => {
  const candidate = candidateWithInteractions()
  const events: { push: ((frame: string) => void) | null } = { push: null }
  let interactionReads = 0
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith(paths.interactions(candidate.id))) {
      interactionReads += 1
    }
  })
  server.use(
    http.get(`*${API_PREFIX.production}${paths.events}`, () => {
      const encoder = new TextEncoder()
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          events.push = (frame) => {
            controller.enqueue(encoder.encode(frame))
          }
        },
      })
      return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream' } })
    }),
  )
  renderApp(`/candidates/${candidate.id}`)
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, { timeout: 5000 })
  await within(feed).findAllByRole('article')
  await waitFor(() => {
    expect(events.push).not.toBeNull()
  })
  const before = interactionReads

  events.push?.('event:resync\ndata:{}\n\n')

  await waitFor(() => {
    expect(interactionReads).toBe(before + 1)
  })
  server.events.removeAllListeners('request:start')
})

const ANNA = { subject: 'anna', name: 'Anna de Vries', at: '2025-06-01T09:00:00Z' }
const BOB = { subject: 'bob', name: 'Bob Jansen', at: '2025-06-01T10:00:00Z' }

test('behind a relay, each interaction says who logged and who edited it', async () => {
  const candidate = candidateWithInteractions()
  const [first] = backend.db.interactions('utrecht', 'production', candidate.id)
  if (!first || typeof first.summary !== 'string') throw new Error('the first one has a summary')
  let auditReads = 0
  server.use(
    http.get('*/audit/candidates/:candidateId', ({ params }) => {
      auditReads += 1
      expect(params.candidateId).toBe(candidate.id)
      return HttpResponse.json({
        interactions: { [first.id]: { createdBy: ANNA, editedBy: BOB } },
        failures: [],
      })
    }),
  )
  renderApp(`/candidates/${candidate.id}`, { isOnRelay: true })
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, { timeout: 5000 })
  const card = await within(feed).findByRole('article', { name: first.summary })
  expect(
    await within(card).findByText('logged by Anna de Vries · edited by Bob Jansen'),
  ).toBeInTheDocument()
  expect(auditReads).toBe(1)
})

test('without a relay the audit trail is never asked for', async () => {
  const candidate = candidateWithInteractions()
  let auditReads = 0
  server.use(
    http.get('*/audit/candidates/:candidateId', () => {
      auditReads += 1
      return HttpResponse.json({ interactions: {}, failures: [] })
    }),
  )
  renderApp(`/candidates/${candidate.id}`)
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, { timeout: 5000 })
  await within(feed).findAllByRole('article')
  expect(screen.queryByText(/logged by/)).toBeNull()
  expect(auditReads).toBe(0)
})

test('the sync panel shows a colleague’s failed change to the open candidate', async () => {
  const candidate = candidateWithInteractions()
  server.use(
    http.get('*/audit/candidates/:candidateId', () =>
      HttpResponse.json({
        interactions: {},
        failures: [
          {
            idempotencyKey: 'colleague-failed-1',
            operation: 'create',
            by: ANNA,
            at: '2025-06-02T08:15:00Z',
            reason: 'The interaction type is not allowed in this region.',
          },
        ],
      }),
    ),
  )
  const { router } = createMemoryUrl(`/candidates/${candidate.id}`)
  const user = userEvent.setup()
  render(
    <AppProviders queryClient={createTestQueryClient()} initialConnection={mockConnection()}>
      <RelayModeContext value>
        <Router {...router}>
          <AppRoutes />
        </Router>
      </RelayModeContext>
    </AppProviders>,
  )
  await screen.findByRole('feed', { name: 'Interactions' }, { timeout: 5000 })
  await user.click(screen.getByRole('button', { name: /All changes saved/ }))

  const panel = await screen.findByRole('dialog', { name: 'Changes' })
  const section = within(panel).getByRole('region', {
    name: 'Colleagues’ changes to this candidate that failed',
  })
  const item = within(section).getByRole('listitem')
  expect(item).toHaveTextContent('New interaction by Anna de Vries')
  expect(item).toHaveTextContent(/Failed .*: The interaction type is not allowed in this region\./)
})
