import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, expect, test, vi } from 'vitest'
import { setupMockBackend } from '@/test/mock-backend'
import { renderApp } from '@/test/render'

const { backend } = setupMockBackend()
const LOAD = { timeout: 10_000 }

vi.setConfig({ testTimeout: 40_000 })
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined
})

test('counsellor corrects a failed new candidate from the sync menu on any page', async () => {
  backend.setScenario({ failureRate: 1 }) // the engine gives up on every write
  const { user } = renderApp('/candidates')
  await user.click(await screen.findByRole('button', { name: 'New candidate' }, LOAD))
  const form = await waitFor(() => {
    const dialog = screen.getByRole('dialog', { name: 'New candidate' })
    expect(dialog.querySelector('form')).not.toBeNull()
    return dialog
  }, LOAD)
  await user.type(within(form).getByRole('textbox', { name: 'First name' }), 'Sem')
  await user.type(within(form).getByRole('textbox', { name: 'Last name' }), 'Bakker')
  await user.type(within(form).getByRole('textbox', { name: 'E-mail address' }), 'sem@example.nl')
  await user.click(within(form).getByRole('button', { name: 'Create candidate' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  const status = within(screen.getByRole('banner')).getByRole('button', { name: /Sync status/ })
  await waitFor(() => {
    expect(status).toHaveAccessibleName(/1 failed/)
  }, LOAD)
  backend.setScenario({ failureRate: 0 })
  await user.click(status)
  const panel = await screen.findByRole('dialog', { name: 'Changes' })
  await user.click(within(panel).getByRole('button', { name: 'Edit & resubmit' }))

  const correction = await waitFor(() => {
    const dialog = screen.getByRole('dialog', { name: 'Correct and resubmit the new candidate' })
    expect(dialog.querySelector('form')).not.toBeNull()
    return dialog
  }, LOAD)
  expect(within(correction).getByRole('textbox', { name: 'Last name' })).toHaveValue('Bakker')
  await user.click(within(correction).getByRole('button', { name: 'Resubmit' }))
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  await waitFor(() => {
    expect(
      backend.db
        .candidates('utrecht', 'production')
        .some((candidate) => candidate.email === 'sem@example.nl'),
    ).toBe(true)
  }, LOAD)
})
