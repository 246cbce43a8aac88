import type { FieldKind } from '@/schema-form/field-kind'
import type { Language } from '@/schema-form/language'
import type { IssueCode, IssueParams } from '@/schema-form/schema-issue'

/**
 * The shape every language's texts must have (messages-en.ts, messages-nl.ts): one text per
 * issue code, the wording for wrong types and formats, and the widgets' own labels.
 */

export type MessageContext = {
  language: Language
  label?: string
  kind?: FieldKind
  isSeconds?: boolean
}

/** Numbers already formatted for the language; `label` lower-cased for use inside a sentence. */
export type MessageVars = { limit: string; actual: string; label: string; property: string }

type TypeKey = 'integer' | 'number' | 'string' | 'boolean' | 'array' | 'other'
type FormatKey = 'date' | 'dateTime' | 'email' | 'uri' | 'other'

export type UiTextKey =
  | 'none'
  | 'noneLabel'
  | 'moreFields'
  | 'addRow'
  | 'duplicateRow'
  | 'removeRow'
  | 'rowLegend'
  | 'maxRowsReached'
  | 'includeTime'
  | 'time'
  | 'durationHint'
  | 'durationReads'
  | 'jsonHint'
  | 'showSection'
  | 'hideSection'

export type Catalog = {
  types: Record<TypeKey, string>
  formats: Record<FormatKey, string>
  issues: Record<
    IssueCode,
    (vars: MessageVars, context: MessageContext, params: IssueParams) => string
  >
  ui: Record<UiTextKey, (vars: Record<string, string>) => string>
}

/** "Wrong type" said the way the field is filled in (a date field asks for a date). */
export function typeText(catalog: Catalog, context: MessageContext, params: IssueParams): string {
  if (context.kind === 'date' || context.kind === 'date-or-date-time') return catalog.formats.date
  if (context.kind === 'date-time') return catalog.formats.dateTime
  const expected = params.expected ?? []
  const key = (['integer', 'number', 'string', 'boolean', 'array'] as const).find((type) =>
    expected.includes(type),
  )
  return catalog.types[key ?? 'other']
}

export function formatText(catalog: Catalog, params: IssueParams, context: MessageContext): string {
  const formats = params.formats ?? [params.format]
  if (formats.includes('date') || context.kind === 'date-or-date-time') return catalog.formats.date
  if (formats.includes('date-time')) return catalog.formats.dateTime
  if (formats.includes('email')) return catalog.formats.email
  if (formats.includes('uri') || formats.includes('url')) return catalog.formats.uri
  return catalog.formats.other
}
