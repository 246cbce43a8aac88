import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { INTERACTIONS_LIST_LIMIT } from '@/api/contract'
import { candidateName } from '@/features/candidates/candidate-name'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { server, backend } = setupMockBackend()

function seededCandidate(match: (interactionCount: number) => boolean) {
  const found = backend.db
    .candidates('utrecht', 'production')
    .find((candidate) =>
      match(backend.db.interactions('utrecht', 'production', candidate.id).length),
    )
  if (!found) throw new Error('no seeded candidate matches')
  return found
}

test('counsellor can open a candidate from the list and see the interactions', async () => {
  const candidate = seededCandidate((count) => count >= 3 && count < INTERACTIONS_LIST_LIMIT)
  const interactions = backend.db.interactions('utrecht', 'production', candidate.id)
  const { user, url } = renderApp('/candidates')

  const link = await screen.findByRole(
    'link',
    { name: new RegExp(candidateName(candidate)) },
    { timeout: 5000 }, // the list page's code is a lazy chunk
  )
  await user.click(link)

  expect(url.pathname).toBe(`/candidates/${candidate.id}`)
  expect(
    await screen.findByRole(
      'heading',
      { level: 1, name: candidateName(candidate) },
      { timeout: 5000 }, // the page's code is a lazy chunk
    ),
  ).toBeInTheDocument()
  expect(screen.getByRole('link', { name: candidate.email })).toHaveAttribute(
    'href',
    `mailto:${candidate.email}`,
  )
  const feed = await screen.findByRole('feed', { name: 'Interactions' })
  // Every interaction the backend holds, each an article of the feed.
  const articles = await within(feed).findAllByRole('article')
  expect(articles).toHaveLength(interactions.length)
  const shownDates = within(feed)
    .getAllByRole('time')
    .map((time) => time.getAttribute('datetime'))
  expect(shownDates.toSorted()).toEqual(
    interactions.map((interaction) => interaction.performedAt).toSorted(),
  )
  expect(screen.queryByText(/at most 100 interactions/)).not.toBeInTheDocument()
})

test('counsellor is told the list may be incomplete for a candidate with over 100 interactions', async () => {
  const busy = seededCandidate((count) => count > INTERACTIONS_LIST_LIMIT)
  renderApp(`/candidates/${busy.id}`)

  const feed = await screen.findByRole('feed', { name: 'Interactions' })
  // The first screenful is drawn first, the rest right after.
  await waitFor(
    () => {
      expect(within(feed).getAllByRole('article')).toHaveLength(INTERACTIONS_LIST_LIMIT)
    },
    { timeout: 5000 },
  )
  expect(feed).toHaveAttribute('aria-busy', 'false')
  expect(screen.getByText('Only the newest 100 interactions are shown')).toBeInTheDocument()
  expect(
    screen.getByText(
      'The API returns at most 100 interactions per candidate, so older ones may be missing from this list.',
    ),
  ).toBeInTheDocument()
})

test('counsellor sees that a candidate has no interactions yet', async () => {
  const quiet = seededCandidate((count) => count === 0)
  renderApp(`/candidates/${quiet.id}`)

  expect(
    await screen.findByText('No interactions have been logged for this candidate yet.'),
  ).toBeInTheDocument()
})

test('counsellor sees "candidate not found" for an unknown id and can go back to the list', async () => {
  const { user, url } = renderApp('/candidates/recDoesNotExist00')

  expect(
    await screen.findByRole('heading', { level: 1, name: 'Candidate not found' }),
  ).toBeInTheDocument()
  const alert = screen.getByRole('alert')
  expect(alert).toHaveTextContent('There is no candidate with this ID')

  await user.click(within(alert).getByRole('link', { name: 'Back to candidates' }))
  expect(url.pathname).toBe('/candidates')
  expect(await screen.findByRole('heading', { level: 1, name: 'Candidates' })).toBeInTheDocument()
})

test('counsellor sees a network failure on the candidate page and can retry', async () => {
  const candidate = seededCandidate((count) => count > 0 && count < INTERACTIONS_LIST_LIMIT)
  server.use(http.get('*/api/v2/candidates/:candidateId', () => HttpResponse.error()))
  const { user } = renderApp(`/candidates/${candidate.id}`)

  expect(
    await screen.findByRole('heading', { level: 1, name: 'Cannot reach the server' }),
  ).toBeInTheDocument()

  server.resetHandlers()
  await user.click(screen.getByRole('button', { name: 'Try again' }))
  expect(
    await screen.findByRole(
      'heading',
      { level: 1, name: candidateName(candidate) },
      { timeout: 5000 }, // the page's code is a lazy chunk
    ),
  ).toBeInTheDocument()
})

test('counsellor sees a clear message when the interactions cannot be read', async () => {
  const candidate = seededCandidate((count) => count > 0 && count < INTERACTIONS_LIST_LIMIT)
  server.use(
    http.get('*/api/v2/candidates/:candidateId/interactions', () =>
      HttpResponse.json(
        { statusCode: 401, message: 'Unknown API key.', error: { code: 'unauthorized' } },
        { status: 401 },
      ),
    ),
  )
  renderApp(`/candidates/${candidate.id}`)

  const section = await screen.findByRole('region', { name: 'Interactions' })
  expect(await within(section).findByRole('alert')).toHaveTextContent('API key not accepted')
})
