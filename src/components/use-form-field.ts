import {
  useController,
  type Control,
  type FieldPath,
  type FieldValues,
  type UseControllerReturn,
} from 'react-hook-form'

/** A line of helper text is always rendered, so an error appearing never moves the layout. */
export const BLANK_HELPER = ' '

export type UseFormFieldOptions<T extends FieldValues> = {
  name: FieldPath<T>
  control: Control<T>
  /** The helper line while there is no error; default a blank line. */
  hint?: string | undefined
  /** Turns the error's message (often a code) into a sentence; default: shown as it is. */
  describeError?: ((message: string) => string) | undefined
  /**
   * When an error shows. `always`: as soon as the form has it (also after `trigger()`).
   * `when-due`: once the field was left, the form was submitted, or the server named it — for
   * rows a counsellor adds, whose empty fields must not turn red at once.
   */
  showErrors?: 'always' | 'when-due'
}

export type FormField<T extends FieldValues> = {
  /** react-hook-form's binding: name, value, onChange, onBlur, ref. */
  field: UseControllerReturn<T>['field']
  /** Only `error`: the rest of RHF's fieldState would subscribe this input to every change. */
  fieldState: { error: UseControllerReturn<T>['fieldState']['error'] }
  hasError: boolean
  /** The error as a sentence, else the hint, else a blank line (never empty). */
  helperText: string
}

/**
 * The one way an input is bound to a form (docs/development.md, "Forms"): one react-hook-form
 * controller per input, so a keystroke re-renders that input only. The caller gives MUI the
 * `field` (value, onChange, onBlur, `inputRef={field.ref}`), `error={hasError}` and
 * `helperText`; MUI then sets `aria-invalid` and ties the helper line to the input with
 * `aria-describedby`, so the message is read with the field. FormTextField and FormRadioGroup
 * do this for the common cases; the schema form's widgets go through useSchemaController.
 */
export function useFormField<T extends FieldValues>({
  name,
  control,
  hint,
  describeError,
  showErrors = 'always',
}: UseFormFieldOptions<T>): FormField<T> {
  const { field, fieldState, formState } = useController({ name, control })
  const raw = fieldState.error
  // Each getter read subscribes the input to that state: read them only when they decide.
  const isDue =
    raw !== undefined &&
    (showErrors === 'always' ||
      raw.type === 'server' ||
      fieldState.isTouched ||
      formState.isSubmitted)
  const error = isDue ? raw : undefined
  const message = error?.message
  const errorText = message ? (describeError ? describeError(message) : message) : ''
  return {
    field,
    fieldState: { error },
    hasError: error !== undefined,
    helperText: errorText || hint || BLANK_HELPER,
  }
}
