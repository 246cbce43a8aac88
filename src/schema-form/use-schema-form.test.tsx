import { act, render, renderHook } from '@testing-library/react'
import { useFormState, type Control } from 'react-hook-form'
import { expect, test, vi } from 'vitest'
import type { JsonObject } from '@/schema-form/json-value'
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

const required = { ...item, required: ['summary'] }

/** A field's view of the form state, as each widget's Controller has it; `onRender` counts. */
function renderField(control: Control, onRender: () => void) {
  function Field() {
    const { errors } = useFormState({ control, name: 'summary' })
    onRender()
    const message = errors.summary?.message
    return <p>{typeof message === 'string' ? message : 'no message'}</p>
  }
  return render(<Field />)
}

test('a valid submit hands over the payload within the call, without re-rendering the fields', async () => {
  const { result } = renderHook(() => useSchemaForm({ schema: required }))
  const onRender = vi.fn()
  const view = renderField(result.current.form.control, onRender)
  act(() => {
    result.current.form.setValue('summary', 'Gebeld')
  })
  const rendersBefore = onRender.mock.calls.length
  const onValid = vi.fn<(payload: JsonObject) => Promise<void>>(() => Promise.resolve())

  const submitting = result.current.submitValid(onValid)()
  // Synchronously: the journal (and so the pending card) gets the change in the click itself.
  expect(onValid).toHaveBeenCalledWith({ summary: 'Gebeld' })
  await act(() => submitting)

  // RHF's handleSubmit would have re-rendered it twice (isSubmitting, then errors cleared).
  expect(onRender).toHaveBeenCalledTimes(rendersBefore)
  expect(view.container).toHaveTextContent('no message')
})

test('an invalid submit goes through react-hook-form: no payload, the message on the field', async () => {
  const { result } = renderHook(() => useSchemaForm({ schema: required }))
  const view = renderField(result.current.form.control, () => undefined)
  act(() => {
    result.current.form.setValue('summary', 'x'.repeat(300))
  })
  const onValid = vi.fn<(payload: JsonObject) => Promise<void>>(() => Promise.resolve())

  await act(() => result.current.submitValid(onValid)())

  expect(onValid).not.toHaveBeenCalled()
  expect(view.container).not.toHaveTextContent('no message')
})
