import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import {
  LOAD,
  chooseTypes,
  findFormDialog,
  recordWrites,
  row,
  seededCandidate,
} from '@/features/interaction-forms/interaction-dialogs.test-helpers'
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

/** A candidate with an interaction whose summary no other of theirs shares. */
function candidateWithSummary() {
  const candidate = seededCandidate(backend, (count) => count >= 2 && count < 30)
  const stored = backend.db.interactions('utrecht', 'production', candidate.id)
  const target = stored.find(
    (item) =>
      typeof item.summary === 'string' &&
      stored.filter((other) => other.summary === item.summary).length === 1,
  )
  if (!target || typeof target.summary !== 'string') throw new Error('no unique summary')
  return { candidate, target, summary: target.summary }
}

async function openEdit(route: string, summary: string) {
  const view = renderApp(route)
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, LOAD)
  const article = await within(feed).findByRole('article', { name: summary }, LOAD)
  await view.user.click(within(article).getByRole('button', { name: 'Edit' }))
  const dialog = await findFormDialog('Edit interaction')
  return { ...view, dialog, feed }
}

test('counsellor edits one field and only that field is sent', async () => {
  backend.setScenario({ stuckQueue: true })
  const recorder = record()
  const { candidate, target, summary } = candidateWithSummary()
  const { user, dialog, feed } = await openEdit(`/candidates/${candidate.id}`, summary)

  const field = within(dialog).getByRole('textbox', { name: 'Summary' })
  expect(field).toHaveValue(summary)
  await user.clear(field)
  await user.type(field, 'Bijgewerkte samenvatting')
  await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  await recorder.settled()
  expect(recorder.writes).toEqual([
    {
      method: 'PATCH',
      path: `/api/v2/candidates/${candidate.id}/interactions/${target.id}`,
      body: { summary: 'Bijgewerkte samenvatting' },
    },
  ])
  const article = within(feed).getByRole('article', { name: 'Bijgewerkte samenvatting' })
  expect(article).toHaveTextContent('Pending · edit')
})

test('saving is not possible while nothing has changed, and says so', async () => {
  const { summary, candidate } = candidateWithSummary()
  const { user, dialog } = await openEdit(`/candidates/${candidate.id}`, summary)
  const save = within(dialog).getByRole('button', { name: 'Save changes' })
  expect(save).toBeDisabled()
  expect(save).toHaveAccessibleDescription('Nothing has changed yet.')

  const notes = within(dialog).getByRole('textbox', { name: 'Notes' })
  await user.type(notes, 'x')
  expect(save).toBeEnabled()
  await user.type(notes, '{Backspace}')
  expect(save).toBeDisabled()
  // Ctrl+Enter does not get around it either.
  await user.keyboard('{Control>}{Enter}{/Control}')
  expect(screen.getByRole('dialog', { name: 'Edit interaction' })).toBeInTheDocument()
})

test('counsellor can correct an interaction that is still waiting to be saved', async () => {
  backend.setScenario({ stuckQueue: true })
  const candidate = seededCandidate(backend, (count) => count === 0)
  const { user } = renderApp(`/candidates/${candidate.id}`)
  await user.click(await screen.findByRole('button', { name: 'Log the first interaction' }, LOAD))
  const log = await findFormDialog('Log interactions')
  await chooseTypes(user, row(1), ['Telefonisch'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Eerste versie')
  await user.click(within(log).getByRole('button', { name: 'Log interaction' }))
  const feed = await screen.findByRole('feed', { name: 'Interactions' })
  const pending = await within(feed).findByRole('article', { name: 'Eerste versie' })

  await user.click(within(pending).getByRole('button', { name: 'Edit' }))
  const edit = await findFormDialog('Edit interaction')
  const field = within(edit).getByRole('textbox', { name: 'Summary' })
  await user.clear(field)
  await user.type(field, 'Tweede versie')
  await user.click(within(edit).getByRole('button', { name: 'Save changes' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  expect(within(feed).getByRole('article', { name: 'Tweede versie' })).toHaveTextContent(
    'Pending · new',
  )

  // The edit waits for its create, then goes out: the server ends up with the corrected one.
  backend.setScenario({ stuckQueue: false })
  await waitFor(
    () => {
      expect(backend.db.interactions('utrecht', 'production', candidate.id)).toEqual([
        expect.objectContaining({ summary: 'Tweede versie' }),
      ])
    },
    { timeout: 15_000 },
  )
})

test('counsellor confirms a permanent delete that names the interaction, starting on Cancel', async () => {
  backend.setScenario({ stuckQueue: true })
  const recorder = record()
  const { candidate, target, summary } = candidateWithSummary()
  const { user } = renderApp(`/candidates/${candidate.id}`)
  const feed = await screen.findByRole('feed', { name: 'Interactions' }, LOAD)
  const article = await within(feed).findByRole('article', { name: summary }, LOAD)

  await user.click(within(article).getByRole('button', { name: 'Delete' }))
  const confirm = await screen.findByRole('alertdialog', { name: 'Delete this interaction?' }, LOAD)
  expect(confirm).toHaveAccessibleDescription(/will be deleted permanently/)
  expect(confirm).toHaveAccessibleDescription(new RegExp(target.type.join(', ')))
  expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus()
  await user.keyboard('{Enter}') // Enter on the focused Cancel: nothing happens
  await waitFor(() => {
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })
  await recorder.settled()
  expect(recorder.writes).toEqual([])

  await user.click(within(article).getByRole('button', { name: 'Delete' }))
  const again = await screen.findByRole('alertdialog', { name: 'Delete this interaction?' })
  // The press leaves focus on Cancel (nothing restyles under it, decision 0098); the release deletes.
  const deleteButton = within(again).getByRole('button', { name: 'Delete permanently' })
  await user.pointer({ keys: '[MouseLeft>]', target: deleteButton })
  expect(within(again).getByRole('button', { name: 'Cancel' })).toHaveFocus()
  await user.pointer({ keys: '[/MouseLeft]', target: deleteButton })
  await waitFor(() => {
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })
  await recorder.settled()
  expect(recorder.writes).toEqual([
    {
      method: 'DELETE',
      path: `/api/v2/candidates/${candidate.id}/interactions/${target.id}`,
      body: null,
    },
  ])
  expect(within(feed).getByRole('article', { name: summary })).toHaveTextContent(
    'Pending · removal',
  )
  // The dialog left when the delete was journaled; the announcement follows the 202.
  expect(
    await screen.findByText(
      'Interaction deleted. It stays struck through until the server confirms it.',
      {},
      LOAD,
    ),
  ).toBeInTheDocument()
})

test('counsellor can edit and resubmit a change the server failed', async () => {
  backend.setScenario({ failureRate: 1 }) // every attempt fails: the engine gives up
  const candidate = seededCandidate(backend, (count) => count === 0)
  const { user } = renderApp(`/candidates/${candidate.id}`)
  await user.click(await screen.findByRole('button', { name: 'Log the first interaction' }, LOAD))
  const log = await findFormDialog('Log interactions')
  await chooseTypes(user, row(1), ['Anders'])
  await user.type(row(1).getByRole('textbox', { name: 'Summary' }), 'Gaat mis')
  await user.click(within(log).getByRole('button', { name: 'Log interaction' }))
  await screen.findByRole('feed', { name: 'Interactions' })
  const feed = () => screen.getByRole('feed', { name: 'Interactions' })
  // The card is rebuilt as its phase changes: look it up again each time.
  const failedCard = () => within(feed()).getByRole('article', { name: 'Gaat mis' })
  await waitFor(
    () => {
      expect(failedCard()).toHaveTextContent('Failed')
    },
    { timeout: 15_000 },
  )

  backend.setScenario({ failureRate: 0 })
  await user.click(within(failedCard()).getByRole('button', { name: 'Edit & resubmit' }))
  const resubmit = await findFormDialog('Correct and resubmit')
  expect(within(resubmit).getByRole('alert')).toHaveTextContent('This change was not saved.')
  const field = row(1).getByRole('textbox', { name: 'Summary' })
  expect(field).toHaveValue('Gaat mis')
  await user.clear(field)
  await user.type(field, 'Gaat goed')
  await user.click(within(resubmit).getByRole('button', { name: 'Resubmit' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  // The dialog left when the new change was journaled; the failed one goes once it is accepted.
  await waitFor(() => {
    expect(within(feed()).queryByRole('article', { name: 'Gaat mis' })).not.toBeInTheDocument()
  }, LOAD)
  await waitFor(
    () => {
      expect(backend.db.interactions('utrecht', 'production', candidate.id)).toEqual([
        expect.objectContaining({ summary: 'Gaat goed' }),
      ])
    },
    { timeout: 15_000 },
  )
})
