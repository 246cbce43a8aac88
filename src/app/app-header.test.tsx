import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { backend } = setupMockBackend()

function fullName(candidate: { firstName: string; lastName: string } | undefined): string {
  if (!candidate) throw new Error('the seed has candidates')
  return `${candidate.firstName} ${candidate.lastName}`
}

test('QA switches to the sandbox from the app bar: URL, banner, title and data all change', async () => {
  const production = backend.db.candidates('utrecht', 'production')
  const sandbox = backend.db.candidates('utrecht', 'sandbox')
  const { user, url } = renderApp('/candidates')
  const list = await screen.findByRole('list', { name: 'Candidates' })
  expect(await within(list).findByText(fullName(production[0]))).toBeInTheDocument()

  await user.click(within(screen.getByRole('banner')).getByRole('switch', { name: 'Sandbox' }))

  await waitFor(() => {
    expect(url.search).toBe('?sandbox=1')
  })
  // The banner is its own chunk, fetched on entering the sandbox.
  expect(await screen.findByRole('region', { name: 'Sandbox notice' })).toHaveTextContent(
    /you are working with test data/,
  )
  await waitFor(() => {
    expect(document.title).toMatch(/^SANDBOX · Candidates/)
  })
  const sandboxList = await screen.findByRole('list', { name: 'Candidates' })
  expect(await within(sandboxList).findByText(fullName(sandbox[0]))).toBeInTheDocument()
  expect(within(sandboxList).queryByText(fullName(production[0]))).not.toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: 'Leave sandbox' }))
  await waitFor(() => {
    expect(url.search).toBe('')
  })
  expect(screen.queryByRole('region', { name: 'Sandbox notice' })).not.toBeInTheDocument()
  expect(
    within(screen.getByRole('banner')).getByRole('switch', { name: 'Sandbox' }),
  ).not.toBeChecked()
})

test('the app bar names the upstream in use and links to the settings', async () => {
  const { user, url } = renderApp('/candidates', {
    connection: {
      kind: 'upstream',
      origin: window.location.origin,
      apiKey: 'demo-utrecht',
      region: 'utrecht',
      regionName: 'Onderwijsregio Utrecht',
    },
  })
  const banner = screen.getByRole('banner')
  expect(banner).toHaveTextContent(`Onderwijsregio Utrecht (${window.location.host})`)
  await user.click(within(banner).getByRole('link', { name: 'Settings' }))
  expect(url.pathname).toBe('/settings')
  expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument()
})
