import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import Switch from '@mui/material/Switch'
import { useId } from 'react'
import { useSchemaController } from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

/** A boolean. An optional one starts as "not set" (null) so an untouched switch sends nothing. */
export function SwitchWidget(props: WidgetProps) {
  const { field } = props
  const { field: input, hasError, helperText } = useSchemaController(props)
  const helperId = useId()
  return (
    <FormControl error={hasError} required={field.required}>
      <FormControlLabel
        label={field.label}
        required={field.required}
        control={
          <Switch
            name={input.name}
            checked={input.value === true}
            onChange={(event) => {
              input.onChange(event.target.checked)
            }}
            onBlur={input.onBlur}
            slotProps={{ input: { ref: input.ref, 'aria-describedby': helperId } }}
          />
        }
      />
      <FormHelperText id={helperId}>{helperText}</FormHelperText>
    </FormControl>
  )
}
