import { useCallback, useMemo } from 'react'
import {
  formatIsoDate,
  formatIsoDateTime,
  isPartialValue,
  parseIsoDate,
  parseIsoDateTime,
  partialValue,
} from '@/schema-form/date-values'
import { PickerField, type PickerPart } from '@/schema-form/widgets/picker-field'
import { useSchemaController } from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

/**
 * A date (`YYYY-MM-DD`, the local calendar day as picked) or a date-time (local wall time with
 * its offset, `2026-11-29T14:30:00+01:00`). The form value is that text; a half-typed value is
 * a partial value that fails with "Incomplete date" rather than being dropped.
 */
export function DateWidget(props: WidgetProps) {
  const { field } = props
  const kind = field.widget === 'date-time' ? 'date-time' : 'date'
  const { field: input, hasError, helperText } = useSchemaController(props)
  const { onChange, onBlur } = input
  const raw: unknown = input.value
  const shown = useMemo(() => {
    if (typeof raw !== 'string') return null
    return kind === 'date' ? parseIsoDate(raw) : parseIsoDateTime(raw)
  }, [raw, kind])

  const handlePart = useCallback(
    (part: PickerPart) => {
      if (part.status === 'empty') onChange('')
      else if (part.status === 'partial') onChange(partialValue(part.reason, part.text))
      else onChange(kind === 'date' ? formatIsoDate(part.date) : formatIsoDateTime(part.date))
    },
    [onChange, kind],
  )

  return (
    <PickerField
      kind={kind}
      label={field.label}
      name={input.name}
      value={shown}
      isPartial={isPartialValue(raw)}
      onPart={handlePart}
      onLeave={onBlur}
      focusRef={input.ref}
      required={field.required}
      error={hasError}
      helperText={helperText}
    />
  )
}
