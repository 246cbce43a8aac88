import { memo, useEffect, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { OutlinedField } from '@/components/outlined-field'
import type { DateFilterPicker as Picker } from '@/features/timeline/date-filter-picker'

type DateFieldProps = {
  label: string
  value: string | null
  onChange: (value: string | null) => void
  isInvalid: boolean
  helperText?: string | undefined
}

/**
 * The date filter uses the forms' date picker (the app's language, `dd-MM-yyyy`), which is too
 * big for the first load. Until the filter is first used, a stand-in shows the day the same way;
 * pointer or focus on it (or on the filter bar: `preloadDatePicker`) fetches the picker, which
 * then takes the stand-in's place, and its focus, in every date field.
 */
let picker: typeof Picker | null = null
let loading: Promise<void> | null = null
let focusOnArrival: string | null = null
const listeners = new Set<() => void>()

export function preloadDatePicker(): void {
  loading ??= import('@/features/timeline/date-filter-picker').then(
    (module) => {
      picker = module.DateFilterPicker
      for (const listener of listeners) listener()
    },
    () => {
      loading = null // offline for a moment: the next use tries again
    },
  )
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

const loadedPicker = () => picker

export const DateField = memo(function DateField(props: DateFieldProps) {
  const { t } = useTranslation()
  const Loaded = useSyncExternalStore(subscribe, loadedPicker, loadedPicker)
  const takeFocus = Loaded !== null && focusOnArrival === props.label
  useEffect(() => {
    if (takeFocus) focusOnArrival = null
  }, [takeFocus])
  if (Loaded !== null) return <Loaded {...props} takeFocus={takeFocus} />
  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- the field inside is the interactive element; this only notices it being reached
    <div
      style={{ flex: 1, minWidth: 0 }}
      onFocus={() => {
        focusOnArrival = props.label
        preloadDatePicker()
      }}
      onBlur={() => {
        if (focusOnArrival === props.label) focusOnArrival = null
      }}
      onPointerDown={preloadDatePicker}
    >
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
})
