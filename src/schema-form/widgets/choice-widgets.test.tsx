import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'

const schema = {
  type: 'object',
  properties: {
    type: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', enum: ['Telefonisch', 'E-mail', 'Persoonlijk'] },
    },
    phase: { type: 'string', enum: ['Nieuw', 'Matchen'] },
    level: { type: 'integer', enum: [1, 2, 3] },
    followUp: { type: 'boolean' },
  },
  required: ['type'],
  additionalProperties: false,
}

test('counsellor picks several types with the keyboard and sees them as chips', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema })
  const combobox = screen.getByRole('combobox', { name: /^Type/ })
  await user.click(combobox)
  await user.keyboard('tel{ArrowDown}{Enter}')
  await user.keyboard('pers{ArrowDown}{Enter}{Escape}')
  expect(screen.getByRole('button', { name: 'Telefonisch' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Persoonlijk' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type: ['Telefonisch', 'Persoonlijk'] })
})

test('counsellor is asked to choose at least one type', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema, language: 'nl' })
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('combobox', { name: /^Type/ })).toHaveAccessibleDescription(
    'Kies minstens één type',
  )
  expect(onSubmit).not.toHaveBeenCalled()
})

test('counsellor can choose and clear an optional choice with "—"', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema, defaultValues: { type: ['E-mail'] } })
  await user.click(screen.getByRole('combobox', { name: 'Phase' }))
  await user.click(screen.getByRole('option', { name: 'Matchen' }))
  await user.click(screen.getByRole('combobox', { name: 'Level' }))
  await user.click(screen.getByRole('option', { name: '2' }))
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type: ['E-mail'], phase: 'Matchen', level: 2 })
  await user.click(screen.getByRole('combobox', { name: 'Phase' }))
  const listbox = within(screen.getByRole('listbox'))
  await user.click(listbox.getByRole('option', { name: 'None' }))
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type: ['E-mail'], level: 2 })
})

test('an optional switch the counsellor did not touch is not sent', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema, defaultValues: { type: ['E-mail'] } })
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type: ['E-mail'] })
  await user.click(screen.getByRole('switch', { name: 'Follow up' }))
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ type: ['E-mail'], followUp: true })
})
