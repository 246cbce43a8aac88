import { useController } from 'react-hook-form'
import { useSchemaFormLanguage } from '@/schema-form/language'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

/** A line of helper text is always rendered, so an error appearing never moves the layout. */
export const BLANK_HELPER = ' '

/**
 * One RHF controller per input: a keystroke re-renders that input only, never its siblings or
 * other rows. The error RHF holds is already "due" (mode onTouched: after leaving the field or
 * submitting), so it is shown as is; otherwise the schema's description.
 */
export function useSchemaController({ field, name, control }: WidgetProps) {
  const language = useSchemaFormLanguage()
  const controller = useController({ name, control })
  const { error } = controller.fieldState
  return {
    ...controller,
    language,
    hasError: error !== undefined,
    helperText: error?.message || (field.description ?? BLANK_HELPER),
  }
}

/** The asterisk and `aria-required`, without the browser's own "please fill in" bubble. */
export const requiredInputProps = (isRequired: boolean) =>
  isRequired ? { required: false, 'aria-required': true } : {}
