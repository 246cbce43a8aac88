import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { deepEqual } from '@/schema-form/json-value'
import { uiText } from '@/schema-form/messages'
import { useSchemaController } from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

const NONE = ''

/**
 * One choice from an enum. Options are keyed by position so numbers and booleans survive the
 * trip through the DOM; an optional field offers "—" to clear the choice (null in the form).
 */
export function SelectWidget(props: WidgetProps) {
  const { field } = props
  const { field: input, hasError, helperText, language } = useSchemaController(props)
  const index = field.options.findIndex((option) => deepEqual(option, input.value))
  return (
    <TextField
      select
      name={input.name}
      inputRef={input.ref}
      value={index >= 0 ? String(index) : NONE}
      onChange={(event) => {
        const chosen = field.options[Number(event.target.value)]
        input.onChange(event.target.value === NONE || chosen === undefined ? null : chosen)
      }}
      onBlur={input.onBlur}
      label={field.label}
      required={field.required}
      error={hasError}
      helperText={helperText}
      fullWidth
    >
      {field.required ? null : (
        <MenuItem value={NONE} aria-label={uiText('noneLabel', language)}>
          {uiText('none', language)}
        </MenuItem>
      )}
      {field.options.map((option, i) => (
        <MenuItem key={String(i)} value={String(i)}>
          {String(option)}
        </MenuItem>
      ))}
    </TextField>
  )
}
