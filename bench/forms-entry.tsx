// The forms bench page (built only by bench/forms.mjs): our schema form and @rjsf/mui render the
// same region schema in the same page, so both are measured in the same browser, build and run.
import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import RjsfForm from '@rjsf/mui'
import validator from '@rjsf/validator-ajv8'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import { SchemaArrayRows } from '@/schema-form/array-rows'
import type { JsonSchema } from '@/schema-form/json-value'
import { rowsFormSchema } from '@/schema-form/rows-form-schema'
import { SchemaFields } from '@/schema-form/schema-fields'
import { SchemaFormProvider } from '@/schema-form/schema-form-provider'
import { useSchemaForm } from '@/schema-form/use-schema-form'
import { REGIONS, interactionItemJsonSchema } from '@/mocks/regions'
import { theme } from '@/theme/theme'

type Kind = 'ours' | 'rjsf'
const WIDGETS = { duration: 'duration-seconds' } as const

function itemSchema(regionId: string, only: readonly string[] | null = null): JsonSchema {
  const region = REGIONS.find((candidate) => candidate.id === regionId)
  if (!region) throw new Error(`unknown region ${regionId}`)
  const item = interactionItemJsonSchema(region, 'create')
  if (only === null) return item
  // One field (or a few) of the same schema: where the mount time goes, field by field.
  const properties = typeof item.properties === 'object' && item.properties ? item.properties : {}
  const required = Array.isArray(item.required) ? item.required : []
  return {
    ...item,
    properties: Object.fromEntries(
      Object.entries(properties).filter(([name]) => only.includes(name)),
    ),
    required: required.filter((name) => typeof name === 'string' && only.includes(name)),
  }
}

function sampleRow(index: number) {
  return {
    type: ['Telefonisch'],
    performedAt: '2026-03-15',
    summary: `Gesprek ${index + 1}`,
    notes: 'Notities bij dit contactmoment',
    duration: 1800,
  }
}

function OurForm({ schema }: { schema: JsonSchema }) {
  const { form, model } = useSchemaForm({ schema, widgets: WIDGETS })
  return (
    <form noValidate>
      <SchemaFields model={model} control={form.control} />
    </form>
  )
}

type OurRowsProps = { schema: JsonSchema; rows: number; isInvalid: boolean }

function OurRows({ schema, rows, isInvalid }: OurRowsProps) {
  // `isInvalid`: the last row's summary is too long, so a Save fails and from then on every
  // keystroke re-validates the whole form (the engine's most expensive typing state).
  const values = Array.from({ length: rows }, (_, i) => sampleRow(i))
  const last = values.at(-1)
  if (isInvalid && last) last.summary = 'x'.repeat(300)
  const { form, model } = useSchemaForm({
    schema: rowsFormSchema(schema, { maxItems: 10 }),
    widgets: WIDGETS,
    defaultValues: { rows: values },
  })
  const rowModel = model.fields[0]?.object
  return (
    <form
      noValidate
      onSubmit={(event) => {
        void form.handleSubmit(() => undefined)(event)
      }}
    >
      {rowModel ? (
        <SchemaArrayRows model={rowModel} name="rows" control={form.control} maxRows={10} />
      ) : null}
      <button type="submit">Save</button>
    </form>
  )
}

function Rjsf({ schema, rows }: { schema: JsonSchema; rows: number | null }) {
  if (rows === null) return <RjsfForm schema={schema} validator={validator} />
  return (
    <RjsfForm
      schema={{
        type: 'object',
        properties: { rows: { type: 'array', items: schema, maxItems: 10 } },
      }}
      formData={{ rows: Array.from({ length: rows }, (_, i) => sampleRow(i)) }}
      validator={validator}
    />
  )
}

let root: Root | null = null
const container = document.getElementById('root')
if (!container) throw new Error('no #root')

function render(
  kind: Kind,
  region: string,
  rows: number | null,
  isInvalid: boolean,
  only: readonly string[] | null,
) {
  const schema = itemSchema(region, only)
  // Our form needs its provider (date adapter, language); rjsf needs none: each gets its own.
  const form =
    kind === 'rjsf' ? (
      <Rjsf schema={schema} rows={rows} />
    ) : (
      <SchemaFormProvider language="en">
        {rows === null ? (
          <OurForm schema={schema} />
        ) : (
          <OurRows schema={schema} rows={rows} isInvalid={isInvalid} />
        )}
      </SchemaFormProvider>
    )
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {form}
    </ThemeProvider>
  )
}

function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        resolve(performance.now())
      }
      channel.port2.postMessage(null)
    })
  })
}

const bench = {
  /** Mounts one form synchronously: script (render, commit, effects), + layout, to painted. */
  async mount(
    kind: Kind,
    region: string,
    rows: number | null = null,
    isInvalid = false,
    only: readonly string[] | null = null,
  ) {
    bench.unmount()
    const element = render(kind, region, rows, isInvalid, only)
    const start = performance.now()
    root = createRoot(container)
    flushSync(() => {
      root?.render(element)
    })
    const committed = performance.now()
    // Style and layout now rather than in the next frame: some widgets force a layout inside
    // their effects (inside "script") and others leave it to the frame, so this is the fair sum.
    document.body.getBoundingClientRect()
    const laidOut = performance.now()
    const painted = await nextPaint()
    return { script: committed - start, layout: laidOut - start, painted: painted - start }
  },
  unmount() {
    root?.unmount()
    root = null
  },
}

declare global {
  interface Window {
    formsBench?: typeof bench
  }
}
window.formsBench = bench
