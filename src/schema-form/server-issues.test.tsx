import { act, screen, within } from '@testing-library/react'
import type { UseFormSetError } from 'react-hook-form'
import { expect, test, vi } from 'vitest'
import type { SchemaFormValues } from '@/schema-form/form-values'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import { rowsFormSchema } from '@/schema-form/rows-form-schema'
import { buildObjectModel, getAtPath } from '@/schema-form/schema-model'
import { applyServerIssues } from '@/schema-form/server-issues'
import { renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'
import { createValidator } from '@/schema-form/validator'

const item = getAtPath(exampleSchema, 'properties.interactions.items')
const schema = rowsFormSchema(item, { maxItems: 10 })

test('counsellor sees a 400 on the exact row and field, in friendly words', async () => {
  const rows = [
    { type: ['Telefonisch'], performedAt: '2026-11-28' },
    { type: ['E-mail'], performedAt: '2026-11-29', summary: 'x' },
  ]
  const { result } = renderSchemaForm({ schema, defaultValues: { rows } })
  const second = within(screen.getByRole('group', { name: 'Row 2' }))
  await act(async () => {
    result.current?.setServerIssues(
      [
        {
          path: [1, 'performedAt'],
          message: 'must be a date (YYYY-MM-DD) or a date-time with offset',
        },
        { path: [1, 'summary'], message: 'must be at most 255 characters' },
      ],
      { basePath: 'rows' },
    )
    await Promise.resolve()
  })
  expect(second.getByText('Enter a date like 31-12-2026')).toBeInTheDocument()
  expect(second.getByText('At most 255 characters')).toBeInTheDocument()
  const first = within(screen.getByRole('group', { name: 'Row 1' }))
  expect(first.queryByText('Enter a date like 31-12-2026')).not.toBeInTheDocument()
})

test('issues deeper than a field land on the field; unknown places land on the form', () => {
  const model = buildObjectModel(schema)
  const setError = vi.fn<UseFormSetError<SchemaFormValues>>()
  const applied = applyServerIssues(
    setError,
    [
      { path: [0, 'type', 1], message: 'must be one of: Telefonisch, E-mail (got "Fax")' },
      { path: [0, 'mood'], message: "unknown field 'mood' — not in this region's schema" },
      { path: [], message: 'at least one field must be provided' },
      { path: [2, 'type'], message: 'is required' },
    ],
    { basePath: 'rows', model, language: 'nl' },
  )
  // One message per field: the whole-body issue shares `rows` with the unknown-field one.
  expect(applied).toEqual(['rows.0.type', 'rows', 'rows.2.type'])
  expect(setError.mock.calls.map(([name, error]) => [name, error.message])).toEqual([
    ['rows.0.type', 'Kies een van de opties'],
    ['rows', 'Het veld “mood” is hier niet bekend'],
    ['rows.2.type', 'Kies minstens één type'],
  ])
})

test('our own check of the sent payload gives the most specific message', () => {
  const model = buildObjectModel(schema)
  const setError = vi.fn()
  const payload = {
    rows: [{ type: ['Anders'], performedAt: '2026-11-29', summary: 'x'.repeat(300) }],
  }
  applyServerIssues(setError, [{ path: [0, 'summary'], message: 'too long' }], {
    basePath: ['rows'],
    model,
    validator: createValidator(schema),
    payload,
  })
  expect(setError).toHaveBeenCalledWith(
    'rows.0.summary',
    { type: 'server', message: 'At most 255 characters (now 300)' },
    { shouldFocus: true },
  )
})

test('an issue about the whole body goes to the form when there is no base path', () => {
  const setError = vi.fn()
  applyServerIssues(setError, [{ path: [], message: 'at least one field must be provided' }], {
    model: buildObjectModel(item),
  })
  expect(setError).toHaveBeenCalledWith(
    'root.schema',
    { type: 'server', message: 'The server did not accept this value; check it and try again' },
    { shouldFocus: true },
  )
})
