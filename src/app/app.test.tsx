import { screen, waitFor } from '@testing-library/react'
import { expect, test } from 'vitest'
import { mockConnection } from '@/config/connection'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { backend } = setupMockBackend()

test('counsellor opening the root lands on the candidate list', async () => {
  const { url } = renderApp('/')

  expect(await screen.findByRole('heading', { level: 1, name: 'Candidates' })).toBeInTheDocument()
  expect(url.pathname).toBe('/candidates')
  expect(url.entries).toEqual(['/candidates']) // replaced, so Back does not bounce to `/`
  expect(screen.getByRole('banner')).toHaveTextContent('Onderwijsregio Utrecht (demo data)')
  expect(screen.getByRole('main')).toBeInTheDocument()
})

test('counsellor following a sandbox link stays in the sandbox while moving around', async () => {
  const sandboxPeople = backend.db.candidates('utrecht', 'sandbox')
  const { user, url } = renderApp('/?sandbox=1')

  expect(await screen.findByText(/^Sandbox: you are working with test data/)).toBeInTheDocument()
  expect(url.entries).toEqual(['/candidates?sandbox=1'])
  expect(
    await screen.findByText(`All ${sandboxPeople.length} candidates shown`),
  ).toBeInTheDocument()

  const [first] = sandboxPeople
  if (!first) throw new Error('the sandbox seed has candidates')
  await user.click(screen.getByRole('link', { name: new RegExp(first.email) }))
  await waitFor(() => {
    expect(url.pathname).toBe(`/candidates/${first.id}`)
  })
  await waitFor(() => {
    expect(url.search).toBe('?sandbox=1')
  })
})

test('counsellor sees which demo region is in use', async () => {
  renderApp('/candidates', { connection: mockConnection('rijnmond') })
  expect(await screen.findByRole('banner')).toHaveTextContent('Onderwijsregio Rijnmond (demo data)')
})

test('counsellor can switch the interface to Dutch and back', async () => {
  const { user } = renderApp('/candidates')
  await screen.findByRole('heading', { level: 1, name: 'Candidates' })

  await user.click(screen.getByRole('button', { name: 'Nederlands' }))

  expect(await screen.findByRole('heading', { level: 1, name: 'Kandidaten' })).toBeInTheDocument()
  expect(document.documentElement).toHaveAttribute('lang', 'nl')
  expect(screen.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true')

  await user.click(screen.getByRole('button', { name: 'English' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Candidates' })).toBeInTheDocument()
  expect(document.documentElement).toHaveAttribute('lang', 'en')
})

test('counsellor can switch between light and dark', async () => {
  const { user } = renderApp('/candidates')

  await user.click(await screen.findByRole('button', { name: 'Switch to dark theme' }))

  expect(document.documentElement).toHaveAttribute('data-mui-color-scheme', 'dark')
  await user.click(screen.getByRole('button', { name: 'Switch to light theme' }))
  expect(document.documentElement).toHaveAttribute('data-mui-color-scheme', 'light')
})

test('keyboard user can skip past the app bar to the page content', async () => {
  const { user } = renderApp('/candidates')
  await screen.findByRole('heading', { level: 1, name: 'Candidates' })

  await user.tab()
  const skip = screen.getByRole('link', { name: 'Skip to main content' })
  expect(skip).toHaveFocus()
  await user.keyboard('{Enter}')
  expect(screen.getByRole('main')).toHaveFocus()
})

test('counsellor following a broken link sees a page-not-found page with a way back', async () => {
  const { user, url } = renderApp('/no/such/page')

  expect(
    await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
  ).toBeInTheDocument()
  await user.click(screen.getByRole('link', { name: 'Go to the candidate list' }))
  expect(url.pathname).toBe('/candidates')
})

test('counsellor is told when the demo backend could not start', async () => {
  renderApp('/candidates', { startupError: 'Service workers are not supported' })

  expect(await screen.findByText('The demo backend could not start')).toBeInTheDocument()
  expect(
    screen.getByText(/no data can be loaded\. Reason: Service workers are not supported/),
  ).toBeInTheDocument()
})
