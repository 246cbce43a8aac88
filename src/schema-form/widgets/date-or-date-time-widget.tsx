import FormControlLabel from '@mui/material/FormControlLabel'
import Switch from '@mui/material/Switch'
import { useRef, useState, type FocusEvent } from 'react'
import {
  formatIsoDate,
  formatIsoDateTime,
  isPartialValue,
  parseIsoDate,
  parseIsoDateTime,
  partialValue,
} from '@/schema-form/date-values'
import { deepEqual } from '@/schema-form/json-value'
import { SideBySide } from '@/schema-form/layout'
import { uiText } from '@/schema-form/messages'
import { PickerField, type PickerPart } from '@/schema-form/widgets/picker-field'
import { BLANK_HELPER } from '@/components/use-form-field'
import { useSchemaController } from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

type Parts = { date: PickerPart; time: PickerPart; includeTime: boolean; emitted: unknown }

const EMPTY: PickerPart = { status: 'empty' }

/** Reads a form value into the two pickers (a partial value keeps its own picker's text). */
function partsOf(value: unknown, previous?: Parts): Parts {
  if (typeof value === 'string' && value.includes('T')) {
    const instant = parseIsoDateTime(value)
    if (instant) {
      const day = new Date(instant.getFullYear(), instant.getMonth(), instant.getDate())
      day.setFullYear(instant.getFullYear())
      const time: PickerPart = { status: 'valid', date: instant }
      return { date: { status: 'valid', date: day }, time, includeTime: true, emitted: value }
    }
  }
  const day = typeof value === 'string' ? parseIsoDate(value) : null
  return {
    date: day ? { status: 'valid', date: day } : EMPTY,
    time: previous?.time ?? EMPTY,
    includeTime: previous?.includeTime ?? false,
    emitted: value,
  }
}

/** The one value the field holds, from the date, the time and the "Include time" switch. */
function combine({ date, time, includeTime }: Omit<Parts, 'emitted'>): unknown {
  if (date.status === 'partial') return partialValue(date.reason, date.text)
  if (!includeTime) return date.status === 'valid' ? formatIsoDate(date.date) : ''
  if (date.status === 'empty')
    return time.status === 'empty' ? '' : partialValue('incompleteDate', '')
  if (time.status === 'partial') return partialValue('incompleteTime', time.text)
  if (time.status === 'empty') return partialValue('incompleteTime', '')
  const moment = new Date(date.date)
  moment.setHours(time.date.getHours(), time.date.getMinutes(), time.date.getSeconds(), 0)
  return formatIsoDateTime(moment)
}

/**
 * "A date, or a date with a time" (`anyOf: [date, date-time]`): a date picker, an "Include time"
 * switch and, when on, a time picker. Switching the time off and on again keeps the time that
 * was entered, and the whole group counts as one field: leaving the date for the time picker
 * does not yet mark it touched, so no "Incomplete time" appears before it could be typed.
 */
export function DateOrDateTimeWidget(props: WidgetProps) {
  const { field } = props
  const { field: input, fieldState, hasError, helperText, language } = useSchemaController(props)
  const group = useRef<HTMLDivElement>(null)
  const [parts, setParts] = useState(() => partsOf(input.value))
  // RHF may hand back a copy of an object value, so "is this still ours" compares contents.
  if (!deepEqual(input.value, parts.emitted)) setParts(partsOf(input.value, parts))

  const update = (change: Partial<Omit<Parts, 'emitted'>>) => {
    const next = { ...parts, ...change }
    const value = combine(next)
    setParts({ ...next, emitted: value })
    input.onChange(value)
  }
  const handleLeave = (next: EventTarget | null) => {
    if (!(next instanceof Node && group.current?.contains(next))) input.onBlur()
  }
  const handleSwitchBlur = (event: FocusEvent<HTMLElement>) => {
    handleLeave(event.relatedTarget)
  }
  const errorOnTime = isPartialValue(input.value) && input.value.partial === 'incompleteTime'

  return (
    <SideBySide ref={group}>
      <PickerField
        kind="date"
        label={field.label}
        name={input.name}
        value={parts.date.status === 'valid' ? parts.date.date : null}
        isPartial={parts.date.status === 'partial'}
        onPart={(date) => {
          update({ date })
        }}
        onLeave={handleLeave}
        focusRef={input.ref}
        required={field.required}
        error={hasError && !errorOnTime}
        helperText={errorOnTime ? (field.description ?? BLANK_HELPER) : helperText}
      />
      {parts.includeTime ? (
        <PickerField
          kind="time"
          label={uiText('time', language)}
          value={parts.time.status === 'valid' ? parts.time.date : null}
          isPartial={parts.time.status === 'partial'}
          onPart={(time) => {
            update({ time })
          }}
          onLeave={handleLeave}
          required
          error={errorOnTime && fieldState.error !== undefined}
          helperText={errorOnTime ? helperText : BLANK_HELPER}
        />
      ) : null}
      <FormControlLabel
        style={{ whiteSpace: 'nowrap' }}
        label={uiText('includeTime', language)}
        control={
          <Switch
            checked={parts.includeTime}
            onChange={(event) => {
              update({ includeTime: event.target.checked })
            }}
            onBlur={handleSwitchBlur}
          />
        }
      />
    </SideBySide>
  )
}
