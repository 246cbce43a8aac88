/**
 * Small, dependency-free guards for reading JSON Schema and JSON payloads that arrive as
 * `unknown`. The engine never trusts a schema's shape: every keyword is read through these.
 */
import { isRecord } from '@/lib/json'

/** A JSON Schema object (boolean schemas are handled where they may appear). */
export type JsonSchema = Readonly<Record<string, unknown>>
export type JsonObject = Record<string, unknown>
export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'string'
export type IssuePath = (string | number)[]

export function readString(schema: JsonSchema, key: string): string | undefined {
  const value = schema[key]
  return typeof value === 'string' ? value : undefined
}

export function readNumber(schema: JsonSchema, key: string): number | undefined {
  const value = schema[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** Sub-schemas of `anyOf` / `oneOf` / `allOf`: only the object ones (booleans are kept apart). */
export function readSchemaList(schema: JsonSchema, key: string): unknown[] | undefined {
  const value = schema[key]
  return Array.isArray(value) ? value : undefined
}

export function readStringList(schema: JsonSchema, key: string): string[] {
  const value = schema[key]
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}

/** `type` as a list: `"string"` → `["string"]`, `["string","null"]` stays, absent → `[]`. */
export function readTypes(schema: JsonSchema): string[] {
  const value = schema.type
  if (typeof value === 'string') return [value]
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}

/** JSON equality (what Ajv uses for `enum`, `const` and `uniqueItems`). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  }
  return false
}
