import fc from 'fast-check'
import { isNullSchema } from '@/schema-form/field-kind'
import { resolveRef } from '@/schema-form/json-schema-check'
import { isRecord } from '@/lib/json'
import {
  readNumber,
  readSchemaList,
  readString,
  readStringList,
  readTypes,
  type JsonSchema,
} from '@/schema-form/json-value'

/**
 * Test-only: fast-check arbitraries for payloads that a JSON Schema accepts (mostly — the
 * comparison with Ajv, not this generator, decides). Formats get realistic generators; a
 * `pattern` without a format uses fast-check's own `stringMatching`.
 */

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

const isoDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`)

const isoDateTime = fc
  .tuple(
    isoDate,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom('', '.5', '.123'),
    fc.constantFrom('Z', '+01:00', '+02:00', '-05:30', '+13:00', '-00:00'),
  )
  .map(([day, h, m, s, fraction, zone]) => `${day}T${pad(h)}:${pad(m)}:${pad(s)}${fraction}${zone}`)

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9_'+-]{1,8}$/),
    fc.constantFrom('', '.x', '.first_last'),
    fc.stringMatching(/^[a-z0-9]{1,8}$/),
    fc.constantFrom('nl', 'com', 'example', 'onderwijs'),
  )
  .map(([local, more, domain, tld]) => `${local}${more}@${domain}.${tld}`)

const uri = fc
  .tuple(fc.constantFrom('https', 'http', 'mailto', 'urn'), fc.stringMatching(/^[a-z0-9]{1,10}$/))
  .map(([scheme, rest]) =>
    scheme.startsWith('http') ? `${scheme}://${rest}.nl/${rest}` : `${scheme}:${rest}`,
  )

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const format = readString(schema, 'format')
  if (format === 'date') return isoDate
  if (format === 'date-time') return isoDateTime
  if (format === 'email') return email
  if (format === 'uri') return uri
  const pattern = readString(schema, 'pattern')
  if (pattern !== undefined) return fc.stringMatching(new RegExp(pattern))
  const minLength = readNumber(schema, 'minLength') ?? 0
  const maxLength = Math.min(readNumber(schema, 'maxLength') ?? 30, minLength + 30)
  return fc.string({
    unit: fc.oneof(
      fc.constantFrom('a', 'é', ' ', '😀', '\n'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    minLength,
    maxLength,
  })
}

function numberValue(schema: JsonSchema, isInteger: boolean): fc.Arbitrary<number> {
  const min =
    readNumber(schema, 'minimum') ?? (readNumber(schema, 'exclusiveMinimum') ?? -1e6 - 1) + 1
  const max =
    readNumber(schema, 'maximum') ?? (readNumber(schema, 'exclusiveMaximum') ?? 1e6 + 1) - 1
  const step = readNumber(schema, 'multipleOf')
  if (step !== undefined) {
    return fc
      .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
      .map((k) => k * step)
  }
  if (isInteger) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

/** `complete`: every optional property present too (a base for targeted near-misses). */
export type ValidValueOptions = { complete?: boolean }

export function validValue(
  schema: unknown,
  root: unknown,
  depth = 0,
  options: ValidValueOptions = {},
): fc.Arbitrary<unknown> {
  if (schema === true || !isRecord(schema)) return fc.jsonValue({ maxDepth: 1 })
  const ref = readString(schema, '$ref')
  if (ref !== undefined) return validValue(resolveRef(root, ref), root, depth, options)
  const choices: unknown[] = Array.isArray(schema.enum) ? schema.enum : []
  if (choices.length > 0) return fc.constantFrom(...choices)
  if ('const' in schema) return fc.constant(schema.const)
  // A complete base prefers real values over null, so every keyword has a value to aim at.
  const union = readSchemaList(schema, 'anyOf') ?? readSchemaList(schema, 'oneOf')
  if (union && readTypes(schema).length === 0) {
    const real = union.filter((branch) => !isNullSchema(branch))
    const branches = options.complete && real.length > 0 ? real : union
    return fc.oneof(...branches.map((branch) => validValue(branch, root, depth, options)))
  }
  const allTypes = readTypes(schema)
  const realTypes = allTypes.filter((type) => type !== 'null')
  const types = options.complete && realTypes.length > 0 ? realTypes : allTypes
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => validValue({ ...schema, type }, root, depth, options)))
  }
  switch (types[0]) {
    case 'string':
      return stringValue(schema)
    case 'integer':
      return numberValue(schema, true)
    case 'number':
      return numberValue(schema, false)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return arrayValue(schema, root, depth, options)
    case 'object':
      return objectValue(schema, root, depth, options)
    default:
      return fc.jsonValue({ maxDepth: 1 })
  }
}

function arrayValue(
  schema: JsonSchema,
  root: unknown,
  depth: number,
  options: ValidValueOptions,
): fc.Arbitrary<unknown[]> {
  // A complete base has at least one item, so the item's own keywords can be aimed at.
  const minLength = Math.max(readNumber(schema, 'minItems') ?? 0, options.complete ? 1 : 0)
  const maxLength = Math.min(
    readNumber(schema, 'maxItems') ?? 4,
    depth > 2 ? minLength : minLength + 4,
  )
  const item = validValue(schema.items, root, depth + 1, options)
  if (schema.uniqueItems === true) {
    return fc.uniqueArray(item, {
      minLength,
      maxLength,
      selector: (value) => JSON.stringify(value),
    })
  }
  return fc.array(item, { minLength, maxLength })
}

function objectValue(
  schema: JsonSchema,
  root: unknown,
  depth: number,
  options: ValidValueOptions,
): fc.Arbitrary<unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {}
  const shape: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [key, sub] of Object.entries(properties)) {
    shape[key] = validValue(sub, root, depth + 1, options)
  }
  const required = options.complete ? Object.keys(shape) : readStringList(schema, 'required')
  const requiredKeys = required.filter((key) => key in shape)
  const record = fc.record(shape, { requiredKeys })
  const extra = schema.additionalProperties
  if (extra === false || extra === undefined) return record
  const extraValue = validValue(extra, root, depth + 1, options)
  return fc
    .tuple(record, fc.dictionary(fc.stringMatching(/^x[a-z]{1,5}$/), extraValue, { maxKeys: 2 }))
    .map(([known, more]) => ({ ...more, ...known }))
}
