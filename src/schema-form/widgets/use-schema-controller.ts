import { useFormField } from '@/components/use-form-field'
import { useSchemaFormLanguage } from '@/schema-form/language'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

/**
 * A schema widget's binding: the one form binding (useFormField) with the field's description as
 * its hint, plus the form's language. An error is shown once it is due: the field was left, the
 * form was submitted, or the server named it. (Mode onTouched alone is not enough: RHF
 * re-validates a whole field array after add, duplicate or remove, which would mark a brand-new
 * row's fields at once.)
 */
export function useSchemaController({ field, name, control }: WidgetProps) {
  const language = useSchemaFormLanguage()
  const bound = useFormField({ name, control, hint: field.description, showErrors: 'when-due' })
  return { ...bound, language }
}

/** The asterisk and `aria-required`, without the browser's own "please fill in" bubble. */
export const requiredInputProps = (isRequired: boolean) =>
  isRequired ? { required: false, 'aria-required': true } : {}
