import { fullFormats } from 'ajv-formats/dist/formats'
import {
  readNumber,
  readString,
  type IssuePath,
  type JsonSchema,
  type JsonType,
} from '@/schema-form/json-value'
import type { IssueParams, SchemaIssueCode } from '@/schema-form/schema-issue'

/**
 * The string-level rules exactly as Ajv applies them, so the browser and the server (Ajv 2020 +
 * ajv-formats) never disagree: format checks are ajv-formats' own functions (not look-alikes),
 * `pattern` is compiled with the `u` flag like Ajv's default `unicodeRegExp`, and lengths count
 * code points the way Ajv's `ucs2length` does.
 */

type FormatCheck = { type: JsonType; test: (value: string | number) => boolean }

function isFormatFunction(value: unknown): value is (data: string | number) => unknown {
  return typeof value === 'function'
}

const formatCache = new Map<string, FormatCheck | null>()

function toCheck(definition: unknown): FormatCheck | null {
  if (definition === true) return { type: 'string', test: () => true }
  if (definition instanceof RegExp) {
    return { type: 'string', test: (value) => definition.test(String(value)) }
  }
  if (isFormatFunction(definition)) {
    return { type: 'string', test: (value) => Boolean(definition(value)) }
  }
  if (typeof definition === 'object' && definition !== null && 'validate' in definition) {
    const type = 'type' in definition && definition.type === 'number' ? 'number' : 'string'
    const inner = toCheck(definition.validate)
    return inner ? { type, test: inner.test } : null
  }
  return null
}

/** `null` for formats ajv-formats does not know: those are not checked (as zod and Ajv lax do). */
function formatCheck(format: string): FormatCheck | null {
  const cached = formatCache.get(format)
  if (cached !== undefined) return cached
  const definitions: Record<string, unknown> = fullFormats
  const check = Object.hasOwn(definitions, format) ? toCheck(definitions[format]) : null
  formatCache.set(format, check)
  return check
}

const patternCache = new Map<string, RegExp | null>()

/** `null` when the pattern does not compile (Ajv would refuse the schema; we skip the check). */
export function patternRegExp(pattern: string): RegExp | null {
  const cached = patternCache.get(pattern)
  if (cached !== undefined) return cached
  let regExp: RegExp | null
  try {
    regExp = new RegExp(pattern, 'u')
  } catch {
    regExp = null
  }
  patternCache.set(pattern, regExp)
  return regExp
}

/** Ajv's `ucs2length`: a surrogate pair is one character. */
function characterCount(value: string): number {
  let length = 0
  let position = 0
  while (position < value.length) {
    length += 1
    const code = value.charCodeAt(position++)
    if (code >= 0xd800 && code <= 0xdbff && position < value.length) {
      if ((value.charCodeAt(position) & 0xfc00) === 0xdc00) position += 1
    }
  }
  return length
}

/** Ajv's `multipleOf` without `multipleOfPrecision`: `x / m` must equal `parseInt(x / m)`. */
function isMultipleOf(value: number, divisor: number): boolean {
  const ratio = value / divisor
  return ratio === Number.parseInt(String(ratio), 10)
}

export function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) && value % 1 === 0
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    default:
      return false
  }
}

export type AddIssue = (code: SchemaIssueCode, params?: IssueParams, at?: IssuePath) => void

export function checkString(schema: JsonSchema, value: string, add: AddIssue) {
  const minLength = readNumber(schema, 'minLength')
  const maxLength = readNumber(schema, 'maxLength')
  if (minLength !== undefined || maxLength !== undefined) {
    const actual = characterCount(value)
    if (minLength !== undefined && actual < minLength)
      add('minLength', { limit: minLength, actual })
    if (maxLength !== undefined && actual > maxLength)
      add('maxLength', { limit: maxLength, actual })
  }
  const format = readString(schema, 'format')
  const check = format === undefined ? null : formatCheck(format)
  const formatFails = check !== null && check.type === 'string' && !check.test(value)
  if (formatFails) add('format', { format })
  const pattern = readString(schema, 'pattern')
  const regExp = pattern === undefined ? null : patternRegExp(pattern)
  // Zod emits a pattern beside each format; when the format already failed, say that once.
  if (regExp && !regExp.test(value) && !formatFails) add('pattern')
}

export function checkNumber(schema: JsonSchema, value: number, add: AddIssue) {
  const bounds = [
    ['minimum', (limit: number) => value < limit],
    ['maximum', (limit: number) => value > limit],
    ['exclusiveMinimum', (limit: number) => value <= limit],
    ['exclusiveMaximum', (limit: number) => value >= limit],
  ] as const
  for (const [code, fails] of bounds) {
    const limit = readNumber(schema, code)
    if (limit !== undefined && fails(limit)) add(code, { limit, actual: value })
  }
  const multipleOf = readNumber(schema, 'multipleOf')
  if (multipleOf !== undefined && multipleOf > 0 && !isMultipleOf(value, multipleOf)) {
    add('multipleOf', { limit: multipleOf })
  }
  const format = readString(schema, 'format')
  const check = format === undefined ? null : formatCheck(format)
  if (check?.type === 'number' && !check.test(value)) add('format', { format })
}
