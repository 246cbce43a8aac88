import { DatePicker } from '@mui/x-date-pickers/DatePicker'
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker'
import type { PickerChangeHandlerContext } from '@mui/x-date-pickers/models'
import { TimePicker } from '@mui/x-date-pickers/TimePicker'
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { isValidDate, type PartialValueReason } from '@/schema-form/date-values'

/**
 * One MUI X picker with the gaps closed that make half-typed dates vanish elsewhere: MUI keeps a
 * half-filled field to itself (it publishes nothing, or an Invalid Date), so this component
 * reads the field's own text and reports a partial part instead — on change, on leaving the
 * field and on Enter. It hands MUI back the very `Date` object MUI published whenever the form
 * holds that value, because MUI rebuilds (and so clears) its sections for any other object.
 */

export type PickerKind = 'date' | 'date-time' | 'time'
export type PickerPart =
  | { status: 'empty' }
  | { status: 'valid'; date: Date }
  | { status: 'partial'; reason: PartialValueReason; text: string }

export type PickerFieldProps = {
  kind: PickerKind
  label: string
  /** The complete value to show, or null (empty, or the form holds a partial value). */
  value: Date | null
  /** The form holds a partial value from this picker: keep showing what was typed. */
  isPartial: boolean
  onPart: (part: PickerPart) => void
  /** Focus left the field while its popup is closed (to `next`): the moment to mark it touched. */
  onLeave?: (next: EventTarget | null) => void
  /** Receives something RHF can `focus()` to bring the user to this field on an error. */
  focusRef?: (target: { focus: () => void } | null) => void
  name?: string
  required?: boolean
  error?: boolean
  helperText: string
}

const FORMATS: Record<PickerKind, string> = {
  date: 'dd-MM-yyyy',
  'date-time': 'dd-MM-yyyy HH:mm',
  time: 'HH:mm',
}
// A year typed as "202" is published as 0202: outside these bounds it counts as not finished.
const MIN_DATE = new Date(1000, 0, 1)
const MAX_DATE = new Date(9999, 11, 31)
const HAS_PLACEHOLDER = /\p{L}/u

function partialReason(kind: PickerKind, text: string): PartialValueReason {
  if (HAS_PLACEHOLDER.test(text)) return kind === 'time' ? 'incompleteTime' : 'incompleteDate'
  return kind === 'time' ? 'incompleteTime' : 'invalidDate'
}

export function PickerField(props: PickerFieldProps) {
  const { kind, value, isPartial, onPart, onLeave, focusRef } = props
  const wrapper = useRef<HTMLDivElement>(null)
  const hiddenInput = useRef<HTMLInputElement>(null)
  const [published, setPublished] = useState<Date | null>(null)
  const [isOpen, setOpen] = useState(false)
  const awaitingText = useRef(false)
  // The form left a partial value without this picker publishing a complete one (a reset):
  // forget the half-typed state, and remount when MUI cannot be told through `value` (null).
  const [wasPartial, setWasPartial] = useState(isPartial)
  const [generation, setGeneration] = useState(0)
  if (wasPartial !== isPartial) {
    setWasPartial(isPartial)
    const isOwnCompletion = published !== null && isValidDate(published)
    if (!isPartial && !isOwnCompletion) {
      setPublished(null)
      if (value === null) setGeneration((count) => count + 1)
    }
  }

  // While MUI holds an Invalid Date (half-edited), it must get that very object back, even in
  // the render before the form has been told, or it drops the keystroke it has queued.
  const isMuiPartial = published !== null && Number.isNaN(published.getTime())
  const isSameInstant = value?.getTime() === published?.getTime()
  const pickerValue = isPartial || isMuiPartial || isSameInstant ? published : value

  useEffect(() => {
    focusRef?.({
      focus: () => wrapper.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus(),
    })
    return () => focusRef?.(null)
  }, [focusRef])

  // An Invalid Date says nothing about why; the field's text (updated by now) does.
  useEffect(() => {
    if (!awaitingText.current || published === null || isValidDate(published)) return
    awaitingText.current = false
    const text = hiddenInput.current?.value ?? ''
    onPart({ status: 'partial', reason: partialReason(kind, text), text })
  }, [published, kind, onPart])

  const handleChange = (date: Date | null, context: PickerChangeHandlerContext<unknown>) => {
    setPublished(date)
    if (date === null) onPart({ status: 'empty' })
    else if (!isValidDate(date)) awaitingText.current = true
    else if (context.validationError === 'minDate' || context.validationError === 'maxDate') {
      onPart({
        status: 'partial',
        reason: 'yearOutOfRange',
        text: hiddenInput.current?.value ?? '',
      })
    } else onPart({ status: 'valid', date })
  }

  /** MUI publishes nothing while a field that was empty is only partly filled (or emptied again). */
  const reportUnpublishedText = () => {
    if (value !== null || published !== null) return
    const text = hiddenInput.current?.value ?? ''
    if (text !== '') onPart({ status: 'partial', reason: partialReason(kind, text), text })
    else if (isPartial) onPart({ status: 'empty' })
  }

  const handleBlur = (event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget
    if (isOpen || (next instanceof Node && event.currentTarget.contains(next))) return
    reportUnpublishedText()
    onLeave?.(next)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter') reportUnpublishedText()
  }

  const shared = {
    label: props.label,
    value: pickerValue,
    onChange: handleChange,
    format: FORMATS[kind],
    onOpen: () => {
      setOpen(true)
    },
    onClose: () => {
      setOpen(false)
    },
    slotProps: {
      textField: {
        name: props.name,
        inputRef: hiddenInput,
        required: props.required,
        error: props.error,
        helperText: props.helperText,
        fullWidth: true,
        onBlur: handleBlur,
        onKeyDown: handleKeyDown,
      },
    },
  }
  return (
    <div ref={wrapper} key={generation}>
      {kind === 'date' ? (
        <DatePicker {...shared} minDate={MIN_DATE} maxDate={MAX_DATE} />
      ) : kind === 'date-time' ? (
        <DateTimePicker {...shared} ampm={false} minDate={MIN_DATE} maxDate={MAX_DATE} />
      ) : (
        <TimePicker {...shared} ampm={false} />
      )}
    </div>
  )
}
