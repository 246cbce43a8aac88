import type { FieldValues } from 'react-hook-form'
import { isPartialValue } from '@/schema-form/date-values'
import { formatDuration, parseDuration } from '@/schema-form/duration'
import { isRecord, parseJson } from '@/lib/json'
import { type IssuePath, type JsonObject } from '@/schema-form/json-value'
import type { Language } from '@/schema-form/language'
import type { FormIssueCode } from '@/schema-form/schema-issue'
import type { FieldModel, ObjectModel } from '@/schema-form/schema-model'

/**
 * The two shapes of the same data. Form values are what inputs hold: text as typed ('' when
 * empty), numbers and durations as text, `null` for "no choice", pickers' partial values.
 * Payloads are what the API takes. An empty input is never sent as '' — it is left out on
 * create, and becomes `null` on update when the field is nullable (PATCH: null clears).
 */

/**
 * RHF's own FieldValues: its path types (useFieldArray on `rows`) need a values type whose leaves
 * may be arrays; every value read from it is treated as `unknown` and narrowed.
 */
export type SchemaFormValues = FieldValues
export type PayloadMode = 'create' | 'update'
export type FormIssue = { path: IssuePath; code: FormIssueCode }
export type PayloadResult = { payload: JsonObject; issues: FormIssue[] }
export type FormValueOptions = { withDefaults?: boolean; language?: Language }

export function toFormValues(
  model: ObjectModel,
  payload: unknown = {},
  options: FormValueOptions = {},
): SchemaFormValues {
  const source = isRecord(payload) ? payload : {}
  const values: SchemaFormValues = {}
  for (const field of model.fields)
    values[field.name] = toFormValue(field, source[field.name], options)
  return values
}

export function toFormValue(
  field: FieldModel,
  raw: unknown,
  options: FormValueOptions = {},
): unknown {
  const value = raw === undefined && options.withDefaults ? field.defaultValue : raw
  switch (field.widget) {
    case 'number':
      return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
    case 'duration-seconds':
      return typeof value === 'number' ? formatDuration(value, options.language ?? 'en') : ''
    case 'switch':
      return typeof value === 'boolean' ? value : field.required ? false : null
    case 'select':
      return value ?? null
    case 'multi-select':
      return Array.isArray(value) ? value : []
    case 'object':
      return field.object ? toFormValues(field.object, value, options) : {}
    case 'rows': {
      const item = field.object
      if (!item) return []
      const rows: unknown[] = Array.isArray(value) ? value : []
      const count = Math.max(rows.length, field.constraints.minItems ?? 0)
      return Array.from({ length: count }, (_, i) => toFormValues(item, rows[i], options))
    }
    case 'json':
      return jsonText(value)
    default:
      if (value === undefined || value === null) return ''
      return typeof value === 'string' ? value : JSON.stringify(value)
  }
}

/** Plain text stays plain; anything that would read back as another JSON value is JSON. */
function jsonText(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string' && !parseJson(value).ok) return value
  return JSON.stringify(value, null, 2)
}

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i

/** "12", "-3", "1,5" (Dutch) and "1.5" all read; "12abc" and "1e999" do not. */
export function parseNumberText(text: string): number | null {
  const trimmed = text.trim()
  if (!NUMBER_TEXT.test(trimmed)) return null
  const value = Number(trimmed.replace(',', '.'))
  return Number.isFinite(value) ? value : null
}

export function isEmptyFormValue(field: FieldModel, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true
  if (isPartialValue(value)) return false
  if (Array.isArray(value)) return value.length === 0 && field.widget !== 'json'
  if (field.widget === 'object' && field.object && isRecord(value)) {
    const fields = field.object.fields
    return fields.every((child) => isEmptyFormValue(child, value[child.name]))
  }
  return false
}

export function toPayload(
  model: ObjectModel,
  values: unknown,
  mode: PayloadMode = 'create',
): PayloadResult {
  const issues: FormIssue[] = []
  const payload = objectPayload(model, values, mode, [], issues)
  return { payload, issues }
}

function objectPayload(
  model: ObjectModel,
  values: unknown,
  mode: PayloadMode,
  path: IssuePath,
  issues: FormIssue[],
): JsonObject {
  const source = isRecord(values) ? values : {}
  const payload: JsonObject = {}
  for (const field of model.fields) {
    const value = source[field.name]
    const at = [...path, field.name]
    if (isEmptyFormValue(field, value)) {
      const empty = emptyPayloadValue(field, mode)
      if (empty !== undefined) payload[field.name] = empty
      continue
    }
    const converted = fieldPayload(field, value, mode, at, issues)
    if (converted !== undefined) payload[field.name] = converted
  }
  return payload
}

/** What an empty input means: usually "absent"; see the module comment for the rest. */
function emptyPayloadValue(field: FieldModel, mode: PayloadMode): unknown {
  if (mode === 'update' && field.nullable) return null
  const isList = field.widget === 'multi-select' || field.widget === 'rows'
  if (mode === 'update' && isList) return []
  // A required section with nothing filled in is sent as {} so its own required fields report.
  if (field.widget === 'object' && field.required) return {}
  return undefined
}

function fieldPayload(
  field: FieldModel,
  value: unknown,
  mode: PayloadMode,
  path: IssuePath,
  issues: FormIssue[],
): unknown {
  if (isPartialValue(value)) {
    issues.push({ path, code: value.partial })
    return undefined
  }
  switch (field.widget) {
    case 'number': {
      const number = typeof value === 'number' ? value : parseNumberText(String(value))
      if (number === null) issues.push({ path, code: 'notANumber' })
      return number ?? undefined
    }
    case 'duration-seconds': {
      const seconds = typeof value === 'number' ? value : parseDuration(String(value))
      if (seconds === null) issues.push({ path, code: 'invalidDuration' })
      return seconds ?? undefined
    }
    case 'object':
      return field.object ? objectPayload(field.object, value, mode, path, issues) : value
    case 'rows': {
      const item = field.object
      const rows: unknown[] = Array.isArray(value) ? value : []
      return item
        ? rows.map((row, i) => objectPayload(item, row, mode, [...path, i], issues))
        : rows
    }
    case 'json': {
      if (typeof value !== 'string') return value
      const parsed = parseJson(value)
      return parsed.ok ? parsed.value : value
    }
    default:
      return value
  }
}
