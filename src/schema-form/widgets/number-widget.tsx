import TextField from '@mui/material/TextField'
import {
  requiredInputProps,
  useSchemaController,
} from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

/**
 * Numbers are typed as text (a `type="number"` input hides what was typed when it does not parse
 * and turns a scroll into a changed value); the text becomes a number in toPayload, where
 * "12abc" is reported instead of dropped. Dutch "1,5" is read as 1.5.
 */
export function NumberWidget(props: WidgetProps) {
  const { field } = props
  const { field: input, hasError, helperText } = useSchemaController(props)
  const isInteger = field.kind === 'integer'
  return (
    <TextField
      name={input.name}
      inputRef={input.ref}
      value={typeof input.value === 'string' || typeof input.value === 'number' ? input.value : ''}
      onChange={(event) => {
        input.onChange(event.target.value)
      }}
      onBlur={input.onBlur}
      label={field.label}
      required={field.required}
      error={hasError}
      helperText={helperText}
      fullWidth
      slotProps={{
        htmlInput: {
          ...requiredInputProps(field.required),
          inputMode: isInteger ? 'numeric' : 'decimal',
          autoComplete: 'off',
        },
      }}
    />
  )
}
