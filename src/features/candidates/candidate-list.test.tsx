import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { DEFAULT_PAGE_SIZE } from '@/api/contract'
import { candidateName } from '@/features/candidates/candidate-name'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { server, backend } = setupMockBackend()
const everyone = () => backend.db.candidates('utrecht', 'production')

test('counsellor can page through the candidates with Load more', async () => {
  const { user } = renderApp('/candidates')
  expect(await screen.findByText('Loading candidates…')).toBeInTheDocument()

  const list = await screen.findByRole('list', { name: 'Candidates' })
  expect(within(list).getAllByRole('link')).toHaveLength(DEFAULT_PAGE_SIZE)
  expect(screen.getByRole('status')).toHaveTextContent(`${DEFAULT_PAGE_SIZE} candidates shown`)

  await user.click(screen.getByRole('button', { name: 'Load more' }))

  expect(await screen.findByText(`All ${everyone().length} candidates shown`)).toBeInTheDocument()
  expect(within(list).getAllByRole('link')).toHaveLength(everyone().length)
  expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  // Keyboard users continue on the first newly loaded row, not on <body>.
  const firstNew = everyone()[DEFAULT_PAGE_SIZE]
  if (!firstNew) throw new Error('the seed has a second page')
  expect(within(list).getAllByRole('link')[DEFAULT_PAGE_SIZE]).toHaveFocus()
  expect(document.activeElement).toHaveTextContent(candidateName(firstNew))
})

test('counsellor sees name, e-mail and phone, each row linking to the candidate', async () => {
  renderApp('/candidates')
  const first = everyone()[0]
  if (!first) throw new Error('the seed has candidates')

  const link = await screen.findByRole('link', { name: new RegExp(candidateName(first)) })
  expect(link).toHaveTextContent(first.email)
  if (typeof first.phone === 'string') expect(link).toHaveTextContent(first.phone)
  expect(link).toHaveAttribute('href', `/candidates/${first.id}`)
})

test('counsellor sees that Load more is busy while the next page loads', async () => {
  let release: () => void = () => undefined
  const { user } = renderApp('/candidates')
  await screen.findByRole('list', { name: 'Candidates' })
  server.use(
    http.get('*/api/v2/candidates', async ({ request }) => {
      if (!new URL(request.url).searchParams.get('cursor')) return undefined
      await new Promise<void>((resolve) => {
        release = resolve
      })
      return undefined // fall through to the mock backend's own handler
    }),
  )

  await user.click(screen.getByRole('button', { name: 'Load more' }))

  const busy = await screen.findByRole('button', { name: 'Loading more candidates…' })
  expect(busy).toBeDisabled()
  release()
  expect(await screen.findByText(/^All \d+ candidates shown$/)).toBeInTheDocument()
})

test('counsellor sees a clear message when the API key is not accepted', async () => {
  renderApp('/candidates', {
    connection: { kind: 'mock', region: 'utrecht', apiKey: 'not-a-demo-key' },
  })

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('API key not accepted')
  expect(alert).toHaveTextContent('The API key was not accepted')
})

test('counsellor can retry after the network failed', async () => {
  server.use(http.get('*/api/v2/candidates', () => HttpResponse.error()))
  const { user } = renderApp('/candidates')

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Cannot reach the server')
  expect(alert).toHaveTextContent(/offline/)

  server.resetHandlers()
  await user.click(within(alert).getByRole('button', { name: 'Try again' }))
  expect(await screen.findByRole('list', { name: 'Candidates' })).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('counsellor is told how long to wait when the server is busy', async () => {
  backend.setScenario({ readErrors: { mode: 'next', status: 429, remaining: 1 } })
  renderApp('/candidates')

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The server is busy')
  expect(alert).toHaveTextContent('Try again in 1 second.')
})

test('counsellor sees a server failure explained, not a blank page', async () => {
  backend.setScenario({ readErrors: { mode: 'next', status: 500, remaining: 1 } })
  renderApp('/candidates')

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The server had a problem')
  expect(alert).toHaveTextContent('status 500')
})

test('counsellor sees an unreadable answer explained, not a parse error', async () => {
  server.use(
    http.get('*/api/v2/candidates', () => HttpResponse.html('<!doctype html><title>Vite</title>')),
  )
  renderApp('/candidates')

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Unexpected answer from the server')
  expect(alert).not.toHaveTextContent(/JSON\.parse|SyntaxError|Unexpected token/)
  expect(within(alert).getByText('Technical details')).toBeInTheDocument()
})
