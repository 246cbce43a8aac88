import TextField from '@mui/material/TextField'
import { screen, within } from '@testing-library/react'
import { useController } from 'react-hook-form'
import { expect, test } from 'vitest'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import unseenSchema from '@/schema-form/fixtures/unseen-fields-schema.json'
import { getAtPath } from '@/schema-form/schema-model'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

const item = getAtPath(exampleSchema, 'properties.interactions.items')

test('fields the UI has never seen still get working inputs', async () => {
  const { user, onSubmit } = renderSchemaForm({ schema: unseenSchema })
  const address = within(screen.getByRole('group', { name: 'Address' }))
  await user.type(address.getByRole('textbox', { name: /^Street/ }), 'Oudegracht')
  await user.type(address.getByRole('textbox', { name: /^City/ }), 'Utrecht')
  await user.type(address.getByRole('textbox', { name: 'House number' }), '12')
  await user.type(screen.getByRole('textbox', { name: /^Website/ }), 'https://school.nl')
  const tags = screen.getByRole('textbox', { name: 'Tags' })
  expect(tags).toHaveAccessibleDescription('Plain text, or a JSON value such as 12, true or ["a"]')
  await user.click(tags)
  await user.paste('["maths", "art"]')
  await user.type(screen.getByRole('textbox', { name: 'Mixed' }), 'just text')
  await user.type(screen.getByRole('textbox', { name: 'Nickname' }), 'Bo')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({
    website: 'https://school.nl',
    address: { street: 'Oudegracht', city: 'Utrecht', houseNumber: 12 },
    tags: ['maths', 'art'],
    mixed: 'just text',
    nickname: 'Bo',
    consent: false,
  })
})

test('an unknown-shaped value that breaks its schema is explained, not sent', async () => {
  const { user, onSubmit } = renderSchemaForm({
    schema: unseenSchema,
    defaultValues: { website: 'https://a.nl', address: { street: 'A', city: 'B' } },
  })
  const tags = screen.getByRole('textbox', { name: 'Tags' })
  await user.click(tags)
  await user.paste('["a", "a"]')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(tags).toHaveAccessibleDescription('Each value may appear only once')
  expect(onSubmit).not.toHaveBeenCalled()
})

test('optional fields can wait under "More fields", which opens itself for an error', async () => {
  const { user, onSubmit } = renderSchemaForm({
    schema: item,
    defaultValues: { type: ['Anders'], performedAt: '2026-11-29', summary: 'x'.repeat(300) },
    fields: { optionalFields: 'collapsed', order: ['performedAt', 'type'] },
  })
  const more = screen.getByRole('button', { name: 'More fields' })
  // Opened already: the record has a summary, and an edit form must not hide existing values.
  expect(more).toHaveAttribute('aria-expanded', 'true')
  await user.click(more)
  expect(more).toHaveAttribute('aria-expanded', 'false')
  expect(screen.queryByRole('textbox', { name: 'Summary' })).not.toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(more).toHaveAttribute('aria-expanded', 'true')
  expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveAccessibleDescription(
    'At most 255 characters (now 300)',
  )
  expect(onSubmit).not.toHaveBeenCalled()
})

test('fields follow the given order, then required before optional', () => {
  renderSchemaForm({ schema: item, fields: { order: ['notes'] } })
  const labels = screen
    .getAllByRole('textbox')
    .map((input) => input.getAttribute('name'))
    .filter(Boolean)
  expect(labels).toEqual(['notes', 'summary', 'duration'])
})

function ShoutingWidget({ field, name, control }: WidgetProps) {
  const { field: input } = useController({ name, control })
  return (
    <TextField
      label={`${field.label}!`}
      value={typeof input.value === 'string' ? input.value : ''}
      onChange={(event) => {
        input.onChange(event.target.value.toUpperCase())
      }}
    />
  )
}

test('callers can rename fields and plug in their own widget', async () => {
  const { user, onSubmit } = renderSchemaForm({
    schema: item,
    defaultValues: { type: ['Anders'], performedAt: '2026-11-29' },
    fields: { labels: { summary: 'Samenvatting' }, widgets: { notes: ShoutingWidget } },
  })
  await user.type(screen.getByRole('textbox', { name: 'Samenvatting' }), 'Kort')
  await user.type(screen.getByRole('textbox', { name: 'Notes!' }), 'hi')
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toMatchObject({ summary: 'Kort', notes: 'HI' })
})

test('an optional nested section can be folded and keeps what was typed', async () => {
  const { user, onSubmit } = renderSchemaForm({
    schema: exampleSchema,
    defaultValues: { firstName: 'A', lastName: 'B', email: 'a@b.nl', privacyConsent: true },
  })
  const section = within(screen.getByRole('group', { name: 'Custom fields' }))
  await user.click(section.getByRole('button', { name: 'Show Custom fields' }))
  await user.type(section.getByRole('textbox', { name: 'Preferred school' }), 'De Brug')
  await user.click(section.getByRole('button', { name: 'Hide Custom fields' }))
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toMatchObject({ customFields: { preferredSchool: 'De Brug' } })
})
