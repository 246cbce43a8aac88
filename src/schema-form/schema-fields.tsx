import { useMemo } from 'react'
import type { Control } from 'react-hook-form'
import { SchemaArrayRows } from '@/schema-form/array-rows'
import { useSchemaFormLanguage } from '@/schema-form/language'
import { FieldStack } from '@/schema-form/layout'
import { uiText } from '@/schema-form/messages'
import type { FieldModel, ObjectModel } from '@/schema-form/schema-model'
import { CollapsibleSection, ObjectSection } from '@/schema-form/sections'
import { FieldWidget } from '@/schema-form/widgets/field-widget'
import type { WidgetComponent } from '@/schema-form/widgets/widget-props'

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
