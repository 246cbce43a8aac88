import { useController } from 'react-hook-form'
import { useSchemaFormLanguage } from '@/schema-form/language'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

/** A line of helper text is always rendered, so an error appearing never moves the layout. */
export const BLANK_HELPER = ' '

/**
 * One RHF controller per input: a keystroke re-renders that input only, never its siblings or
 * other rows. An error is shown once it is due: the field was left, the form was submitted, or
 * the server named it. (Mode onTouched alone is not enough: RHF re-validates a whole field array
 * after add, duplicate or remove, which would mark a brand-new row's fields at once.)
 */
export function useSchemaController({ field, name, control }: WidgetProps) {
  const language = useSchemaFormLanguage()
  const controller = useController({ name, control })
  const { fieldState, formState } = controller
  const raw = fieldState.error
  const isDue =
    raw !== undefined && (raw.type === 'server' || fieldState.isTouched || formState.isSubmitted)
  const error = isDue ? raw : undefined
  return {
    ...controller,
    // Not `...fieldState`: its getters subscribe this input to every kind of form state change.
    fieldState: { error },
    language,
    hasError: error !== undefined,
    helperText: error?.message || (field.description ?? BLANK_HELPER),
  }
}

/** The asterisk and `aria-required`, without the browser's own "please fill in" bubble. */
export const requiredInputProps = (isRequired: boolean) =>
  isRequired ? { required: false, 'aria-required': true } : {}
