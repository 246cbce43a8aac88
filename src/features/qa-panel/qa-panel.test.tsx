import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { mockConnection } from '@/config/connection'
import { controlFor } from '@/mocks/control'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { backend } = setupMockBackend()
const defaults = backend.getScenario()

function renderWithPanel(route = '/candidates') {
  const rendered = renderApp(route, { mockControl: controlFor(backend, defaults) })
  return rendered
}

async function openPanel(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'QA panel' }))
  return screen.findByRole('dialog', { name: 'QA panel' })
}

test('QA can stick the queue, switch events off and lose the next write, and the URL follows', async () => {
  const { user, url } = renderWithPanel()
  const panel = await openPanel(user)

  await user.click(within(panel).getByRole('switch', { name: 'Stuck queue' }))
  await user.click(within(panel).getByRole('switch', { name: 'Events stream (/events)' }))
  await user.click(
    within(panel).getByRole('switch', { name: 'Lose the response of the next write' }),
  )

  expect(backend.getScenario()).toMatchObject({
    stuckQueue: true,
    eventsEnabled: false,
    dropNextWrite: true,
  })
  await waitFor(() => {
    const params = new URLSearchParams(url.search)
    expect(params.get('mock.stuck')).toBe('1')
    expect(params.get('mock.events')).toBe('off')
    expect(params.get('mock.drop')).toBe('1')
  })
  expect(within(panel).getByRole('textbox', { name: 'Link to this scenario' })).toHaveValue(
    `${window.location.origin}/candidates?mock.stuck=1&mock.events=off&mock.drop=1`,
  )
})

test('QA sets engine latency, failure rate and failing reads, and the read count goes down', async () => {
  // The settings page reads nothing itself, so only our own read below uses up a failing read.
  const { user, url } = renderWithPanel('/settings')
  const panel = await openPanel(user)

  const latency = within(panel).getByRole('spinbutton', { name: 'Engine latency (ms)' })
  await user.clear(latency)
  await user.type(latency, '4000')
  expect(backend.getScenario().latencyMs).toBe(4000)

  const writeDelay = within(panel).getByRole('spinbutton', { name: 'Write answer delay (ms)' })
  await user.clear(writeDelay)
  await user.type(writeDelay, '2000')
  expect(backend.getScenario().writeAnswerDelayMs).toBe(2000)
  await waitFor(() => {
    expect(new URLSearchParams(url.search).get('mock.writeDelay')).toBe('2000')
  })

  const failure = within(panel).getByRole('slider', { name: /Failure rate/ })
  failure.focus()
  await user.keyboard('{ArrowRight}{ArrowRight}')
  expect(backend.getScenario().failureRate).toBeCloseTo(0.1)

  await user.click(
    within(panel).getByRole('radio', { name: 'The next reads answer 429 (too many requests)' }),
  )
  expect(backend.getScenario().readErrors).toEqual({ mode: 'next', status: 429, remaining: 5 })
  const count = within(panel).getByRole('spinbutton', { name: 'Number of failing reads' })
  await user.clear(count)
  await user.type(count, '2')
  await waitFor(() => {
    expect(new URLSearchParams(url.search).get('mock.readErrors')).toBe('429x2')
  })

  // A read uses one up; the panel and the URL follow the mock.
  await fetch(`${window.location.origin}/api/v2/schema`, {
    headers: { 'x-api-key': 'demo-utrecht' },
  })
  await waitFor(() => {
    expect(new URLSearchParams(url.search).get('mock.readErrors')).toBe('429x1')
  })

  await user.click(within(panel).getByRole('radio', { name: /Rate limit/ }))
  // The number carries over to the new kind of failure.
  expect(backend.getScenario().readErrors).toEqual({ mode: 'burst', perSecond: 1 })

  await user.click(within(panel).getByRole('button', { name: 'Back to the demo defaults' }))
  expect(backend.getScenario()).toEqual(defaults)
  await waitFor(() => {
    expect(url.search).toBe('')
  })
})

test('a scenario link opens with its settings shown, and copying it works', async () => {
  backend.setScenario({ stuckQueue: true, latencyMs: 2500 })
  const { user } = renderWithPanel('/candidates?mock.stuck=1&mock.latency=2500&sandbox=1')
  const panel = await openPanel(user)

  expect(within(panel).getByRole('switch', { name: 'Stuck queue' })).toBeChecked()
  expect(within(panel).getByRole('spinbutton', { name: 'Engine latency (ms)' })).toHaveValue(2500)
  const link = within(panel).getByRole('textbox', { name: 'Link to this scenario' })
  expect(link).toHaveValue(
    `${window.location.origin}/candidates?mock.stuck=1&mock.latency=2500&sandbox=1`,
  )
  await user.click(within(panel).getByRole('button', { name: 'Copy link to this scenario' }))
  expect(await within(panel).findByText('Link copied.')).toBeInTheDocument()
  expect(await navigator.clipboard.readText()).toBe(
    `${window.location.origin}/candidates?mock.stuck=1&mock.latency=2500&sandbox=1`,
  )
})

test('resetting the demo data asks first, then brings back the seed', async () => {
  const [first] = backend.db.candidates('utrecht', 'production')
  if (!first) throw new Error('seed has candidates')
  await fetch(`${window.location.origin}/api/v2/candidates/${first.id}`, {
    method: 'PATCH',
    headers: { 'x-api-key': 'demo-utrecht', 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: 'Changed' }),
  })
  await backend.engine.idle()
  expect(backend.db.candidates('utrecht', 'production')[0]?.firstName).toBe('Changed')
  const { user } = renderWithPanel()
  const panel = await openPanel(user)

  await user.click(within(panel).getByRole('button', { name: 'Reset demo data' }))
  const confirm = await screen.findByRole('dialog', { name: 'Reset the demo data?' })
  await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
  await user.click(await within(panel).findByRole('button', { name: 'Reset demo data' }))
  await user.click(
    within(await screen.findByRole('dialog', { name: 'Reset the demo data?' })).getByRole(
      'button',
      { name: 'Reset data' },
    ),
  )
  expect(await within(panel).findByText('The demo data was reset.')).toBeInTheDocument()
  expect(backend.db.candidates('utrecht', 'production')[0]).toEqual(first)
})

test('the QA panel is not offered on a real connection, nor without a mock', async () => {
  renderApp('/candidates', {
    mockControl: controlFor(backend, defaults),
    connection: {
      kind: 'upstream',
      origin: window.location.origin,
      apiKey: 'demo-utrecht',
      region: 'utrecht',
    },
  })
  await screen.findByRole('heading', { level: 1, name: 'Candidates' })
  expect(screen.queryByRole('button', { name: 'QA panel' })).not.toBeInTheDocument()
})

test('without a mock control there is no QA panel either', async () => {
  renderApp('/candidates', { connection: mockConnection() })
  await screen.findByRole('heading', { level: 1, name: 'Candidates' })
  expect(screen.queryByRole('button', { name: 'QA panel' })).not.toBeInTheDocument()
})
