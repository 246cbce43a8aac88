import { DatePicker } from '@mui/x-date-pickers/DatePicker'
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker'
import type { PickerChangeHandlerContext } from '@mui/x-date-pickers/models'
import { TimePicker } from '@mui/x-date-pickers/TimePicker'
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react'
import { isValidDate, type PartialValueReason } from '@/schema-form/date-values'
import {
  PICKER_FORMATS,
  PickerPreview,
  previewTarget,
  type PickerKind,
  type PickerTarget,
} from '@/schema-form/widgets/picker-preview'

/**
 * One MUI X picker with the gaps closed that make half-typed dates vanish elsewhere: MUI keeps a
 * half-filled field to itself (it publishes nothing, or an Invalid Date), so this component
 * reads the field's own text and reports a partial part instead — on change, on leaving the
 * field and on Enter. It hands MUI back the very `Date` object MUI published whenever the form
 * holds that value, because MUI rebuilds (and so clears) its sections for any other object.
 *
 * Until it is first focused, pressed or clicked, the field is a preview (picker-preview.tsx):
 * the same markup without MUI's editing engine, which is most of a form's mount time. The real
 * picker then takes over and receives the focus, the section or the open button that was
 * reached, before the next key can arrive.
 */

export type { PickerKind }
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

// A year typed as "202" is published as 0202: outside these bounds it counts as not finished.
const MIN_DATE = new Date(1000, 0, 1)
const MAX_DATE = new Date(9999, 11, 31)
const HAS_PLACEHOLDER = /\p{L}/u

function partialReason(kind: PickerKind, text: string): PartialValueReason {
  if (HAS_PLACEHOLDER.test(text)) return kind === 'time' ? 'incompleteTime' : 'incompleteDate'
  return kind === 'time' ? 'incompleteTime' : 'invalidDate'
}

function ActivePickerField(props: PickerFieldProps) {
  const { kind, value, isPartial, onPart, onLeave } = props
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
    format: PICKER_FORMATS[kind],
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
  if (kind === 'date') {
    return <DatePicker key={generation} {...shared} minDate={MIN_DATE} maxDate={MAX_DATE} />
  }
  if (kind === 'date-time') {
    return (
      <DateTimePicker
        key={generation}
        {...shared}
        ampm={false}
        minDate={MIN_DATE}
        maxDate={MAX_DATE}
      />
    )
  }
  return <TimePicker key={generation} {...shared} ampm={false} />
}

/** The real picker's element that stands where the preview's `target` was. */
function elementFor(root: HTMLElement, target: PickerTarget): HTMLElement | null {
  if (target.part === 'button') {
    return root.querySelector<HTMLElement>('[data-mui-picker-open-button]')
  }
  return root.querySelectorAll<HTMLElement>('[role="spinbutton"]')[target.index] ?? null
}

export function PickerField(props: PickerFieldProps) {
  const { focusRef } = props
  const wrapper = useRef<HTMLDivElement>(null)
  const [isActive, setActive] = useState(false)
  const reached = useRef<PickerTarget | null>(null)

  useEffect(() => {
    focusRef?.({
      focus: () => wrapper.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus(),
    })
    return () => focusRef?.(null)
  }, [focusRef])

  // The real picker has mounted (its own layout effects ran first): give it what was reached.
  useLayoutEffect(() => {
    const target = reached.current
    reached.current = null
    if (!isActive || !target || !wrapper.current) return
    const element = elementFor(wrapper.current, target)
    if (!element) return
    element.focus()
    if (target.part === 'button' && target.open) element.click()
  }, [isActive])

  const activate = (target: PickerTarget | null) => {
    if (target === null) return
    reached.current = target
    setActive(true)
  }
  // While the preview shows, every way in goes through these: focus (Tab, a label, RHF's
  // setFocus, a screen reader), a press of the primary button, or a click without a press.
  const handleFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return
    activate(previewTarget(event.currentTarget, { type: 'focus', target: event.target }))
  }
  const handleMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !(event.target instanceof Element)) return
    const target = previewTarget(event.currentTarget, {
      type: 'press',
      target: event.target,
      clientX: event.clientX,
    })
    if (target === null) return
    // The preview must not take the focus: the real picker gets it, on the reached element.
    event.preventDefault()
    // A press on the open button opens the picker on its click, as MUI's button does.
    if (target.part === 'section') activate(target)
  }
  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return
    activate(
      previewTarget(event.currentTarget, {
        type: 'press',
        target: event.target,
        clientX: event.clientX,
      }),
    )
  }

  if (isActive) {
    return (
      <div ref={wrapper} data-picker="active">
        <ActivePickerField {...props} />
      </div>
    )
  }
  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions, jsx-a11y/click-events-have-key-events -- the field inside is the interactive element; this only notices it being reached
    <div
      ref={wrapper}
      data-picker="preview"
      onFocus={handleFocus}
      onMouseDown={handleMouseDown}
      onClick={handleClick}
    >
      <PickerPreview
        kind={props.kind}
        label={props.label}
        value={props.isPartial ? null : props.value}
        name={props.name}
        required={props.required}
        error={props.error}
        helperText={props.helperText}
      />
    </div>
  )
}
