import TextField from '@mui/material/TextField'
import { formatDuration, parseDuration } from '@/schema-form/duration'
import { uiText } from '@/schema-form/messages'
import {
  requiredInputProps,
  useSchemaController,
} from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

/**
 * A duration stored as whole seconds, typed as "70" (minutes), "1:10" or "1 h 10 min". The helper
 * line says how the text was read ("Reads as 1 h 10 min"), so "1,5" is never a surprise.
 */
export function DurationWidget(props: WidgetProps) {
  const { field } = props
  const { field: input, fieldState, language } = useSchemaController(props)
  const text = typeof input.value === 'string' ? input.value : ''
  const seconds = parseDuration(text)
  const reading =
    seconds === null
      ? uiText('durationHint', language)
      : uiText('durationReads', language, { duration: formatDuration(seconds, language) })
  return (
    <TextField
      name={input.name}
      inputRef={input.ref}
      value={text}
      onChange={(event) => {
        input.onChange(event.target.value)
      }}
      onBlur={input.onBlur}
      label={field.label}
      required={field.required}
      error={fieldState.error !== undefined}
      helperText={fieldState.error?.message ?? reading}
      fullWidth
      slotProps={{ htmlInput: { ...requiredInputProps(field.required), autoComplete: 'off' } }}
    />
  )
}
