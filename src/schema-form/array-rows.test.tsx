import TextField from '@mui/material/TextField'
import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import { rowsFormSchema } from '@/schema-form/rows-form-schema'
import { getAtPath } from '@/schema-form/schema-model'
import { lastPayload, renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'
import { useSchemaController } from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

const item = getAtPath(exampleSchema, 'properties.interactions.items')
const row = (summary: string) => ({ type: ['Telefonisch'], performedAt: '2026-11-29', summary })

test('counsellor adds, duplicates and removes rows', async () => {
  const { user, onSubmit } = renderSchemaForm({
    schema: rowsFormSchema(item, { maxItems: 10 }),
    defaultValues: { rows: [row('First')] },
  })
  expect(screen.getByRole('button', { name: 'Remove row 1' })).toBeDisabled()
  const first = within(screen.getByRole('group', { name: 'Row 1' }))
  await user.type(first.getByRole('textbox', { name: 'Summary' }), ' call')
  // Duplicate copies what is typed right now, not the value the row started with.
  await user.click(screen.getByRole('button', { name: 'Duplicate row 1' }))
  const second = within(screen.getByRole('group', { name: 'Row 2' }))
  expect(second.getByRole('textbox', { name: 'Summary' })).toHaveValue('First call')
  await user.click(screen.getByRole('button', { name: 'Add row' }))
  expect(screen.getByRole('group', { name: 'Row 3' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Remove row 3' }))
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(lastPayload(onSubmit)).toEqual({ rows: [row('First call'), row('First call')] })
})

test('counsellor sees why no more rows can be added', async () => {
  const { user } = renderSchemaForm({
    schema: rowsFormSchema(item, { maxItems: 3 }),
    defaultValues: { rows: [row('a'), row('b')] },
    language: 'nl',
  })
  await user.click(screen.getByRole('button', { name: 'Rij toevoegen' }))
  const add = screen.getByRole('button', { name: 'Rij toevoegen' })
  expect(add).toBeDisabled()
  expect(add).toHaveAccessibleDescription('Maximaal 3 per keer')
  expect(screen.getByRole('button', { name: 'Rij 1 dupliceren' })).toBeDisabled()
  await user.click(screen.getByRole('button', { name: 'Rij 3 verwijderen' }))
  expect(screen.getByRole('button', { name: 'Rij toevoegen' })).toBeEnabled()
})

test('a new row shows no errors before it is left or the form is submitted', async () => {
  const { user } = renderSchemaForm({
    schema: rowsFormSchema(item, { maxItems: 10 }),
    defaultValues: { rows: [row('a')] },
  })
  await user.click(screen.getByRole('button', { name: 'Add row' }))
  const added = within(screen.getByRole('group', { name: 'Row 2' }))
  const type = added.getByRole('combobox', { name: /^Type/ })
  // RHF re-validated the whole array after the add; the new, untouched row must not show it.
  expect(type).toHaveAttribute('aria-invalid', 'false')
  expect(type).toHaveFocus()
  await user.tab()
  expect(type).toHaveAttribute('aria-invalid', 'true')
})

test('an empty new row reports its own required fields on submit', async () => {
  const { user, onSubmit } = renderSchemaForm({
    schema: rowsFormSchema(item),
    defaultValues: { rows: [row('a')] },
  })
  await user.click(screen.getByRole('button', { name: 'Add row' }))
  await user.click(screen.getByRole('button', { name: 'Save' }))
  const second = within(screen.getByRole('group', { name: 'Row 2' }))
  expect(second.getByRole('combobox', { name: /^Type/ })).toHaveAccessibleDescription(
    'Choose at least one type',
  )
  expect(onSubmit).not.toHaveBeenCalled()
})

test('typing in one of ten rows does not re-render the other rows', async () => {
  const renders = new Map<string, number>()
  // Subscribes exactly like every widget does (useSchemaController), and counts its renders.
  function CountingText(props: WidgetProps) {
    const { field: input } = useSchemaController(props)
    renders.set(props.name, (renders.get(props.name) ?? 0) + 1)
    return (
      <TextField
        label={props.field.label}
        value={typeof input.value === 'string' ? input.value : ''}
        onChange={(event) => {
          input.onChange(event.target.value)
        }}
        onBlur={input.onBlur}
      />
    )
  }
  const rows = Array.from({ length: 10 }, (_, i) => row(i === 4 ? 'x'.repeat(300) : `Row ${i + 1}`))
  const { user, result } = renderSchemaForm({
    schema: rowsFormSchema(item, { maxItems: 10 }),
    defaultValues: { rows },
    fields: { widgets: { summary: CountingText, notes: CountingText } },
  })
  const before = new Map(renders)
  const third = within(screen.getByRole('group', { name: 'Row 3' }))
  await user.type(third.getByRole('textbox', { name: 'Notes' }), 'twelve chars')
  const changed = [...renders]
    .filter(([name, count]) => count !== before.get(name))
    .map(([name]) => name)
  expect(changed).toEqual(['rows.2.notes'])
  // Once per keystroke (plus focus/blur), not a cascade.
  expect(
    (renders.get('rows.2.notes') ?? 0) - (before.get('rows.2.notes') ?? 0),
  ).toBeLessThanOrEqual(14)

  // After a failed submit every keystroke re-validates the whole form: still one field renders.
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(result.current?.form.getFieldState('rows.4.summary').error?.message).toBe(
    'At most 255 characters (now 300)',
  )
  const afterSubmit = new Map(renders)
  await user.type(third.getByRole('textbox', { name: 'Notes' }), '!!!')
  const changedAgain = [...renders].filter(([name, count]) => count !== afterSubmit.get(name))
  expect(changedAgain.map(([name]) => name)).toEqual(['rows.2.notes'])
})

test('each row keeps its optional fields under its own "More fields"', async () => {
  const { user } = renderSchemaForm({
    schema: rowsFormSchema(item, { title: 'Contact moments' }),
    fields: { optionalFields: 'collapsed' },
  })
  expect(screen.getByRole('group', { name: 'Contact moments' })).toBeInTheDocument()
  const first = within(screen.getByRole('group', { name: 'Row 1' }))
  expect(first.queryByRole('textbox', { name: 'Summary' })).not.toBeInTheDocument()
  await user.click(first.getByRole('button', { name: 'More fields' }))
  expect(first.getByRole('textbox', { name: 'Summary' })).toBeInTheDocument()
})
