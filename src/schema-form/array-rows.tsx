import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import FormHelperText from '@mui/material/FormHelperText'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { memo, useCallback, useId } from 'react'
import { get, useFieldArray, useFormState, type Control } from 'react-hook-form'
import { isRecord } from '@/schema-form/json-value'
import { FieldFrame, FrameLegend, RowActions } from '@/schema-form/layout'
import { toFormValues } from '@/schema-form/form-values'
import { useSchemaFormLanguage } from '@/schema-form/language'
import { uiText } from '@/schema-form/messages'
import type { ObjectModel } from '@/schema-form/schema-model'
import { SchemaFields, type SchemaFieldsProps } from '@/schema-form/schema-fields'

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
