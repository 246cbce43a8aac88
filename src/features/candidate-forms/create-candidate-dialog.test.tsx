import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeAll, expect, test, vi } from 'vitest'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { server, backend } = setupMockBackend()
const LOAD = { timeout: 10_000 }

vi.setConfig({ testTimeout: 40_000 })
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined
})

async function openCreate() {
  const view = renderApp('/candidates')
  await view.user.click(await screen.findByRole('button', { name: 'New candidate' }, LOAD))
  const dialog = await waitFor(() => {
    const found = screen.getByRole('dialog', { name: 'New candidate' })
    expect(found.querySelector('form')).not.toBeNull()
    return found
  }, LOAD)
  return { ...view, dialog }
}

function rowOf(dialog: HTMLElement, n: number) {
  return within(within(dialog).getByRole('group', { name: `Row ${n}` }))
}

async function fillCandidate(
  user: Awaited<ReturnType<typeof openCreate>>['user'],
  dialog: HTMLElement,
) {
  await user.type(within(dialog).getByRole('textbox', { name: 'First name' }), 'Noor')
  await user.type(within(dialog).getByRole('textbox', { name: 'Last name' }), 'de Wit')
  await user.type(
    within(dialog).getByRole('textbox', { name: 'E-mail address' }),
    'noor@example.nl',
  )
}

test('counsellor creates a candidate with 2 interactions and opens it once confirmed', async () => {
  backend.setScenario({ stuckQueue: true })
  const { user, dialog, url } = await openCreate()
  // Required fields first; the optional ones wait behind "More fields".
  const more = within(dialog).getByRole('button', { name: 'More fields' })
  expect(more).toHaveAttribute('aria-expanded', 'false')
  expect(within(dialog).queryByRole('textbox', { name: 'Phone number' })).not.toBeInTheDocument()

  await fillCandidate(user, dialog)
  await user.click(within(dialog).getByRole('button', { name: 'Add row' }))
  await user.click(rowOf(dialog, 1).getByRole('combobox', { name: /^Type/ }))
  await user.click(await screen.findByRole('option', { name: 'Telefonisch' }))
  await user.keyboard('{Escape}')
  await user.type(rowOf(dialog, 1).getByRole('textbox', { name: 'Summary' }), 'Intake')
  await user.click(within(dialog).getByRole('button', { name: 'Duplicate row 1' }))
  await user.clear(rowOf(dialog, 2).getByRole('textbox', { name: 'Summary' }))
  await user.type(rowOf(dialog, 2).getByRole('textbox', { name: 'Summary' }), 'Terugbellen')
  await user.click(within(dialog).getByRole('button', { name: 'Create candidate' }))

  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  const pending = screen.getByRole('list', { name: 'New candidates' })
  const item = within(pending).getByRole('listitem')
  expect(item).toHaveTextContent('Noor de Wit with 2 interactions')
  // The dialog left when the candidate was journaled; the 202 follows.
  await waitFor(() => {
    expect(item).toHaveTextContent('Waiting for the server')
  }, LOAD)

  backend.setScenario({ stuckQueue: false })
  const link = await within(pending).findByRole('link', { name: 'Open Noor de Wit' }, LOAD)
  const created = backend.db
    .candidates('utrecht', 'production')
    .find((candidate) => candidate.email === 'noor@example.nl')
  if (!created) throw new Error('the candidate was not created')
  expect(backend.db.interactions('utrecht', 'production', created.id)).toHaveLength(2)
  await user.click(link)
  expect(url.pathname).toBe(`/candidates/${created.id}`)
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Noor de Wit' }, LOAD),
  ).toBeInTheDocument()
})

test('a 400 about the e-mail address lands on that field', async () => {
  server.use(
    http.post('*/api/v2/candidates', () =>
      HttpResponse.json(
        {
          statusCode: 400,
          message: 'Validation failed',
          error: {
            code: 'validation_error',
            issues: [{ path: [0, 'email'], message: 'must be a valid e-mail address' }],
          },
          meta: { sandboxEnabled: false },
        },
        { status: 400 },
      ),
    ),
  )
  const { user, dialog } = await openCreate()
  await fillCandidate(user, dialog)
  await user.click(within(dialog).getByRole('button', { name: 'Create candidate' }))

  const email = within(dialog).getByRole('textbox', { name: 'E-mail address' })
  await waitFor(() => {
    expect(email).toHaveAccessibleDescription(/e-mail/i)
  })
  expect(email).toHaveValue('noor@example.nl')
  expect(within(dialog).getByRole('alert')).toHaveTextContent(/did not accept one value/)
})

test('an unfinished new candidate is kept as a draft', async () => {
  const first = await openCreate()
  await fillCandidate(first.user, first.dialog)
  await waitFor(() => {
    expect(Object.keys(localStorage).some((key) => key.endsWith(':new-candidate'))).toBe(true)
  })
  first.unmount()

  const { dialog } = await openCreate()
  expect(within(dialog).getByRole('textbox', { name: 'Last name' })).toHaveValue('de Wit')
  expect(within(dialog).getByText(/Restored your unsent draft/)).toBeInTheDocument()
})
