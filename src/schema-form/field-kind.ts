import { resolveRef } from '@/schema-form/json-schema-check'
import { isRecord } from '@/lib/json'
import {
  readNumber,
  readSchemaList,
  readString,
  readTypes,
  type JsonSchema,
} from '@/schema-form/json-value'

/**
 * Decides what kind of input a property needs from its JSON Schema alone. Zod writes a nullable
 * field as `anyOf: [X, {type: "null"}]` or `type: [X, "null"]`, with title/description on the
 * outer object; `splitNullable` peels that off so the kind is read from X.
 */

export type FieldKind =
  | 'text'
  | 'long-text'
  | 'email'
  | 'uri'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'multi-enum'
  | 'date'
  | 'date-time'
  | 'date-or-date-time'
  | 'object'
  | 'array-of-object'
  | 'unknown'

export type EnumValue = string | number | boolean

export type KindInfo = {
  kind: FieldKind
  nullable: boolean
  /** The non-null schema the kind was read from (for date-or-date-time: the holder). */
  core: JsonSchema
  options: readonly EnumValue[]
}

/** Longer than a typical single-line `VARCHAR(255)`: give it room. */
const LONG_TEXT_OVER = 255
const LONG_TEXT_WORDS = new Set(
  'note notes notities description omschrijving comment comments remark remarks opmerking opmerkingen toelichting body message bericht details'.split(
    ' ',
  ),
)

export function isNullSchema(schema: unknown): boolean {
  if (!isRecord(schema)) return false
  const types = readTypes(schema)
  if (types.length === 1 && types[0] === 'null') return true
  return Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null
}

/** A chain of `$ref`s longer than this is a loop (`a` → `b` → `a`). */
const MAX_REF_HOPS = 32

export function splitNullable(
  schema: JsonSchema,
  root: unknown,
  hops = 0,
): { branches: JsonSchema[]; nullable: boolean } {
  const ref = readString(schema, '$ref')
  if (ref !== undefined) {
    const target = resolveRef(root, ref)
    return isRecord(target) && hops < MAX_REF_HOPS
      ? splitNullable({ ...target, ...withoutRef(schema) }, root, hops + 1)
      : { branches: [], nullable: false }
  }
  const union = readSchemaList(schema, 'anyOf') ?? readSchemaList(schema, 'oneOf')
  if (union && readTypes(schema).length === 0) {
    const records = union.filter(isRecord)
    const branches = records.filter((branch) => !isNullSchema(branch))
    return {
      branches: branches.flatMap((branch) => splitNullable(branch, root).branches),
      nullable:
        branches.length < records.length || branches.some((b) => splitNullable(b, root).nullable),
    }
  }
  const types = readTypes(schema)
  if (types.includes('null') && types.length > 1) {
    const rest = types.filter((type) => type !== 'null')
    return { branches: [{ ...schema, type: rest.length === 1 ? rest[0] : rest }], nullable: true }
  }
  const options = Array.isArray(schema.enum) ? schema.enum : []
  return { branches: [schema], nullable: options.includes(null) }
}

function withoutRef(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$ref'))
}

export function detectKind(name: string, schema: unknown, root: unknown = schema): KindInfo {
  const holder = isRecord(schema) ? schema : {}
  const { branches, nullable } = splitNullable(holder, root)
  const [only] = branches
  if (branches.length === 1 && only) {
    const { kind, options } = kindOfBranch(name, only, root)
    return { kind, nullable, core: only, options }
  }
  const formats = branches.map((branch) => readString(branch, 'format'))
  const isDateOrDateTime =
    branches.length === 2 && formats.includes('date') && formats.includes('date-time')
  return {
    kind: isDateOrDateTime ? 'date-or-date-time' : 'unknown',
    nullable,
    core: holder,
    options: [],
  }
}

function enumValues(schema: JsonSchema): EnumValue[] | undefined {
  const values = Array.isArray(schema.enum)
    ? schema.enum
    : 'const' in schema
      ? [schema.const]
      : undefined
  if (!values) return undefined
  const usable = values.filter((v): v is EnumValue =>
    ['string', 'number', 'boolean'].includes(typeof v),
  )
  return usable.length === values.filter((v) => v !== null).length && usable.length > 0
    ? usable
    : undefined
}

function kindOfBranch(
  name: string,
  schema: JsonSchema,
  root: unknown,
): { kind: FieldKind; options: readonly EnumValue[] } {
  const options = enumValues(schema)
  if (options) return { kind: 'enum', options }
  const types = readTypes(schema).filter((type) => type !== 'null')
  const type =
    types.length === 1
      ? types[0]
      : types.length === 0 && isRecord(schema.properties)
        ? 'object'
        : undefined
  const simple = (kind: FieldKind) => ({ kind, options: [] })
  switch (type) {
    case 'string':
      return simple(stringKind(name, schema))
    case 'integer':
      return simple('integer')
    case 'number':
      return simple('number')
    case 'boolean':
      return simple('boolean')
    case 'object':
      return simple(isRecord(schema.properties) ? 'object' : 'unknown')
    case 'array': {
      const items = isRecord(schema.items) ? detectKind(name, schema.items, root) : undefined
      if (items?.kind === 'enum' && !items.nullable)
        return { kind: 'multi-enum', options: items.options }
      if (items?.kind === 'object' && !items.nullable) return simple('array-of-object')
      return simple('unknown')
    }
    default:
      return simple('unknown')
  }
}

function stringKind(name: string, schema: JsonSchema): FieldKind {
  const format = readString(schema, 'format')
  if (format === 'date') return 'date'
  if (format === 'date-time') return 'date-time'
  if (format === 'email' || format === 'idn-email') return 'email'
  if (format === 'uri' || format === 'url' || format === 'iri') return 'uri'
  const maxLength = readNumber(schema, 'maxLength')
  if (maxLength !== undefined) return maxLength > LONG_TEXT_OVER ? 'long-text' : 'text'
  const words = humanise(name).toLowerCase().split(' ')
  return words.some((word) => LONG_TEXT_WORDS.has(word)) ? 'long-text' : 'text'
}

/** "performedAt" → "Performed at", "preferred_school" → "Preferred school". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
