import FormControl from '@mui/material/FormControl'
import FormLabel from '@mui/material/FormLabel'
import RadioGroup from '@mui/material/RadioGroup'
import { useId, type ReactNode } from 'react'
import type { Control, FieldPath, FieldValues } from 'react-hook-form'
import { useFormField } from '@/components/use-form-field'

type FormRadioGroupProps<T extends FieldValues> = {
  name: FieldPath<T>
  control: Control<T>
  /** The group's visible label, which also names it (`aria-labelledby`). */
  label: string
  /** The options: `<FormControlLabel value=… control={<Radio />} … />`. */
  children: ReactNode
}

/** A labelled radio group bound to react-hook-form through useFormField; arrow keys move. */
export function FormRadioGroup<T extends FieldValues>({
  name,
  control,
  label,
  children,
}: FormRadioGroupProps<T>) {
  const labelId = useId()
  const { ref, ...field } = useFormField({ name, control }).field
  return (
    <FormControl>
      <FormLabel id={labelId}>{label}</FormLabel>
      <RadioGroup
        ref={ref}
        name={field.name}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        aria-labelledby={labelId}
      >
        {children}
      </RadioGroup>
    </FormControl>
  )
}
