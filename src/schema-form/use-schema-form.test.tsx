import { renderHook } from '@testing-library/react'
import { expect, test } from 'vitest'
import { rowsFormSchema } from '@/schema-form/rows-form-schema'
import { useSchemaForm } from '@/schema-form/use-schema-form'

const item = {
  type: 'object',
  properties: { summary: { type: 'string', maxLength: 255, title: 'Summary' } },
  additionalProperties: false,
}

test('a schema built inline on every render keeps one model, validator and form', () => {
  // As the README shows it: `schema: rowsFormSchema(item, …)` in the render.
  const { result, rerender } = renderHook(() =>
    useSchemaForm({ schema: rowsFormSchema(item, { maxItems: 10 }) }),
  )
  const first = result.current
  rerender()
  rerender()
  expect(result.current.model).toBe(first.model)
  expect(result.current.validator).toBe(first.validator)
  expect(result.current).toBe(first)
})

test('a schema whose content changes gets a new model', () => {
  const { result, rerender } = renderHook(
    ({ maxLength }: { maxLength: number }) =>
      useSchemaForm({
        schema: {
          ...item,
          properties: { summary: { type: 'string', maxLength, title: 'Summary' } },
        },
      }),
    { initialProps: { maxLength: 255 } },
  )
  const first = result.current.model
  rerender({ maxLength: 255 })
  expect(result.current.model).toBe(first)
  rerender({ maxLength: 100 })
  expect(result.current.model).not.toBe(first)
  expect(result.current.model.fields[0]?.constraints.maxLength).toBe(100)
})
