import { Suspense, lazy, memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OutlinedField } from '@/components/outlined-field'

type DateFieldProps = {
  label: string
  value: string | null
  onChange: (value: string | null) => void
  isInvalid: boolean
  helperText?: string | undefined
}

/**
 * The date filter uses the forms' date picker (the app's language, `dd-MM-yyyy`), which is too
 * big for the first load. Until a field is first used, a stand-in shows its day the same way;
 * focus or a press on it swaps in the picker (`date-filter-picker.tsx`), which takes the focus.
 * The filter bar fetches the picker earlier, when the pointer or focus comes near.
 */
const loadPicker = () => import('@/features/timeline/date-filter-picker')
const Picker = lazy(() => loadPicker().then((module) => ({ default: module.DateFilterPicker })))

export function preloadDatePicker(): void {
  void loadPicker().catch(() => undefined) // offline for a moment: using the field tries again
}

export const DateField = memo(function DateField(props: DateFieldProps) {
  const { t } = useTranslation()
  const [isUsed, setUsed] = useState(false)
  const use = () => {
    setUsed(true)
  }
  const standIn = (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- the field inside is the interactive element; this only notices it being reached
    <div style={{ flex: 1, minWidth: 0 }} onFocus={use} onPointerDown={use}>
      <OutlinedField
        label={props.label}
        // `YYYY-MM-DD` → `DD-MM-YYYY`, as the picker writes it.
        value={props.value?.split('-').reverse().join('-') ?? ''}
        placeholder={t('timeline.filters.datePlaceholder')}
        readOnly
        error={props.isInvalid}
        helperText={props.helperText}
        sx={{ width: '100%' }}
        shrinkLabel
      />
    </div>
  )
  if (!isUsed) return standIn
  return (
    <Suspense fallback={standIn}>
      <Picker {...props} takeFocus />
    </Suspense>
  )
})
