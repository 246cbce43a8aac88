import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { UPSTREAM_ORIGIN } from '@/api/contract'
import { unconfiguredConnection } from '@/config/connection'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { server } = setupMockBackend()

/** The real upstream, as far as a page without a key gets: every call answers 401. */
function upstreamWithoutKey() {
  server.use(
    http.all(`${UPSTREAM_ORIGIN}/*`, () =>
      HttpResponse.json(
        { statusCode: 401, message: 'Missing x-api-key header.', error: { code: 'unauthorized' } },
        { status: 401 },
      ),
    ),
  )
}

function storedText(storage: Storage): string {
  return Array.from({ length: storage.length }, (_, index) => {
    const key = storage.key(index)
    return key === null ? '' : `${key}=${storage.getItem(key) ?? ''}`
  }).join('\n')
}

async function openUpstreamForm() {
  const rendered = renderApp('/settings')
  await screen.findByRole('heading', { level: 1, name: 'Settings' })
  await rendered.user.click(screen.getByRole('radio', { name: /Onderwijsregio API/ }))
  const url = screen.getByRole('textbox', { name: 'API address' })
  await rendered.user.clear(url)
  // jsdom's own origin: the mock backend answers there, like a relay on the app's origin.
  await rendered.user.type(url, window.location.origin)
  return rendered
}

test('QA connects to an upstream with a key: the test names the region, saving puts it in the app bar', async () => {
  const { user } = await openUpstreamForm()
  await user.type(screen.getByLabelText(/^API key/), 'demo-rijnmond')
  await user.click(screen.getByRole('button', { name: 'Test connection' }))

  expect(await screen.findByText('The connection works')).toBeInTheDocument()
  expect(screen.getByText(/The key belongs to Onderwijsregio Rijnmond/)).toBeInTheDocument()
  // The empty region field was filled in from the API's answer.
  expect(screen.getByRole('textbox', { name: 'Region' })).toHaveValue('Onderwijsregio Rijnmond')

  await user.click(screen.getByRole('button', { name: 'Save and connect' }))
  expect(await screen.findByText(/Saved\. The app now uses localhost/)).toBeInTheDocument()
  expect(screen.getByRole('banner')).toHaveTextContent('Onderwijsregio Rijnmond (localhost')
  expect(storedText(window.sessionStorage)).toContain('demo-rijnmond')
  expect(storedText(window.localStorage)).not.toContain('demo-rijnmond')
})

test('a wrong key is explained as a wrong key', async () => {
  const { user } = await openUpstreamForm()
  await user.type(screen.getByLabelText(/^API key/), 'not-the-key')
  await user.click(screen.getByRole('button', { name: 'Test connection' }))

  const result = await screen.findByText('Wrong API key')
  expect(result.closest('[role="alert"]')).toHaveTextContent(/refused the key \(status 401\)/)
})

test('a key of another region than the one typed is flagged until the region is corrected', async () => {
  const { user } = await openUpstreamForm()
  await user.type(screen.getByLabelText(/^API key/), 'demo-rijnmond')
  await user.type(screen.getByRole('textbox', { name: 'Region' }), 'Onderwijsregio Utrecht')
  await user.click(screen.getByRole('button', { name: 'Test connection' }))

  expect(await screen.findByText('This key belongs to another region')).toBeInTheDocument()
  expect(
    screen.getByText(/opens Onderwijsregio Rijnmond, not Onderwijsregio Utrecht/),
  ).toBeInTheDocument()

  const region = screen.getByRole('textbox', { name: 'Region' })
  await user.clear(region)
  await user.type(region, 'Onderwijsregio Rijnmond')
  expect(await screen.findByText('The connection works')).toBeInTheDocument()
})

test('the form refuses an address with a key in it and an empty key', async () => {
  const { user } = await openUpstreamForm()
  const url = screen.getByRole('textbox', { name: 'API address' })
  await user.clear(url)
  await user.type(url, 'https://api.example/?x-api-key=oops')
  await user.click(screen.getByRole('button', { name: 'Save and connect' }))

  expect(await screen.findByText('Leave out everything from ? or # onwards.')).toBeInTheDocument()
  expect(screen.getByText('Enter the API key.')).toBeInTheDocument()
  expect(screen.getByText('Name the region this key belongs to.')).toBeInTheDocument()
  expect(window.location.href).not.toContain('oops')
})

test('the key is masked until the user asks to see it', async () => {
  const { user } = await openUpstreamForm()
  const key = screen.getByLabelText(/^API key/)
  expect(key).toHaveAttribute('type', 'password')
  await user.click(screen.getByRole('button', { name: 'Show API key' }))
  expect(key).toHaveAttribute('type', 'text')
  expect(screen.getByRole('button', { name: 'Show API key' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
})

test('going back to the demo backend picks a demo region and tests it', async () => {
  upstreamWithoutKey()
  const { user } = renderApp('/settings', { connection: unconfiguredConnection() })
  await screen.findByRole('heading', { level: 1, name: 'Settings' })
  expect(screen.getByText('In use: nothing yet. Enter an API key and save.')).toBeInTheDocument()

  await user.click(screen.getByRole('radio', { name: /Built-in demo backend/ }))
  await user.click(screen.getByRole('combobox', { name: 'Demo region' }))
  await user.click(await screen.findByRole('option', { name: 'Onderwijsregio Rijnmond' }))
  await user.click(screen.getByRole('button', { name: 'Test connection' }))
  expect(await screen.findByText('The connection works')).toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: 'Save and connect' }))
  expect(screen.getByRole('banner')).toHaveTextContent('Onderwijsregio Rijnmond (demo data)')
})

test('sandbox, language and theme can all be set here', async () => {
  const { user, url } = renderApp('/settings')
  await screen.findByRole('heading', { level: 1, name: 'Settings' })

  await user.click(screen.getByRole('switch', { name: 'Work in the sandbox' }))
  await waitFor(() => {
    expect(url.search).toBe('?sandbox=1')
  })
  expect(within(screen.getByRole('banner')).getByRole('switch', { name: 'Sandbox' })).toBeChecked()
  await user.click(screen.getByRole('radio', { name: 'Address prefix (/api/sandbox)' }))
  expect(screen.getByRole('radio', { name: 'Address prefix (/api/sandbox)' })).toBeChecked()

  await user.click(screen.getByRole('radio', { name: 'Dark' }))
  expect(document.documentElement).toHaveAttribute('data-mui-color-scheme', 'dark')

  await user.click(screen.getByRole('radio', { name: 'Nederlands' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Instellingen' })).toBeInTheDocument()
})

test('a production build without a key says so on every page and links to the settings', async () => {
  upstreamWithoutKey()
  const { user, url } = renderApp('/candidates', { connection: unconfiguredConnection() })
  expect(await screen.findByText('Not connected yet')).toBeInTheDocument()
  await user.click(screen.getByRole('link', { name: 'Open the settings' }))
  expect(url.pathname).toBe('/settings')
  expect(screen.queryByText('Not connected yet')).not.toBeInTheDocument()
})
