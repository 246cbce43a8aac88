import { render } from '@testing-library/react'
import type { ComponentType, ReactNode } from 'react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import type { JsonObject } from '@/schema-form/json-value'
import type { PayloadMode } from '@/schema-form/form-values'
import { SchemaFields, type SchemaFieldsProps } from '@/schema-form/schema-fields'
import { SchemaFormProvider } from '@/schema-form/schema-form-provider'
import type { WidgetOverrides } from '@/schema-form/widget-choice'
import { useSchemaForm, type UseSchemaFormResult } from '@/schema-form/use-schema-form'

/** Test-only: one schema form with a Save button, rendered the way an app would. */
export type HarnessOptions = {
  schema: unknown
  defaultValues?: unknown
  widgets?: WidgetOverrides
  mode?: PayloadMode
  language?: string
  fields?: Omit<SchemaFieldsProps, 'model' | 'control'>
  /** Around the provider, e.g. an I18nextProvider. */
  wrapper?: ComponentType<{ children: ReactNode }>
}

export function renderSchemaForm(options: HarnessOptions) {
  const onSubmit = vi.fn<(payload: JsonObject) => void>()
  const result: { current?: UseSchemaFormResult } = {}
  function Harness() {
    const schemaForm = useSchemaForm(options)
    result.current = schemaForm
    const { form, model } = schemaForm
    return (
      <form
        noValidate
        onSubmit={(event) => {
          void form.handleSubmit(onSubmit)(event)
        }}
      >
        <SchemaFields model={model} control={form.control} {...options.fields} />
        <button type="submit">Save</button>
      </form>
    )
  }
  const user = userEvent.setup()
  const view = render(
    <SchemaFormProvider language={options.language}>
      <Harness />
    </SchemaFormProvider>,
    options.wrapper ? { wrapper: options.wrapper } : {},
  )
  return { ...view, user, onSubmit, result }
}

/** The payload of the last successful submit. */
export function lastPayload(onSubmit: { mock: { calls: unknown[][] } }): unknown {
  return onSubmit.mock.calls.at(-1)?.[0]
}
