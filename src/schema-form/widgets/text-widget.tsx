import TextField from '@mui/material/TextField'
import { uiText } from '@/schema-form/messages'
import {
  requiredInputProps,
  useSchemaController,
} from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

const INPUT_TYPE = { email: 'email', url: 'url' } as const

/** Single-line text, multiline text, e-mail, URL and the raw JSON fallback for unknown shapes. */
export function TextWidget(props: WidgetProps) {
  const { field } = props
  const isJson = field.widget === 'json'
  const isMultiline = field.widget === 'multiline' || isJson
  const controller = useSchemaController(props)
  const { field: input, hasError, language } = controller
  const helperText =
    isJson && !hasError && !field.description ? uiText('jsonHint', language) : controller.helperText
  const type =
    field.widget === 'email' || field.widget === 'url' ? INPUT_TYPE[field.widget] : 'text'
  return (
    <TextField
      name={input.name}
      inputRef={input.ref}
      value={typeof input.value === 'string' ? input.value : ''}
      onChange={(event) => {
        input.onChange(event.target.value)
      }}
      onBlur={input.onBlur}
      label={field.label}
      required={field.required}
      error={hasError}
      helperText={helperText}
      type={type}
      multiline={isMultiline}
      minRows={isMultiline ? 3 : undefined}
      maxRows={isMultiline ? 12 : undefined}
      fullWidth
      slotProps={{
        htmlInput: {
          ...requiredInputProps(field.required),
          ...(isJson ? { spellCheck: false, style: { fontFamily: 'monospace' } } : {}),
          ...(type === 'email' ? { autoComplete: 'email' } : {}),
        },
      }}
    />
  )
}
