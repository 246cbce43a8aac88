import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import { DRAFT_STORAGE_PREFIX } from '@/components/form-dialog/form-draft'
import {
  LOAD,
  chooseTypes,
  findFormDialog,
  recordWrites,
  row,
  seededCandidate,
} from '@/features/interaction-forms/interaction-dialogs.test-helpers'
import { mockConnection } from '@/config/connection'
import { initI18n } from '@/lib/i18n'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { server, backend } = setupMockBackend()
const recorders: ReturnType<typeof recordWrites>[] = []

vi.setConfig({ testTimeout: 40_000 })
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined
})
afterEach(() => {
  for (const recorder of recorders.splice(0)) recorder.stop()
})

function record() {
  const recorder = recordWrites(server)
  recorders.push(recorder)
  return recorder
}

const quiet = () => seededCandidate(backend, (count) => count >= 1 && count < 20)
const draftKey = (candidateId: string) =>
  `${DRAFT_STORAGE_PREFIX}:production:utrecht:${candidateId}`

async function openLog(route: string) {
  const view = renderApp(route)
  await view.user.click(await screen.findByRole('button', { name: 'Log interaction' }, LOAD))
  const dialog = await findFormDialog('Log interactions')
  return { ...view, dialog }
}

test('counsellor can log 3 interactions at once and sees them pending at once', async () => {
  backend.setScenario({ stuckQueue: true }) // accepted, never executed: stays pending
  const candidate = quiet()
  const before = backend.db.interactions('utrecht', 'production', candidate.id).length
  const { user, dialog } = await openLog(`/candidates/${candidate.id}`)

  await chooseTypes(user, row(1), ['Telefonisch'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Eerste gesprek')
  await user.click(within(dialog).getByRole('button', { name: 'Duplicate row 1' }))
  await user.clear(row(2).getByRole('textbox', { name: 'Summary' }))
  await user.type(row(2).getByRole('textbox', { name: 'Summary' }), 'Tweede gesprek')
  await user.click(within(dialog).getByRole('button', { name: 'Add row' }))
  await chooseTypes(user, row(3), ['E-mail', 'Anders'])
  await user.type(row(3).getByRole('textbox', { name: 'Summary' }), 'Mail gestuurd')
  await user.type(row(3).getByRole('textbox', { name: 'Duration' }), '1:30')

  await user.click(within(dialog).getByRole('button', { name: 'Log 3 interactions' }))

  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  const feed = screen.getByRole('feed', { name: 'Interactions' })
  for (const summary of ['Eerste gesprek', 'Tweede gesprek', 'Mail gestuurd']) {
    expect(within(feed).getByRole('article', { name: summary })).toHaveTextContent('Pending · new')
  }
  expect(within(feed).getAllByRole('article')).toHaveLength(before + 3)
  // Screen readers hear what happened once the 202 is in (the dialog left before it).
  expect(
    await screen.findByText(
      '3 interactions logged. They show as pending until the server confirms them.',
      {},
      LOAD,
    ),
  ).toBeInTheDocument()

  // Once the engine runs, the server holds exactly those three; the duration went as seconds.
  backend.setScenario({ stuckQueue: false })
  await waitFor(() => {
    expect(backend.db.interactions('utrecht', 'production', candidate.id)).toHaveLength(before + 3)
  })
  const stored = backend.db.interactions('utrecht', 'production', candidate.id)
  expect(stored.find((item) => item.summary === 'Mail gestuurd')).toMatchObject({
    type: ['E-mail', 'Anders'],
    duration: 5400,
  })
})

test('counsellor cannot add an eleventh row and is told why', async () => {
  const { user, dialog } = await openLog(`/candidates/${quiet().id}`)
  const add = within(dialog).getByRole('button', { name: 'Add row' })
  for (let count = 1; count < 10; count += 1) await user.click(add)

  expect(within(dialog).getByRole('group', { name: 'Row 10' })).toBeInTheDocument()
  expect(add).toBeDisabled()
  expect(add).toHaveAccessibleDescription('At most 10 per submission')
  expect(within(dialog).getByRole('button', { name: 'Duplicate row 4' })).toBeDisabled()
  expect(within(dialog).getByRole('button', { name: 'Log 10 interactions' })).toBeEnabled()
  await user.click(within(dialog).getByRole('button', { name: 'Remove row 10' }))
  expect(add).toBeEnabled()
})

test('an unsent draft survives a reload and is gone once submitted', async () => {
  backend.setScenario({ stuckQueue: true })
  const candidate = quiet()
  const first = await openLog(`/candidates/${candidate.id}`)
  await chooseTypes(first.user, row(1), ['Adviesgesprek'])
  await first.user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Half af')
  await first.user.click(within(first.dialog).getByRole('button', { name: 'Add row' }))
  await first.user.type(row(2).getByRole('textbox', { name: 'Notes' }), 'Tweede rij')
  await waitFor(() => {
    expect(localStorage.getItem(draftKey(candidate.id))).toContain('Tweede rij')
  })
  first.unmount() // the tab is closed or reloaded

  const { user, dialog } = await openLog(`/candidates/${candidate.id}`)
  expect(within(dialog).getByRole('alert')).toHaveTextContent(/Restored your unsent draft/)
  expect(row(1).getByRole('textbox', { name: 'Summary' })).toHaveValue('Half af')
  expect(row(1).getByRole('button', { name: 'Adviesgesprek' })).toBeInTheDocument()
  expect(row(2).getByRole('textbox', { name: 'Notes' })).toHaveValue('Tweede rij')

  await chooseTypes(user, row(2), ['Telefonisch'])
  await user.click(within(dialog).getByRole('button', { name: 'Log 2 interactions' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  expect(localStorage.getItem(draftKey(candidate.id))).toBeNull()
  // Opening the form again starts afresh.
  await user.click(screen.getByRole('button', { name: 'Log interaction' }))
  const fresh = await findFormDialog('Log interactions')
  expect(within(fresh).queryByText(/Restored your unsent draft/)).not.toBeInTheDocument()
  expect(row(1).getByRole('textbox', { name: 'Summary' })).toHaveValue('')
})

test('a corrupt or foreign draft is ignored', async () => {
  const candidate = quiet()
  localStorage.setItem(draftKey(candidate.id), '{"savedAt":"yesterday","values":[1,2]}')
  const { dialog } = await openLog(`/candidates/${candidate.id}`)
  expect(within(dialog).queryByText(/Restored your unsent draft/)).not.toBeInTheDocument()
  expect(row(1).getByRole('textbox', { name: 'Summary' })).toHaveValue('')
})

test('counsellor can save with Ctrl+Enter from any field', async () => {
  backend.setScenario({ stuckQueue: true })
  const recorder = record()
  const { user } = await openLog(`/candidates/${quiet().id}`)
  await chooseTypes(user, row(1), ['Persoonlijk'])
  await user.type(row(1).getByRole('textbox', { name: 'Notes' }), 'Sneltoets')
  await user.keyboard('{Control>}{Enter}{/Control}')

  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  await recorder.settled()
  expect(recorder.writes.map((write) => write.body)).toEqual([
    [expect.objectContaining({ type: ['Persoonlijk'], notes: 'Sneltoets' })],
  ])
})

test('a double submit sends one request', async () => {
  backend.setScenario({ stuckQueue: true })
  const recorder = record()
  const { user, dialog } = await openLog(`/candidates/${quiet().id}`)
  await chooseTypes(user, row(1), ['Persoonlijk'])
  const form = dialog.querySelector('form')
  if (!form) throw new Error('no form')
  // Two submits in the same moment, faster than the button can turn itself off.
  fireEvent.submit(form)
  fireEvent.submit(form)

  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  await recorder.settled()
  expect(recorder.writes).toHaveLength(1)
})

test('a 400 lands on the row and field it names, and nothing typed is lost', async () => {
  const candidate = quiet()
  server.use(
    http.post('*/api/v2/candidates/:candidateId/interactions', () =>
      HttpResponse.json(
        {
          statusCode: 400,
          message: 'Validation failed',
          error: {
            code: 'validation_error',
            issues: [{ path: [1, 'summary'], message: 'must be at most 255 characters' }],
          },
          meta: { sandboxEnabled: false },
        },
        { status: 400 },
      ),
    ),
  )
  const { user, dialog } = await openLog(`/candidates/${candidate.id}`)
  await chooseTypes(user, row(1), ['Telefonisch'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Goed')
  await user.click(within(dialog).getByRole('button', { name: 'Duplicate row 1' }))
  await user.type(row(2).getByRole('textbox', { name: 'Summary' }), ' en fout')
  await user.click(within(dialog).getByRole('button', { name: 'Log 2 interactions' }))

  expect(await within(dialog).findByText(/did not accept one value/)).toBeInTheDocument()
  expect(row(2).getByRole('textbox', { name: 'Summary' })).toHaveAccessibleDescription(
    'At most 255 characters',
  )
  expect(row(1).getByRole('textbox', { name: 'Summary' })).not.toHaveAccessibleDescription(
    'At most 255 characters',
  )
  expect(row(2).getByRole('textbox', { name: 'Summary' })).toHaveValue('Goed en fout')
  expect(screen.getByRole('dialog')).toBe(dialog)
})

test('the dialog leaves as soon as the change is journaled: the card is pending while the 202 is still on its way', async () => {
  backend.setScenario({ stuckQueue: true, writeAnswerDelayMs: 600_000 })
  const candidate = quiet()
  const { user, dialog } = await openLog(`/candidates/${candidate.id}`)
  await chooseTypes(user, row(1), ['Telefonisch'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Traag antwoord')
  await user.click(within(dialog).getByRole('button', { name: 'Log interaction' }))

  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  const feed = screen.getByRole('feed', { name: 'Interactions' })
  expect(within(feed).getByRole('article', { name: 'Traag antwoord' })).toHaveTextContent(
    'Pending · new',
  )
  // The write was queued, but its 202 has not come: nothing is announced as logged yet, and a
  // second "Log interaction" starts empty (the journal holds the rows, not the draft).
  await waitFor(() => {
    expect(backend.engine.queued()).toHaveLength(1)
  }, LOAD)
  expect(screen.queryByText(/logged\. It shows as pending/)).not.toBeInTheDocument()
  expect(localStorage.getItem(draftKey(candidate.id))).toBeNull()
  await user.click(screen.getByRole('button', { name: 'Log interaction' }))
  const next = await findFormDialog('Log interactions')
  expect(row(1).getByRole('textbox', { name: 'Summary' })).toHaveValue('')
  await user.click(within(next).getByRole('button', { name: 'Cancel' }))

  backend.setScenario({ writeAnswerDelayMs: 0 })
  expect(
    await screen.findByText(
      'Interaction logged. It shows as pending until the server confirms it.',
      {},
      LOAD,
    ),
  ).toBeInTheDocument()
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  // One change, queued once (a resend under the same key is the same change).
  expect(new Set(backend.engine.queued().map((item) => item.idempotencyKey)).size).toBe(1)
  expect(backend.engine.queued()).toHaveLength(1)
})

/** The next write gets a 400 on row 1's summary, held back until `answer()` is called. */
function holdA400OnSummary(): () => void {
  let answer: () => void = () => undefined
  const answered = new Promise<void>((resolve) => {
    answer = resolve
  })
  server.use(
    http.post('*/api/v2/candidates/:candidateId/interactions', async () => {
      await answered
      return HttpResponse.json(
        {
          statusCode: 400,
          message: 'Validation failed',
          error: {
            code: 'validation_error',
            issues: [{ path: [0, 'summary'], message: 'must be at most 255 characters' }],
          },
          meta: { sandboxEnabled: false },
        },
        { status: 400 },
      )
    }),
  )
  return () => {
    answer()
  }
}

test('a 400 that comes after the dialog left brings the same form back, with the values and the field messages', async () => {
  const candidate = quiet()
  const answer = holdA400OnSummary()
  const { user, dialog } = await openLog(`/candidates/${candidate.id}`)
  await chooseTypes(user, row(1), ['Telefonisch'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Te lang volgens de server')
  await user.type(row(1).getByRole('textbox', { name: 'Notes' }), 'Niet kwijtraken')
  await user.click(within(dialog).getByRole('button', { name: 'Log interaction' }))

  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  expect(
    within(screen.getByRole('feed', { name: 'Interactions' })).getByRole('article', {
      name: 'Te lang volgens de server',
    }),
  ).toHaveTextContent('Pending · new')

  answer()
  const back = await screen.findByRole('dialog', { name: 'Log interactions' }, LOAD)
  expect(back).toBe(dialog)
  expect(within(back).getByText(/did not accept one value/)).toBeInTheDocument()
  const summary = row(1).getByRole('textbox', { name: 'Summary' })
  expect(summary).toHaveValue('Te lang volgens de server')
  expect(summary).toHaveAccessibleDescription('At most 255 characters')
  expect(row(1).getByRole('textbox', { name: 'Notes' })).toHaveValue('Niet kwijtraken')
  // Refused: no pending card stays behind, and the form keeps a draft again.
  await waitFor(() => {
    expect(screen.queryByRole('article', { name: 'Te lang volgens de server' })).toBeNull()
  })
  expect(localStorage.getItem(draftKey(candidate.id))).toContain('Niet kwijtraken')
})

test('a 400 that comes after the counsellor left the page keeps the change and its values in the Changes list', async () => {
  Element.prototype.scrollIntoView = () => undefined
  const candidate = quiet()
  const answer = holdA400OnSummary()
  const { user, dialog } = await openLog(`/candidates/${candidate.id}`)
  await chooseTypes(user, row(1), ['Telefonisch'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Weggelopen voor het antwoord')
  await user.type(row(1).getByRole('textbox', { name: 'Notes' }), 'Nog steeds bewaard')
  await user.click(within(dialog).getByRole('button', { name: 'Log interaction' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  // Away from the candidate before the answer: the form that could show the 400 is gone.
  await user.click(
    within(screen.getByRole('banner')).getByRole('link', { name: /Candidate Timeline/ }),
  )
  await screen.findByRole('list', { name: 'Candidates' }, LOAD)
  answer()

  const status = within(screen.getByRole('banner')).getByRole('button', { name: /Sync status/ })
  await waitFor(() => {
    expect(status).toHaveAccessibleName(/1 failed/)
  }, LOAD)
  await user.click(status)
  const panel = await screen.findByRole('dialog', { name: 'Changes' })
  await user.click(within(panel).getByRole('button', { name: 'Edit & resubmit' }))
  const correction = await waitFor(() => {
    const form = screen.getByRole('dialog', { name: 'Correct and resubmit' })
    expect(form.querySelector('form')).not.toBeNull()
    return form
  }, LOAD)
  const summary = within(correction).getByRole('textbox', { name: 'Summary' })
  expect(summary).toHaveValue('Weggelopen voor het antwoord')
  expect(summary).toHaveAccessibleDescription('At most 255 characters')
  expect(within(correction).getByRole('textbox', { name: 'Notes' })).toHaveValue(
    'Nog steeds bewaard',
  )
})

test('a write that cannot be sent is shown on the form; saving again replaces it', async () => {
  backend.setScenario({ stuckQueue: true })
  const candidate = quiet()
  server.use(
    http.post(
      '*/api/v2/candidates/:candidateId/interactions',
      () =>
        HttpResponse.json(
          {
            statusCode: 401,
            message: 'Unauthorized',
            error: { code: 'unauthorized' },
            meta: { sandboxEnabled: false },
          },
          { status: 401 },
        ),
      { once: true },
    ),
  )
  const { user, dialog } = await openLog(`/candidates/${candidate.id}`)
  await chooseTypes(user, row(1), ['E-mail'])
  await user.type(row(1).getByRole('textbox', { name: 'Notes' }), 'Niet kwijtraken')
  await user.click(within(dialog).getByRole('button', { name: 'Log interaction' }))

  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent('Could not be sent')
  expect(alert).toHaveTextContent('The API key was not accepted')
  expect(row(1).getByRole('textbox', { name: 'Notes' })).toHaveValue('Niet kwijtraken')

  // The key works again: saving replaces the unsent change instead of adding a second one.
  await user.click(within(dialog).getByRole('button', { name: 'Log interaction' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  // The dialog left when the new entry was journaled; the unsent one leaves once it is accepted.
  const feed = screen.getByRole('feed', { name: 'Interactions' })
  await waitFor(() => {
    expect(within(feed).getAllByText('Niet kwijtraken')).toHaveLength(1)
  }, LOAD)
  expect(within(feed).queryByText('Not sent')).not.toBeInTheDocument()
})

test('a region’s own interaction fields appear in the form without any code for them', async () => {
  const candidate = backend.db
    .candidates('rijnmond', 'production')
    .find((item) => backend.db.interactions('rijnmond', 'production', item.id).length > 0)
  if (!candidate) throw new Error('no rijnmond candidate with interactions')
  const view = renderApp(`/candidates/${candidate.id}`, { connection: mockConnection('rijnmond') })
  await view.user.click(await screen.findByRole('button', { name: 'Log interaction' }, LOAD))
  await findFormDialog('Log interactions')

  expect(row(1).getByRole('textbox', { name: 'Locatie' })).toBeInTheDocument()
  expect(row(1).getByRole('group', { name: 'Opvolgen op' })).toBeInTheDocument()
  await chooseTypes(view.user, row(1), ['Kennismakingsgesprek'])
  expect(row(1).getByRole('button', { name: 'Kennismakingsgesprek' })).toBeInTheDocument()
})

test('counsellor can log an interaction in Dutch', async () => {
  await initI18n({ lng: 'nl' })
  backend.setScenario({ stuckQueue: true })
  const candidate = quiet()
  const { user } = renderApp(`/candidates/${candidate.id}`)
  await user.click(await screen.findByRole('button', { name: 'Contactmoment vastleggen' }, LOAD))
  const dialog = await findFormDialog('Contactmomenten vastleggen')
  const first = within(within(dialog).getByRole('group', { name: 'Rij 1' }))
  await user.click(first.getByRole('combobox', { name: /^Soort/ }))
  await user.click(await screen.findByRole('option', { name: 'Telefonisch' }))
  await user.keyboard('{Escape}')
  await user.type(first.getByRole('textbox', { name: 'Duur' }), '1 uur 5 min')
  expect(first.getByText('Gelezen als 1 u 5 min')).toBeInTheDocument()
  expect(within(dialog).getByText('Ctrl+Enter om op te slaan')).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Contactmoment vastleggen' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})
