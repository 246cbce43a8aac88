import { screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, title: 'Name' },
    email: { type: 'string', format: 'email', title: 'E-mail' },
    summary: { type: 'string', maxLength: 255, description: 'Short description' },
    notes: { type: 'string', maxLength: 10000 },
    website: { type: 'string', format: 'uri' },
  },
  required: ['name'],
  additionalProperties: false,
}

test('counsellor sees "Required" after leaving an empty required field, not while typing', async () => {
  const { user } = renderSchemaForm({ schema })
  const name = screen.getByRole('textbox', { name: /^Name/ })
  expect(name).toBeRequired()
  await user.type(name, 'A')
  await user.clear(name)
  expect(screen.queryByText('Required')).not.toBeInTheDocument()
  await user.tab()
  expect(screen.getByText('Required')).toBeInTheDocument()
  await user.type(name, 'Ann')
  expect(screen.queryByText('Required')).not.toBeInTheDocument()
})

test('counsellor sees how far over the limit a text is', async () => {
  const { user } = renderSchemaForm({ schema })
  await user.click(screen.getByRole('textbox', { name: 'Summary' }))
  await user.paste('x'.repeat(301))
  await user.tab()
  expect(screen.getByText('At most 255 characters (now 301)')).toBeInTheDocument()
  expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveAccessibleDescription(
    'At most 255 characters (now 301)',
  )
})

test('counsellor gets a friendly e-mail and web address message, in Dutch too', async () => {
  const { user } = renderSchemaForm({ schema, language: 'nl' })
  await user.type(screen.getByRole('textbox', { name: 'E-mail' }), 'ann@school')
  await user.type(screen.getByRole('textbox', { name: 'Website' }), 'school.nl')
  await user.tab()
  expect(
    screen.getByText('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl'),
  ).toBeInTheDocument()
  expect(
    screen.getByText('Vul een volledig webadres in, zoals https://voorbeeld.nl'),
  ).toBeInTheDocument()
  await user.type(screen.getByRole('textbox', { name: 'E-mail' }), '.nl')
  expect(screen.queryByText(/geldig e-mailadres/)).not.toBeInTheDocument()
})

test('counsellor can write long notes in a multi-line field and empty fields are not sent', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema })
  const notes = screen.getByRole('textbox', { name: 'Notes' })
  expect(notes.tagName).toBe('TEXTAREA')
  await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Ann')
  await user.type(notes, 'First line{Enter}second line')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ name: 'Ann', notes: 'First line\nsecond line' })
})

test('the description is the helper line until there is an error', async () => {
  const { user } = renderSchemaForm({ schema })
  const summary = screen.getByRole('textbox', { name: 'Summary' })
  expect(summary).toHaveAccessibleDescription('Short description')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription('Required')
  expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveFocus()
})
