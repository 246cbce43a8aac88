import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import type { EnumValue } from '@/schema-form/field-kind'
import { deepEqual } from '@/schema-form/json-value'
import {
  requiredInputProps,
  useSchemaController,
} from '@/schema-form/widgets/use-schema-controller'
import type { WidgetProps } from '@/schema-form/widgets/widget-props'

function isEnumValue(value: unknown): value is EnumValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/**
 * Several choices from an enum, shown as chips. An Autocomplete rather than a Select: it is a
 * labelled combobox you can type into, arrow through, pick with Enter and un-pick with
 * Backspace, and it stays open while choosing more than one.
 */
export function MultiSelectWidget(props: WidgetProps) {
  const { field } = props
  const { field: input, hasError, helperText } = useSchemaController(props)
  const selected = Array.isArray(input.value) ? input.value.filter(isEnumValue) : []
  // A stored value the schema no longer lists stays visible (and fails validation) instead of vanishing.
  const extra = selected.filter((value) => !field.options.some((option) => option === value))
  return (
    <Autocomplete
      multiple
      disableCloseOnSelect
      options={[...field.options, ...extra]}
      value={selected}
      getOptionLabel={String}
      isOptionEqualToValue={deepEqual}
      onChange={(_, value) => {
        input.onChange(value)
      }}
      onBlur={input.onBlur}
      renderInput={(params) => (
        <TextField
          {...params}
          name={input.name}
          inputRef={input.ref}
          label={field.label}
          required={field.required}
          error={hasError}
          helperText={helperText}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, ...requiredInputProps(field.required) },
          }}
        />
      )}
    />
  )
}
