import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import FormHelperText from '@mui/material/FormHelperText'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { memo, useCallback, useId, useMemo } from 'react'
import { get, useFieldArray, useFormState, type Control } from 'react-hook-form'
import { toFormValues } from '@/schema-form/form-values'
import { isRecord } from '@/lib/json'
import { useSchemaFormLanguage } from '@/schema-form/language'
import { FieldFrame, FieldStack, FrameLegend, RowActions } from '@/schema-form/layout'
import { uiText } from '@/schema-form/messages'
import type { FieldModel, ObjectModel } from '@/schema-form/schema-model'
import { CollapsibleSection, ObjectSection } from '@/schema-form/sections'
import { FieldWidget } from '@/schema-form/widgets/field-widget'
import type { WidgetComponent } from '@/schema-form/widgets/widget-props'

// Fields and rows live in one module because each renders the other: as two modules they
// formed an import cycle, which a bundler tolerates but a module loader that starts two
// imports of the pair at once (a preload racing a click, in Vitest) can hand out half-made.

export type SchemaFieldsProps = {
  model: ObjectModel
  control: Control
  /** Where this object sits in the form: '' (root), 'customFields', 'rows.0'. */
  name?: string
  /** Field names to show first, in this order; the rest follow, required before optional. */
  order?: readonly string[]
  /** Your own component for a field, by field name or dotted schema path. */
  widgets?: Partial<Record<string, WidgetComponent>>
  /** Label per field name or dotted schema path, e.g. translated ones. */
  labels?: Partial<Record<string, string>>
  /** 'collapsed': optional fields not named in `order` go into a folded "More fields". */
  optionalFields?: 'inline' | 'collapsed'
}

type Entry = { field: FieldModel; name: string }

function byKey<T>(map: Partial<Record<string, T>> | undefined, field: FieldModel): T | undefined {
  return map?.[field.path.join('.')] ?? map?.[field.name]
}

/** Orders the fields and applies label overrides; memoised so widgets get stable props. */
function useEntries(props: SchemaFieldsProps): { main: Entry[]; more: Entry[] } {
  const { model, name = '', order = [], labels, optionalFields = 'inline' } = props
  const labelsKey = JSON.stringify(labels ?? {})
  const orderKey = order.join('\u0000')
  return useMemo(() => {
    const prefix = name === '' ? '' : `${name}.`
    const rank = (field: FieldModel) => {
      const position = order.indexOf(field.name)
      return position >= 0 ? position : order.length + (field.required ? 0 : 1)
    }
    const entries = [...model.fields]
      .sort((a, b) => rank(a) - rank(b))
      .map((field) => {
        const label = byKey(labels, field)
        return {
          field: label === undefined ? field : { ...field, label },
          name: `${prefix}${field.name}`,
        }
      })
    const isMore = (entry: Entry) =>
      optionalFields === 'collapsed' && !entry.field.required && !order.includes(entry.field.name)
    return { main: entries.filter((e) => !isMore(e)), more: entries.filter(isMore) }
    // labelsKey and orderKey stand for `labels` and `order`, often fresh literals per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, name, labelsKey, orderKey, optionalFields])
}

/**
 * All fields of an object schema, one widget per field (see schema-model.ts for the choice).
 * Nested objects become fieldsets, arrays of objects become rows; anything unknown still gets
 * a working JSON/text input.
 */
export function SchemaFields(props: SchemaFieldsProps) {
  const { control } = props
  const language = useSchemaFormLanguage()
  const { main, more } = useEntries(props)
  const render = ({ field, name }: Entry) => {
    if (field.widget === 'object' && field.object && !byKey(props.widgets, field)) {
      return (
        <ObjectSection
          key={name}
          field={field}
          name={name}
          control={control}
          toggleLabel={(isOpen) =>
            uiText(isOpen ? 'hideSection' : 'showSection', language, { label: field.label })
          }
        >
          <SchemaFields
            {...props}
            model={field.object}
            name={name}
            optionalFields="inline"
            order={[]}
          />
        </ObjectSection>
      )
    }
    if (field.widget === 'rows' && field.object && !byKey(props.widgets, field)) {
      return (
        <SchemaArrayRows
          key={name}
          model={field.object}
          name={name}
          control={control}
          label={field.label}
          minRows={field.constraints.minItems}
          maxRows={field.constraints.maxItems}
          widgets={props.widgets}
          labels={props.labels}
          order={props.order}
          optionalFields={props.optionalFields}
        />
      )
    }
    return (
      <FieldWidget
        key={name}
        field={field}
        name={name}
        control={control}
        custom={byKey(props.widgets, field)}
      />
    )
  }
  return (
    <FieldStack>
      {main.map(render)}
      {more.length > 0 ? (
        <CollapsibleSection title={uiText('moreFields', language)} control={control} fields={more}>
          {more.map(render)}
        </CollapsibleSection>
      ) : null}
    </FieldStack>
  )
}

export type SchemaArrayRowsProps = Pick<
  SchemaFieldsProps,
  'order' | 'widgets' | 'labels' | 'optionalFields'
> & {
  /** The model of one row (an item schema). */
  model: ObjectModel
  /** The array's name in the form, e.g. 'rows'. */
  name: string
  control: Control
  minRows?: number
  maxRows?: number
  /** A heading above the rows (e.g. the array's title). */
  label?: string
  /** The legend of each row; default "Row 1", "Row 2", … */
  rowLabel?: (index: number) => string
}

type RowProps = Omit<SchemaArrayRowsProps, 'minRows' | 'maxRows' | 'label'> & {
  index: number
  canAdd: boolean
  canRemove: boolean
  onDuplicate: (index: number) => void
  onRemove: (index: number) => void
}

/** Memoised on stable props: typing in row 3 re-renders row 3's input and nothing else. */
const Row = memo(function Row({
  index,
  canAdd,
  canRemove,
  onDuplicate,
  onRemove,
  rowLabel,
  ...fields
}: RowProps) {
  const language = useSchemaFormLanguage()
  const n = index + 1
  return (
    <FieldFrame>
      <FrameLegend>{rowLabel ? rowLabel(index) : uiText('rowLegend', language, { n })}</FrameLegend>
      <SchemaFields {...fields} name={`${fields.name}.${index}`} />
      <RowActions>
        <Button
          size="small"
          disabled={!canAdd}
          onClick={() => {
            onDuplicate(index)
          }}
        >
          {uiText('duplicateRow', language, { n })}
        </Button>
        <Button
          size="small"
          color="error"
          disabled={!canRemove}
          onClick={() => {
            onRemove(index)
          }}
        >
          {uiText('removeRow', language, { n })}
        </Button>
      </RowActions>
    </FieldFrame>
  )
})

/** Errors about the list itself ("at most 10"); isolated so they re-render only themselves. */
function ArrayError({ control, name }: { control: Control; name: string }) {
  const { errors } = useFormState({ control, name })
  const error: unknown = get(errors, name)
  const message = get(error, 'root.message') ?? get(error, 'message')
  return typeof message === 'string' ? <FormHelperText error>{message}</FormHelperText> : null
}

/**
 * 1..maxRows rows of one item schema with add, duplicate and remove. Add (and duplicate) is
 * disabled at the maximum with the reason next to it; remove is disabled at the minimum.
 */
export function SchemaArrayRows(props: SchemaArrayRowsProps) {
  const { model, name, control, minRows = 0, maxRows, label, ...rowProps } = props
  const language = useSchemaFormLanguage()
  const reasonId = useId()
  const { fields, append, insert, remove } = useFieldArray({ control, name })
  const canAdd = maxRows === undefined || fields.length < maxRows
  const canRemove = fields.length > minRows

  const handleDuplicate = useCallback(
    (index: number) => {
      // RHF's own current values of the array (its fields list only updates on array changes).
      const current: unknown = control._getFieldArray(name)[index]
      insert(index + 1, isRecord(current) ? structuredClone(current) : {})
    },
    [control, insert, name],
  )
  const handleRemove = useCallback(
    (index: number) => {
      remove(index)
    },
    [remove],
  )
  const handleAdd = () => {
    append(toFormValues(model, {}, { withDefaults: true, language }))
  }

  return (
    <Box role="group" aria-label={label} sx={{ display: 'grid', gap: 2 }}>
      {label ? <Typography variant="subtitle1">{label}</Typography> : null}
      {fields.map((row, index) => (
        <Row
          key={row.id}
          {...rowProps}
          model={model}
          name={name}
          control={control}
          index={index}
          canAdd={canAdd}
          canRemove={canRemove}
          onDuplicate={handleDuplicate}
          onRemove={handleRemove}
        />
      ))}
      <ArrayError control={control} name={name} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button
          variant="outlined"
          disabled={!canAdd}
          onClick={handleAdd}
          aria-describedby={canAdd ? undefined : reasonId}
        >
          {uiText('addRow', language)}
        </Button>
        {canAdd ? null : (
          <Typography id={reasonId} variant="body2" color="text.secondary">
            {uiText('maxRowsReached', language, { limit: String(maxRows) })}
          </Typography>
        )}
      </Stack>
    </Box>
  )
}
