import TextField, { type TextFieldProps } from '@mui/material/TextField'
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form'

type FormTextFieldProps<T extends FieldValues> = Omit<
  TextFieldProps,
  'name' | 'value' | 'onChange' | 'onBlur' | 'error'
> & {
  name: FieldPath<T>
  control: Control<T>
  hint: string
  /** Turns the field's error code into a sentence. */
  describeError: (code: string) => string
}

/** A MUI text field bound to react-hook-form; always one helper line (hint or error), no jump. */
export function FormTextField<T extends FieldValues>({
  name,
  control,
  hint,
  describeError,
  ...props
}: FormTextFieldProps<T>) {
  const { field, fieldState } = useController({ name, control })
  const error = fieldState.error?.message
  return (
    <TextField
      {...props}
      name={field.name}
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={error !== undefined}
      helperText={error === undefined ? hint : describeError(error)}
      fullWidth
    />
  )
}
