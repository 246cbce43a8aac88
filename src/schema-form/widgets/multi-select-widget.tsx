import Autocomplete, { type AutocompleteRenderInputParams } from '@mui/material/Autocomplete'
import TextField, { type TextFieldProps } from '@mui/material/TextField'
import { useCallback, useRef, type Ref, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import type { EnumValue } from '@/schema-form/field-kind'
import { deepEqual } from '@/schema-form/json-value'
import {
  requiredInputProps,
  useSchemaController,
} from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

function isEnumValue(value: unknown): value is EnumValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

type Anchor = AutocompleteRenderInputParams['slotProps']['input']['ref']
/** The Autocomplete's input box and its anchor setter, handed over on first use. */
type Handover = { box: HTMLElement | null; anchor: Anchor | undefined; isDone: boolean }

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value)
  else if (ref) ref.current = value
}

type InputProps = Omit<TextFieldProps, 'slotProps'> & {
  params: AutocompleteRenderInputParams
  handoverRef: RefObject<Handover>
  isRequired: boolean
}

/**
 * The Autocomplete learns its input box (the anchor of its listbox) through a ref and keeps it
 * as state, so every Autocomplete rendered twice on mount, the second time reading the box's
 * width (a forced layout). Nothing needs the anchor until the field is used: this input keeps
 * it back, and the widget hands it over at the first focus, press, click, touch or key inside
 * the field, in the capture phase, before any of the Autocomplete's own handlers run.
 */
function MultiSelectInput({ params, handoverRef, isRequired, ...props }: InputProps) {
  const { ref: anchor, ...input } = params.slotProps.input
  const holdAnchor = useCallback(
    (box: HTMLElement | null) => {
      handoverRef.current.box = box
      handoverRef.current.anchor = anchor
      if (handoverRef.current.isDone) setRef(anchor, box)
    },
    [anchor, handoverRef],
  )
  return (
    <TextField
      {...params}
      {...props}
      slotProps={{
        ...params.slotProps,
        input: { ...input, ref: holdAnchor },
        htmlInput: { ...params.slotProps.htmlInput, ...requiredInputProps(isRequired) },
      }}
    />
  )
}

/**
 * Several choices from an enum, shown as chips. An Autocomplete rather than a Select: it is a
 * labelled combobox you can type into, arrow through, pick with Enter and un-pick with
 * Backspace, and it stays open while choosing more than one.
 */
export function MultiSelectWidget(props: WidgetProps) {
  const { field } = props
  const { field: input, hasError, helperText } = useSchemaController(props)
  const selected = Array.isArray(input.value) ? input.value.filter(isEnumValue) : []
  // A stored value the schema no longer lists stays visible (and fails validation) instead of vanishing.
  const extra = selected.filter((value) => !field.options.some((option) => option === value))
  const handoverRef = useRef<Handover>({ box: null, anchor: undefined, isDone: false })
  const handOver = useCallback(() => {
    const { current } = handoverRef
    if (current.isDone) return
    current.isDone = true
    flushSync(() => {
      setRef(current.anchor, current.box)
    })
  }, [])
  // Focus may come from a render: a dialog focusing its first field while React commits, where
  // flushSync cannot run (React warns and skips it). Nothing of the Autocomplete's needs the
  // anchor on focus (it opens on a press or a key, each handed over at once above), so a focus
  // hands over right after the event instead.
  const handOverAfterFocus = useCallback(() => {
    queueMicrotask(handOver)
  }, [handOver])
  return (
    <Autocomplete
      onFocusCapture={handOverAfterFocus}
      onMouseDownCapture={handOver}
      onClickCapture={handOver}
      onTouchStartCapture={handOver}
      onKeyDownCapture={handOver}
      multiple
      disableCloseOnSelect
      options={[...field.options, ...extra]}
      value={selected}
      getOptionLabel={String}
      isOptionEqualToValue={deepEqual}
      onChange={(_, value) => {
        input.onChange(value)
      }}
      onBlur={input.onBlur}
      renderInput={(params) => (
        <MultiSelectInput
          params={params}
          handoverRef={handoverRef}
          isRequired={field.required}
          name={input.name}
          inputRef={input.ref}
          label={field.label}
          required={field.required}
          error={hasError}
          helperText={helperText}
        />
      )}
    />
  )
}
