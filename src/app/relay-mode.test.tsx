import { act, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import { http, HttpResponse } from 'msw'
import { beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { detectRelay } from '@/config/relay-detect'
import { relayNavigation } from '@/features/relay/relay-navigation'
import {
  LOAD,
  findFormDialog,
  row,
  chooseTypes,
  seededCandidate,
} from '@/features/interaction-forms/interaction-dialogs.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'
import { TEST_SESSION, TEST_SESSION_BRAM, createRelayStandIn } from '@/test/relay-stand-in'
import { renderApp } from '@/test/render'

// Relay mode end to end inside the app: detection at `/auth/session`, the account menu, and a
// session that ends mid-work — against a stand-in of our relay in front of the mock backend.
const { server, backend } = setupMockBackend()
const relay = createRelayStandIn(backend)

// Whole journeys (sign-in and back, axe in jsdom) take 10–36 s on 2 busy cores; the limit is
// for a hang, not a speed target.
vi.setConfig({ testTimeout: 90_000 })
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined
})
beforeEach(() => {
  relay.reset()
  relay.signIn()
  server.use(...relay.handlers)
})

/** axe-core on the document (jsdom: roles, names and ARIA; contrast is the e2e run's). */
async function expectNoAxeViolations() {
  const results = await axe.run(document.body, { rules: { region: { enabled: false } } })
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}

function spyOnNavigation() {
  return vi.spyOn(relayNavigation, 'assign').mockImplementation(() => undefined)
}

test('served by the relay: relay mode is the default, nothing to configure', async () => {
  const requests: Request[] = []
  const listener = ({ request }: { request: Request }) => {
    requests.push(request)
  }
  server.events.on('request:start', listener)
  const start = await detectRelay()
  expect(start?.session?.name).toBe('Anna de Vries')
  renderApp('/candidates', { relay: start })
  expect(await screen.findByTestId('region-in-use')).toHaveTextContent('Onderwijsregio Utrecht')
  expect(screen.getByTestId('region-in-use')).not.toHaveTextContent('demo data')
  expect(await screen.findByRole('button', { name: 'Account: Anna de Vries' }, LOAD)).toBeVisible()
  expect(await screen.findByRole('list', { name: 'Candidates' }, LOAD)).toBeInTheDocument()
  server.events.removeListener('request:start', listener)
  const api = requests.filter((request) => new URL(request.url).pathname.startsWith('/api/'))
  expect(api.length).toBeGreaterThan(0)
  for (const request of api) {
    expect(request.headers.get('x-api-key')).toBeNull()
    expect(request.headers.get('x-relay-region')).toBe('utrecht')
    expect(request.headers.get('x-candidate-timeline')).toBe('1')
    expect(request.headers.get('x-relay-subject')).toBe(TEST_SESSION.subject)
  }
})

test('not served by a relay: detection finds nothing and the built-in mock works as before', async () => {
  server.use(
    http.get(
      '/auth/session',
      () =>
        new HttpResponse('<!doctype html><title>app</title>', {
          headers: { 'content-type': 'text/html' },
        }),
    ),
  )
  expect(await detectRelay()).toBeNull()
  server.use(http.get('/auth/session', () => new HttpResponse(null, { status: 404 })))
  expect(await detectRelay()).toBeNull()
  // A 200 that is not the relay's session shape is not a relay either.
  server.use(http.get('/auth/session', () => HttpResponse.json({ user: 'x' })))
  expect(await detectRelay()).toBeNull()
  renderApp('/candidates', { relay: null })
  expect(await screen.findByTestId('region-in-use')).toHaveTextContent('demo data')
  expect(screen.queryByRole('button', { name: /^Account/ })).not.toBeInTheDocument()
})

test('signed out at the relay: detection says so (the start then goes to sign-in)', async () => {
  relay.endSession()
  expect(await detectRelay()).toEqual({ session: null })
})

test('the account menu: who is signed in, the session’s regions, sandbox only where allowed, sign-out', async () => {
  const navigate = spyOnNavigation()
  const { user } = renderApp('/candidates', { relay: await detectRelay() })
  const account = await screen.findByRole('button', { name: 'Account: Anna de Vries' }, LOAD)
  expect(screen.getByRole('switch', { name: 'Sandbox' })).toBeInTheDocument()
  await user.click(account)
  const menu = screen.getByRole('menu', { name: 'Account: Anna de Vries' })
  expect(
    within(menu).getByRole('menuitemradio', { name: 'Onderwijsregio Utrecht' }),
  ).toHaveAttribute('aria-checked', 'true')
  await expectNoAxeViolations()
  // Rijnmond: this counsellor has no sandbox there, so the switch goes.
  await user.click(within(menu).getByRole('menuitemradio', { name: 'Onderwijsregio Rijnmond' }))
  await waitFor(() => {
    expect(screen.getByTestId('region-in-use')).toHaveTextContent('Onderwijsregio Rijnmond')
  })
  expect(screen.queryByRole('switch', { name: 'Sandbox' })).not.toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: 'Account: Anna de Vries' }))
  await user.click(screen.getByRole('menuitem', { name: 'Sign out' }))
  await waitFor(() => {
    expect(navigate).toHaveBeenCalledWith('/')
  })
  expect(relay.logouts()).toHaveLength(1)
})

test('session ends mid-form: sign-in and back keeps what was typed, and the change goes out once, same key', async () => {
  const navigate = spyOnNavigation()
  const candidate = seededCandidate(backend, (count) => count >= 1 && count < 20)
  const route = `/candidates/${candidate.id}`
  const start = await detectRelay()
  const first = renderApp(route, { relay: start })
  const { user } = first
  await user.click(await screen.findByRole('button', { name: 'Log interaction' }, LOAD))
  let dialog = await findFormDialog('Log interactions')
  await chooseTypes(user, row(1), ['Telefonisch'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Getypt voor het verlopen')

  // The session ends while the counsellor types; the next read meets the relay's 401.
  relay.endSession()
  await act(() => first.queryClient.invalidateQueries())
  const ended = await screen.findByRole('alertdialog', { name: 'Your sign-in has ended' }, LOAD)
  // The form is still there under it (hidden from the accessibility tree while the alert is up),
  // with what was typed.
  const form = screen.getByRole('dialog', { name: 'Log interactions', hidden: true })
  expect(within(form).getByRole('textbox', { name: 'Summary', hidden: true })).toHaveValue(
    'Getypt voor het verlopen',
  )
  await expectNoAxeViolations()
  // "Not now": back to the form, which saves anyway; the banner keeps the way to sign in.
  await user.click(within(ended).getByRole('button', { name: 'Not now' }))
  dialog = await findFormDialog('Log interactions')
  await user.click(within(dialog).getByRole('button', { name: 'Log interaction' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog', { name: 'Log interactions' })).not.toBeInTheDocument()
  })
  expect(relay.forwardedKeys()).toEqual([])
  const [key] = relay.refusedKeys()
  expect(key).toBeDefined()
  await user.click(await screen.findByRole('button', { name: 'Sign in again' }))
  expect(navigate).toHaveBeenCalledWith(`/auth/login?returnTo=${encodeURIComponent(route)}`)

  // Through sign-in and back: a new page on the same storage.
  window.dispatchEvent(new Event('pagehide'))
  first.unmount()
  relay.signIn()
  renderApp(route, { relay: await detectRelay() })
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, LOAD)
  await waitFor(() => {
    expect(relay.forwardedKeys()).toEqual([key])
  }, LOAD)
  expect(
    await within(feed).findByRole('article', { name: 'Getypt voor het verlopen' }, LOAD),
  ).toBeInTheDocument()
  await waitFor(() => {
    const made = backend.db
      .interactions('utrecht', 'production', candidate.id)
      .filter((record) => record.summary === 'Getypt voor het verlopen')
    expect(made).toHaveLength(1)
  }, LOAD)
  // Once, under the key it was journaled with: never again, never under another.
  expect(relay.forwardedKeys()).toEqual([key])
  expect(relay.refusedKeys()).toEqual([key])
})

test('a form open when the session ends comes back as a draft after sign-in', async () => {
  spyOnNavigation()
  const candidate = seededCandidate(backend, (count) => count >= 1 && count < 20)
  const route = `/candidates/${candidate.id}`
  const first = renderApp(route, { relay: await detectRelay() })
  await first.user.click(await screen.findByRole('button', { name: 'Log interaction' }, LOAD))
  await findFormDialog('Log interactions')
  await first.user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Nog niet bewaard')
  relay.endSession()
  await act(() => first.queryClient.invalidateQueries())
  const ended = await screen.findByRole('alertdialog', { name: 'Your sign-in has ended' }, LOAD)
  await first.user.click(within(ended).getByRole('button', { name: 'Sign in again' }))
  window.dispatchEvent(new Event('pagehide')) // the browser leaves for the sign-in page
  first.unmount()

  relay.signIn()
  const back = renderApp(route, { relay: await detectRelay() })
  await back.user.click(await screen.findByRole('button', { name: 'Log interaction' }, LOAD))
  await findFormDialog('Log interactions')
  expect(row(1).getByRole('textbox', { name: 'Summary' })).toHaveValue('Nog niet bewaard')
})

test('429 from the relay: a clear message, and the change goes out after the wait with its key', async () => {
  const candidate = seededCandidate(backend, (count) => count >= 1 && count < 20)
  relay.rateLimitNextWrite(1)
  const { user } = renderApp(`/candidates/${candidate.id}`, { relay: await detectRelay() })
  await user.click(await screen.findByRole('button', { name: 'Log interaction' }, LOAD))
  const dialog = await findFormDialog('Log interactions')
  await chooseTypes(user, row(1), ['Telefonisch'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Te snel')
  await user.click(within(dialog).getByRole('button', { name: 'Log interaction' }))
  expect(
    await screen.findByText(
      'You are saving changes faster than your region allows. Waiting changes go out by themselves in 1 second.',
      {},
      LOAD,
    ),
  ).toBeInTheDocument()
  await expectNoAxeViolations()
  const [key] = relay.refusedKeys()
  await waitFor(() => {
    expect(relay.forwardedKeys()).toEqual([key])
  }, LOAD)
})

test('another account signs in in this browser: said plainly; sign in again as yourself, or reload as them', async () => {
  const navigate = spyOnNavigation()
  const reload = vi.spyOn(relayNavigation, 'reload').mockImplementation(() => undefined)
  const candidate = seededCandidate(backend, (count) => count >= 1 && count < 20)
  const route = `/candidates/${candidate.id}`
  const page = renderApp(route, { relay: await detectRelay() })
  await screen.findByRole('feed', { name: 'Interactions' }, LOAD)
  // Bram signs in in another tab: the cookie is his; this page still believes it is Anna's.
  relay.signIn(TEST_SESSION_BRAM)
  await act(() => page.queryClient.invalidateQueries())
  const notice = await screen.findByRole(
    'alertdialog',
    { name: 'Someone else signed in in this browser' },
    LOAD,
  )
  expect(notice).toHaveAccessibleDescription(/Anna de Vries was signed out here/)
  await expectNoAxeViolations()
  await page.user.click(
    within(notice).getByRole('button', { name: 'Continue as the other account' }),
  )
  expect(reload).toHaveBeenCalledTimes(1)
  await page.user.click(within(notice).getByRole('button', { name: 'Sign in again as myself' }))
  // The identity provider is asked to ask who signs in (it has Bram's session).
  expect(navigate).toHaveBeenCalledWith(
    `/auth/login?returnTo=${encodeURIComponent(route)}&prompt=login`,
  )
  expect(relay.forwardedKeys()).toEqual([])
})

test('403 says why', async () => {
  relay.signIn({ ...TEST_SESSION, regions: TEST_SESSION.regions.slice(1) })
  renderApp('/candidates', { relay: { session: TEST_SESSION } })
  expect(
    await screen.findAllByText(
      'Your account may not use this region. Choose one of your regions in the account menu.',
      {},
      LOAD,
    ),
  ).not.toHaveLength(0)
})

test('settings offer "this relay" (in use, no key field) next to the other connections', async () => {
  const { user } = renderApp('/settings', { relay: await detectRelay() })
  const relayOption = await screen.findByRole('radio', { name: /^This relay/ }, LOAD)
  expect(relayOption).toBeChecked()
  expect(screen.getByText('In use: this relay, region Onderwijsregio Utrecht.')).toBeVisible()
  expect(screen.queryByLabelText(/^API key/)).not.toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Test connection' })).not.toBeInTheDocument()
  await user.click(screen.getByRole('radio', { name: /^Onderwijsregio API/ }))
  expect(screen.getByLabelText(/^API key/)).toBeInTheDocument()
  await expectNoAxeViolations()
})
