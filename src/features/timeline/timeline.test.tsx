import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import type { Interaction } from '@/api/contract'
import { interaction } from '@/features/timeline/timeline-entry.test-helpers'
import { TEST_NOW, setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { server, backend } = setupMockBackend()

const originalTz = process.env.TZ
beforeAll(() => {
  // jsdom lays nothing out, so it has no scrolling either.
  Element.prototype.scrollIntoView = () => undefined
})
beforeEach(() => {
  process.env.TZ = 'Europe/Amsterdam'
  // Only the clock: "Today" is 2 June 2025, 12:00 in Amsterdam. Timers stay real.
  vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW })
})
afterEach(() => {
  vi.useRealTimers()
  process.env.TZ = originalTz
})

function candidateId(): string {
  const first = backend.db.candidates('utrecht', 'production')[0]
  if (!first) throw new Error('the seed has candidates')
  return first.id
}

function serve(data: Interaction[]) {
  server.use(
    // Answered from the environment asked for: the client refuses anything else as data.
    http.get('*/api/v2/candidates/:candidateId/interactions', ({ request }) =>
      HttpResponse.json({
        statusCode: 200,
        message: 'OK',
        data,
        meta: { sandboxEnabled: request.headers.get('x-api-sandbox') === 'true' },
      }),
    ),
  )
}

const SAMPLE = () => [
  interaction({
    id: 'recPlanned',
    type: ['Adviesgesprek'],
    performedAt: '2025-06-09T10:00:00+02:00',
    summary: 'Loopbaanadvies gepland',
  }),
  interaction({
    id: 'recToday',
    type: ['Telefonisch'],
    performedAt: '2025-06-02T09:15:00+02:00',
    summary: 'Teruggebeld over de pabo',
    notes: 'Wil in het primair onderwijs beginnen. Stuurt haar cv nog op.',
    duration: 1500,
  }),
  interaction({
    id: 'recYesterday',
    type: ['E-mail'],
    performedAt: '2025-06-01',
    summary: 'Brochure gestuurd',
  }),
  interaction({
    id: 'recOld',
    type: ['Telefonisch', 'Persoonlijk'],
    performedAt: '2025-05-20T14:00:00+02:00',
    summary: 'Kennismaking op kantoor',
    duration: 4200,
  }),
]

async function openTimeline(route = `/candidates/${candidateId()}`) {
  const rendered = renderApp(route)
  // The first test of a run also waits for the page's code to load (it is a lazy chunk).
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, { timeout: 5000 })
  await within(feed).findAllByRole('article')
  return { ...rendered, feed }
}

const summaries = (feed: HTMLElement) =>
  within(feed)
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading', { level: 3 }).textContent)

test('counsellor sees upcoming entries on top, then Today, Yesterday and older days', async () => {
  serve(SAMPLE())
  const { feed } = await openTimeline()

  expect(summaries(feed)).toEqual([
    'Loopbaanadvies gepland',
    'Teruggebeld over de pabo',
    'Brochure gestuurd',
    'Kennismaking op kantoor',
  ])
  const text = feed.textContent
  const order = ['Upcoming', 'Today', 'Yesterday', 'Tuesday, May 20'].map((label) =>
    text.indexOf(label),
  )
  expect(order.every((at) => at >= 0)).toBe(true)
  expect(order).toEqual(order.toSorted((a, b) => a - b))
  expect(within(feed).getAllByRole('article')[1]).toHaveAttribute('aria-posinset', '2')
  expect(within(feed).getAllByRole('article')[1]).toHaveAttribute('aria-setsize', '4')
  expect(feed).toHaveAttribute('aria-busy', 'false')
})

test('counsellor sees type, summary, notes, a short duration and the time, exact and relative', async () => {
  serve(SAMPLE())
  const { feed } = await openTimeline()

  const today = within(feed).getByRole('article', { name: 'Teruggebeld over de pabo' })
  expect(today).toHaveTextContent('Telefonisch')
  expect(today).toHaveTextContent('Stuurt haar cv nog op.')
  expect(today).toHaveTextContent('25 min')
  expect(today).toHaveTextContent('3 hours ago')
  // The exact local time is in the entry (shown on hover and keyboard focus).
  expect(today).toHaveTextContent('Monday, June 2, 2025 at 9:15 AM')
  expect(within(feed).getByRole('article', { name: 'Kennismaking op kantoor' })).toHaveTextContent(
    '1 h 10 min',
  )
})

test('a date-only interaction shows as that date, never as midnight, whatever the time zone', async () => {
  process.env.TZ = 'America/Los_Angeles' // west of UTC: a naive parse would say 31 May
  serve([interaction({ id: 'recA', performedAt: '2025-06-01', summary: 'Belafspraak' })])
  const { feed } = await openTimeline()

  const article = within(feed).getByRole('article', { name: 'Belafspraak' })
  const time = within(article).getByRole('time')
  expect(time).toHaveAttribute('datetime', '2025-06-01')
  // 10:00 UTC on 2 June is 03:00 on 2 June in Los Angeles: the 1st is yesterday there too.
  expect(time).toHaveTextContent(/^yesterday$/)
  expect(article).toHaveTextContent('Sunday, June 1, 2025 (date only, no time given)')
  expect(article).not.toHaveTextContent(/May 31|June 1, 2025 at/)
})

test('counsellor can filter by type; the counts say what each type shows and the URL keeps it', async () => {
  serve(SAMPLE())
  const sandboxed = backend.db.candidates('utrecht', 'sandbox')[0]
  if (!sandboxed) throw new Error('the sandbox seed has candidates')
  const { feed, user, url } = await openTimeline(`/candidates/${sandboxed.id}?sandbox=1`)

  const types = await screen.findByRole('group', { name: 'Type' })
  await user.click(within(types).getByRole('button', { name: 'Telefonisch (2)' }))

  expect(summaries(feed)).toEqual(['Teruggebeld over de pabo', 'Kennismaking op kantoor'])
  expect(within(types).getByRole('button', { name: 'Telefonisch (2)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  expect(screen.getByText('Showing 2 of 4 interactions')).toBeInTheDocument()
  // The URL follows a moment later (see docs/decisions/0020), keeping `sandbox=1`.
  await waitFor(() => {
    expect(new URLSearchParams(url.search).getAll('type')).toEqual(['Telefonisch'])
  })
  expect(new URLSearchParams(url.search).get('sandbox')).toBe('1')

  await user.click(within(types).getByRole('button', { name: 'E-mail (1)' }))
  expect(summaries(feed)).toHaveLength(3)
})

test('the type filter waits for the region’s schema, so its chips never reorder under the pointer', async () => {
  serve(SAMPLE())
  let release: () => void = () => undefined
  const schemaArrives = new Promise<void>((resolve) => {
    release = resolve
  })
  // The schema answers only when released; the mock's own handler then serves it.
  server.use(
    http.get('*/api/v2/schema', async () => {
      await schemaArrives
    }),
  )
  await openTimeline()
  // The entries are there already; the types wait (alphabetical now, the schema's order later).
  expect(screen.queryByRole('group', { name: 'Type' })).toBeNull()

  release()
  const types = await screen.findByRole('group', { name: 'Type' })
  expect(
    within(types)
      .getAllByRole('button')
      .map((chip) => chip.textContent),
  ).toEqual(['Telefonisch (2)', 'E-mail (1)', 'Persoonlijk (1)', 'Adviesgesprek (1)'])
})

test('counsellor can search summary and notes, regardless of case and accents', async () => {
  serve(SAMPLE())
  const { feed, user, url } = await openTimeline()

  await user.type(screen.getByRole('searchbox', { name: 'Search summary and notes' }), 'CV')

  expect(summaries(feed)).toEqual(['Teruggebeld over de pabo'])
  const article = within(feed).getByRole('article', { name: 'Teruggebeld over de pabo' })
  expect(article.querySelector('mark')).toHaveTextContent('cv')
  await waitFor(() => {
    expect(new URLSearchParams(url.search).get('q')).toBe('CV')
  })
})

test('counsellor narrowing to nothing is told which filter hides what, and can clear just that', async () => {
  serve(SAMPLE())
  const { user } = renderApp(`/candidates/${candidateId()}?type=E-mail&from=2025-06-02`)

  const status = await screen.findByText('No interactions match these filters')
  const feed = screen.getByRole('feed', { hidden: true })
  const notice = status.closest('[role="status"]')
  if (!(notice instanceof HTMLElement)) throw new Error('the notice is a status region')
  expect(notice).toHaveTextContent('Type: E-mail')
  expect(notice).toHaveTextContent('Date: from Monday, June 2, 2025')
  expect(notice).toHaveTextContent('Clearing the type filter would show 2 interactions.')
  expect(notice).toHaveTextContent('Clearing the date range would show 1 interaction.')
  expect(feed.closest('[hidden]')).not.toBeNull()

  await user.click(within(notice).getByRole('button', { name: 'Clear date range' }))
  expect(summaries(feed)).toEqual(['Brochure gestuurd'])
  expect(screen.queryByText('No interactions match these filters')).not.toBeInTheDocument()
})

test('a shared link opens the timeline with its filters applied', async () => {
  serve(SAMPLE())
  const { feed } = await openTimeline(`/candidates/${candidateId()}?q=pabo&type=Telefonisch`)

  expect(summaries(feed)).toEqual(['Teruggebeld over de pabo'])
  expect(screen.getByRole('searchbox', { name: 'Search summary and notes' })).toHaveValue('pabo')
})

test('keyboard user moves through entries with arrows or j/k and opens one with Enter', async () => {
  serve(SAMPLE())
  const { feed, user } = await openTimeline()
  const articles = within(feed).getAllByRole('article')
  const [first, second, third] = articles
  if (!first || !second || !third) throw new Error('four entries')

  // One tab stop for the whole feed.
  expect(articles.map((article) => article.tabIndex)).toEqual([0, -1, -1, -1])
  first.focus()
  await user.keyboard('{ArrowDown}')
  expect(second).toHaveFocus()
  await user.keyboard('j')
  expect(third).toHaveFocus()
  await user.keyboard('k')
  expect(second).toHaveFocus()
  expect(second.tabIndex).toBe(0)

  const toggle = within(second).getByRole('button', { name: 'Show details' })
  expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await user.keyboard('{Enter}')
  expect(within(second).getByRole('button', { name: 'Hide details' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
  expect(within(second).getByText('Logged')).toBeVisible()
  await user.keyboard('{End}')
  expect(articles.at(-1)).toHaveFocus()
  await user.keyboard('{Home}')
  expect(first).toHaveFocus()
})

test('counsellor opening a candidate without interactions is invited to log the first one', async () => {
  serve([])
  renderApp(`/candidates/${candidateId()}`)

  expect(
    await screen.findByText('No interactions have been logged for this candidate yet.'),
  ).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Log the first interaction' })).toBeEnabled()
  // No feed without entries (a feed must own articles), and no filters to play with.
  expect(screen.queryByRole('feed')).not.toBeInTheDocument()
  expect(screen.queryByRole('search', { name: 'Filter interactions' })).not.toBeInTheDocument()
})

test('when the interactions cannot be read the page stays usable and a retry brings them', async () => {
  server.use(
    http.get('*/api/v2/candidates/:candidateId/interactions', () => HttpResponse.error(), {
      once: true,
    }),
  )
  const { user } = renderApp(`/candidates/${candidateId()}`)

  const section = await screen.findByRole('region', { name: 'Interactions' })
  expect(await within(section).findByRole('alert')).toHaveTextContent('Cannot reach the server')
  expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument()

  serve(SAMPLE())
  await user.click(within(section).getByRole('button', { name: 'Try again' }))
  expect(await within(section).findAllByRole('article')).toHaveLength(4)
  expect(within(section).queryByRole('alert')).not.toBeInTheDocument()
})

test('counsellor reading in Dutch sees Dutch groups, times and durations', async () => {
  serve(SAMPLE())
  const { feed, user } = await openTimeline()

  await user.click(screen.getByRole('button', { name: 'Nederlands' }))

  const dutchFeed = await screen.findByRole('feed', { name: 'Contactmomenten' })
  expect(dutchFeed).toBe(feed)
  expect(feed).toHaveTextContent('Gepland')
  expect(feed).toHaveTextContent('Vandaag')
  expect(feed).toHaveTextContent('Gisteren')
  const today = within(feed).getByRole('article', { name: 'Teruggebeld over de pabo' })
  expect(today).toHaveTextContent('3 uur geleden')
  expect(today).toHaveTextContent('maandag 2 juni 2025 om 09:15')
  expect(within(feed).getByRole('article', { name: 'Kennismaking op kantoor' })).toHaveTextContent(
    '1 u 10 min',
  )
  expect(await screen.findByRole('group', { name: 'Soort' })).toBeInTheDocument()
})
