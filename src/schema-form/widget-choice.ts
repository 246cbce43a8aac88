import type { FieldKind } from '@/schema-form/field-kind'

/**
 * Which widget a field gets: one per kind, the duration input for whole seconds, or what the
 * caller asked for in a `widgets` map — when it fits the kind (a date picker for a list of
 * choices would lose data, so such a wish is ignored).
 */

export type WidgetName =
  | 'text'
  | 'multiline'
  | 'email'
  | 'url'
  | 'number'
  | 'duration-seconds'
  | 'switch'
  | 'select'
  | 'multi-select'
  | 'date'
  | 'date-time'
  | 'date-or-date-time'
  | 'object'
  | 'rows'
  | 'json'

export type WidgetOverrides = Partial<Record<string, WidgetName>>

const DEFAULT_WIDGET: Record<FieldKind, WidgetName> = {
  text: 'text',
  'long-text': 'multiline',
  email: 'email',
  uri: 'url',
  number: 'number',
  integer: 'number',
  boolean: 'switch',
  enum: 'select',
  'multi-enum': 'multi-select',
  date: 'date',
  'date-time': 'date-time',
  'date-or-date-time': 'date-or-date-time',
  object: 'object',
  'array-of-object': 'rows',
  unknown: 'json',
}

/** Overrides a caller may choose per kind; `json` always works (the raw fallback). */
const ALLOWED_WIDGETS: Record<FieldKind, readonly WidgetName[]> = {
  text: ['text', 'multiline', 'email', 'url'],
  'long-text': ['multiline', 'text'],
  email: ['email', 'text'],
  uri: ['url', 'text'],
  number: ['number', 'duration-seconds'],
  integer: ['number', 'duration-seconds'],
  boolean: ['switch'],
  enum: ['select'],
  'multi-enum': ['multi-select'],
  date: ['date'],
  'date-time': ['date-time'],
  'date-or-date-time': ['date-or-date-time'],
  object: ['object'],
  'array-of-object': ['rows'],
  unknown: [],
}

export function chooseWidget(
  kind: FieldKind,
  isSeconds: boolean,
  path: readonly string[],
  widgets: WidgetOverrides = {},
): WidgetName {
  const wanted = widgets[path.join('.')] ?? widgets[path[path.length - 1] ?? '']
  if (wanted && (wanted === 'json' || ALLOWED_WIDGETS[kind].includes(wanted))) return wanted
  if (kind === 'integer' && isSeconds) return 'duration-seconds'
  return DEFAULT_WIDGET[kind]
}
