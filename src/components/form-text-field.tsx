import TextField, { type TextFieldProps } from '@mui/material/TextField'
import type { FieldValues } from 'react-hook-form'
import { useFormField, type UseFormFieldOptions } from '@/components/use-form-field'

type FormTextFieldProps<T extends FieldValues> = Omit<
  TextFieldProps,
  'name' | 'value' | 'onChange' | 'onBlur' | 'error' | 'helperText'
> &
  Omit<UseFormFieldOptions<T>, 'hint'> & {
    /** The helper line while there is no error. */
    hint: string
  }

/**
 * A MUI text field (or `select`) bound to react-hook-form through useFormField: always one helper
 * line (hint or error, tied to the input by `aria-describedby`), so nothing jumps.
 */
export function FormTextField<T extends FieldValues>({
  name,
  control,
  hint,
  describeError,
  showErrors,
  ...props
}: FormTextFieldProps<T>) {
  const { field, hasError, helperText } = useFormField({
    name,
    control,
    hint,
    describeError,
    ...(showErrors ? { showErrors } : {}),
  })
  return (
    <TextField
      {...props}
      name={field.name}
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={hasError}
      helperText={helperText}
      fullWidth
    />
  )
}
