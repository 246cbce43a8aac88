import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import { usePickerAdapter, usePickerTranslations } from '@mui/x-date-pickers/hooks'
import { CalendarIcon, ClockIcon } from '@mui/x-date-pickers/icons'
import type {
  PickersSectionElement,
  PickersSectionListRef,
} from '@mui/x-date-pickers/PickersSectionList'
import { PickersTextField } from '@mui/x-date-pickers/PickersTextField'
import { useRef } from 'react'
import { isValidDate } from '@/schema-form/date-values'

/**
 * What a date field looks like before anyone touches it: MUI X's own PickersTextField with the
 * sections, aria attributes and "Choose date" button the picker's field would give it, built
 * once from the value instead of by the field's editing engine. A form of ten rows mounts ten of
 * these cheaply; `picker-field.tsx` swaps in the real picker the moment one is focused, pressed
 * or clicked. `picker-field.test.tsx` holds this markup equal to the real field's.
 */

export type PickerKind = 'date' | 'date-time' | 'time'
type SectionType = 'day' | 'month' | 'year' | 'hours' | 'minutes'
type SectionSpec = { type: SectionType; token: string; after: string }

const DAY: SectionSpec = { type: 'day', token: 'dd', after: '-' }
const MONTH: SectionSpec = { type: 'month', token: 'MM', after: '-' }
const HOURS: SectionSpec = { type: 'hours', token: 'HH', after: ':' }
const MINUTES: SectionSpec = { type: 'minutes', token: 'mm', after: '' }
const SECTIONS: Record<PickerKind, readonly SectionSpec[]> = {
  date: [DAY, MONTH, { type: 'year', token: 'yyyy', after: '' }],
  'date-time': [DAY, MONTH, { type: 'year', token: 'yyyy', after: ' ' }, HOURS, MINUTES],
  time: [HOURS, MINUTES],
}

/** The picker's format (`dd-MM-yyyy`, `dd-MM-yyyy HH:mm`, `HH:mm`), from the same sections. */
export const PICKER_FORMATS: Record<PickerKind, string> = {
  date: SECTIONS.date.map(({ token, after }) => token + after).join(''),
  'date-time': SECTIONS['date-time'].map(({ token, after }) => token + after).join(''),
  time: SECTIONS.time.map(({ token, after }) => token + after).join(''),
}

const RANGES: Record<Exclude<SectionType, 'day'>, [number, number]> = {
  month: [1, 12],
  year: [0, 9999],
  hours: [0, 23],
  minutes: [0, 59],
}
const LONGEST_MONTH = 31
// Any fixed day will do: month names and day numbers do not depend on it.
const REFERENCE_DAY = new Date(2000, 0, 1)

/** What a pointer or focus reached in the preview, to be reached again in the real picker. */
export type PickerTarget = { part: 'section'; index: number } | { part: 'button'; open: boolean }

type SectionContainer = PickersSectionElement['container'] & { 'data-sectionindex': number }
type Adapter = ReturnType<typeof usePickerAdapter>
type Translations = ReturnType<typeof usePickerTranslations>

function placeholderOf(spec: SectionSpec, translations: Translations): string {
  const format = spec.token
  switch (spec.type) {
    case 'day':
      return translations.fieldDayPlaceholder({ format })
    case 'month':
      return translations.fieldMonthPlaceholder({ contentType: 'digit', format })
    case 'year':
      return translations.fieldYearPlaceholder({ digitAmount: 4, format })
    case 'hours':
      return translations.fieldHoursPlaceholder({ format })
    case 'minutes':
      return translations.fieldMinutesPlaceholder({ format })
  }
}

function valueTextOf(type: SectionType, number: number, adapter: Adapter): string | undefined {
  if (type === 'day') return adapter.format(adapter.setDate(REFERENCE_DAY, number), 'dayOfMonth')
  if (type === 'month') return adapter.format(adapter.setMonth(REFERENCE_DAY, number - 1), 'month')
  return undefined
}

function sectionElements(
  kind: PickerKind,
  value: Date | null,
  adapter: Adapter,
  translations: Translations,
): { elements: PickersSectionElement[]; text: string } {
  let text = ''
  const elements = SECTIONS[kind].map((spec, index): PickersSectionElement => {
    const shown = value === null ? '' : adapter.formatByString(value, spec.token)
    const number = Number(shown)
    const [minimum, maximum] =
      spec.type === 'day'
        ? [1, value ? adapter.getDaysInMonth(value) : LONGEST_MONTH]
        : RANGES[spec.type]
    const content = shown || placeholderOf(spec, translations)
    text += content + spec.after
    const container: SectionContainer = { 'data-sectionindex': index }
    return {
      container,
      content: {
        'aria-readonly': false,
        'aria-valuenow': shown ? number : undefined,
        'aria-valuemin': minimum,
        'aria-valuemax': maximum,
        'aria-valuetext': shown ? valueTextOf(spec.type, number, adapter) : translations.empty,
        'aria-label': translations[spec.type],
        'aria-disabled': false,
        tabIndex: index === 0 ? 0 : -1,
        contentEditable: true,
        role: 'spinbutton',
        'data-range-position': undefined,
        spellCheck: false,
        autoCapitalize: 'none',
        autoCorrect: 'off',
        children: content,
        inputMode: 'numeric',
      },
      before: { children: '' },
      after: { children: spec.after },
    }
  })
  return { elements, text: value === null ? '' : text }
}

export type PickerPreviewProps = {
  kind: PickerKind
  label: string
  value: Date | null
  name?: string
  required?: boolean
  error?: boolean
  helperText: string
}

const ignore = () => undefined
/** MUI's allowance either side of the sections before a press counts as blank space. */
const BLANK_SPACE_TOLERANCE = 4
const OPEN_BUTTON = '[data-mui-picker-open-button]'

/**
 * What a focus or a press in the preview (inside `root`) reaches, chosen as MUI's field would:
 * the open button; the section focused or pressed; in the padding around the sections the
 * nearest one; on blank space, or focus arriving from outside, the first. `null`: not the field.
 */
export function previewTarget(
  root: Element,
  event: { type: 'focus' | 'press'; target: Element; clientX?: number },
): PickerTarget | null {
  const { target } = event
  if (target.closest(OPEN_BUTTON)) return { part: 'button', open: event.type === 'press' }
  const sections = [...root.querySelectorAll<HTMLElement>('[role="spinbutton"]')]
  const own = target.closest('[data-sectionindex]')
  if (own instanceof HTMLElement)
    return { part: 'section', index: Number(own.dataset.sectionindex) }
  if (event.type === 'focus') return { part: 'section', index: 0 }
  if (!target.closest('[role="group"]')) return null
  const boxes = sections.map((section) => section.getBoundingClientRect())
  const x = event.clientX ?? 0
  const left = Math.min(...boxes.map((box) => box.left))
  const right = Math.max(...boxes.map((box) => box.right))
  if (x < left - BLANK_SPACE_TOLERANCE || x > right + BLANK_SPACE_TOLERANCE)
    return { part: 'section', index: 0 }
  const distance = (box: DOMRect) => Math.abs(x - (box.left + box.right) / 2)
  let nearest = 0
  boxes.forEach((box, index) => {
    const best = boxes[nearest]
    if (best && distance(box) < distance(best)) nearest = index
  })
  return { part: 'section', index: nearest }
}

/** Rendering only: `picker-field.tsx` listens around it and activates the real picker. */
export function PickerPreview(props: PickerPreviewProps) {
  const { kind, value } = props
  const adapter = usePickerAdapter()
  const translations = usePickerTranslations()
  const sectionListRef = useRef<PickersSectionListRef>(null)
  const shownValue = value !== null && isValidDate(value) ? value : null
  const { elements, text } = sectionElements(kind, shownValue, adapter, translations)
  const Icon = kind === 'time' ? ClockIcon : CalendarIcon
  const buttonLabel =
    kind === 'time'
      ? translations.openTimePickerDialogue(shownValue && adapter.format(shownValue, 'fullTime24h'))
      : translations.openDatePickerDialogue(shownValue && adapter.format(shownValue, 'fullDate'))
  return (
    <PickersTextField
      label={props.label}
      name={props.name}
      required={props.required}
      error={props.error ?? false}
      helperText={props.helperText}
      fullWidth
      disabled={false}
      elements={elements}
      sectionListRef={sectionListRef}
      areAllSectionsEmpty={shownValue === null}
      contentEditable={false}
      tabIndex={0}
      value={text}
      onChange={ignore}
      onInput={ignore}
      onPaste={ignore}
      onKeyDown={ignore}
      onClick={ignore}
      onMouseDown={ignore}
      onFocus={ignore}
      onBlur={ignore}
      slotProps={{
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton edge="end" aria-label={buttonLabel} data-mui-picker-open-button="true">
                <Icon />
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  )
}
