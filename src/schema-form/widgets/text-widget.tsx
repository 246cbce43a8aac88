import TextField from '@mui/material/TextField'
import { uiText } from '@/schema-form/messages'
import {
  requiredInputProps,
  useSchemaController,
} from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

const INPUT_TYPE = { email: 'email', url: 'url' } as const
const MIN_ROWS = 3
const MAX_ROWS = 12

/**
 * Where the browser can size a textarea to its text (`field-sizing: content`), it does so
 * between 3 and 12 lines. Elsewhere MUI's TextareaAutosize measures it in script, which forces
 * a layout per textarea on mount and on every keystroke.
 */
const SIZES_ITSELF =
  typeof CSS !== 'undefined' &&
  typeof CSS.supports === 'function' &&
  CSS.supports('field-sizing', 'content')
const SELF_SIZED = {
  fieldSizing: 'content',
  minHeight: `${MIN_ROWS}lh`,
  maxHeight: `${MAX_ROWS}lh`,
} as const

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
      minRows={isMultiline && !SIZES_ITSELF ? MIN_ROWS : undefined}
      maxRows={isMultiline && !SIZES_ITSELF ? MAX_ROWS : undefined}
      fullWidth
      slotProps={{
        input: isMultiline && SIZES_ITSELF ? { inputComponent: 'textarea' } : {},
        htmlInput: {
          ...requiredInputProps(field.required),
          style: {
            ...(isMultiline && SIZES_ITSELF ? SELF_SIZED : {}),
            ...(isJson ? { fontFamily: 'monospace' } : {}),
          },
          ...(isJson ? { spellCheck: false } : {}),
          ...(type === 'email' ? { autoComplete: 'email' } : {}),
        },
      }}
    />
  )
}
