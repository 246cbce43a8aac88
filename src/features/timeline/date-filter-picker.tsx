import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { formatIsoDate, parseIsoDate, type PartialValueReason } from '@/schema-form/date-values'
import { useSchemaFormLanguage } from '@/schema-form/language'
import { issueMessage } from '@/schema-form/messages'
import { SchemaFormProvider } from '@/schema-form/schema-form-provider'
import { PickerField, type PickerPart } from '@/schema-form/widgets/picker-field'

export type DateFilterPickerProps = {
  label: string
  /** The filter's day, `YYYY-MM-DD`, or null. */
  value: string | null
  onChange: (value: string | null) => void
  isInvalid: boolean
  helperText?: string | undefined
  /** Take the keyboard focus on arrival (it replaces a stand-in that was just used). */
  takeFocus?: boolean
}

/**
 * The date filter's real field: the forms' own date picker (MUI X, date-fns, the app's language,
 * `dd-MM-yyyy`, the same messages for a half-typed date). A chunk of its own, loaded when the
 * filter is first used (`date-field.tsx`), so the first load does not carry the pickers.
 */
export function DateFilterPicker(props: DateFilterPickerProps) {
  return (
    <SchemaFormProvider>
      <DateFilterField {...props} />
    </SchemaFormProvider>
  )
}

function DateFilterField({
  label,
  value,
  onChange,
  isInvalid,
  helperText,
  takeFocus,
}: DateFilterPickerProps) {
  const language = useSchemaFormLanguage()
  const wrapper = useRef<HTMLDivElement>(null)
  // A half-typed day filters nothing new: the filter keeps its day, the field says what is missing.
  const [partial, setPartial] = useState<PartialValueReason | null>(null)

  useLayoutEffect(() => {
    if (takeFocus) wrapper.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus()
  }, [takeFocus])

  const handlePart = useCallback(
    (part: PickerPart) => {
      if (part.status === 'partial') {
        setPartial(part.reason)
        return
      }
      setPartial(null)
      onChange(part.status === 'empty' ? null : formatIsoDate(part.date))
    },
    [onChange],
  )

  const problem = partial === null ? null : issueMessage(partial, {}, { language, kind: 'date' })
  return (
    <div ref={wrapper} style={{ flex: 1, minWidth: 0 }}>
      <PickerField
        kind="date"
        label={label}
        value={value === null ? null : parseIsoDate(value)}
        isPartial={partial !== null}
        onPart={handlePart}
        error={isInvalid || partial !== null}
        helperText={problem ?? helperText ?? ''}
      />
    </div>
  )
}
