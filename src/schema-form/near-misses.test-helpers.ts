import fc from 'fast-check'
import { isNullSchema } from '@/schema-form/field-kind'
import { matchesType } from '@/schema-form/json-schema-scalars'
import { resolveRef } from '@/schema-form/json-schema-check'
import { isRecord } from '@/lib/json'
import {
  readNumber,
  readSchemaList,
  readString,
  readStringList,
  readTypes,
  type IssuePath,
  type JsonSchema,
} from '@/schema-form/json-value'
import { validValue } from '@/schema-form/valid-values.test-helpers'

/**
 * Test-only: a valid payload with ONE thing changed somewhere, aimed at a keyword: a required
 * key removed, an unknown key added, an enum value misspelled, an array emptied below
 * minItems, a string one character too long (in ASCII and in emoji), a number just out of
 * range or not whole, dates that do not exist or lack an offset, null where null is not
 * allowed, a value of the wrong type — plus fuzzed dates, e-mails and URIs around the edges
 * of the format rules. Whether the result is valid is for Ajv and the validator to say.
 */

type Site = { path: IssuePath; schema: JsonSchema; value: unknown }

const WRONG_TYPES: unknown[] = [true, 0, 12.5, 'text', '', [], {}, null]

const dateFuzz = fc
  .tuple(
    fc.integer({ min: 0, max: 10000 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom('T', 't', ' ', '', '_'),
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('', '.5', '.'),
    fc.constantFrom('Z', 'z', '', '+01:00', '+0100', '+01', '-23:59', '+24:00', '+13:45', '-00:00'),
  )
  .map(([y, mo, d, sep, h, mi, s, frac, zone]) => {
    const date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
    if (sep === '') return date
    const time = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}`
    return `${date}${sep}${time}${frac}${zone}`
  })

const emailFuzz = fc.stringMatching(
  /^[a-zA-Z0-9.!#_'+-]{0,6}@[a-zA-Z0-9.-]{0,8}\.[a-zA-Z0-9-]{0,4}$/,
)
const uriFuzz = fc.stringMatching(
  /^[a-zA-Z0-9+.-]{0,5}:(\/\/)?[a-zA-Z0-9._~%!$&'()*+,;=:@/?#[\] "<>{}ä-]{0,14}$/,
)

const KNOWN_BAD_STRINGS = [
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  '2025-02-29',
  '2024-02-29',
  '2026-11-29T14:30:00',
  '2026-11-29t14:30:00z',
  '2026-11-29 14:30:00+01:00',
  '2026-11-29T24:00:00Z',
  '2026-11-29T14:30Z',
  '2026-12-31T23:59:60Z',
  '2026-12-31T23:59:60+01:00',
  '2026-11-29T14:30:00+0100',
  'a@b',
  'a@b-.cc',
  'a!b@c.de',
  'A@B.CO',
  'x@y.c',
  'foo',
  'foo:',
  'http://x y',
  '//x',
  'http://x:99999',
  'Not an option',
  'telefonisch',
  ' ',
  '😀',
]

function effective(schema: unknown, value: unknown, root: unknown): JsonSchema {
  if (!isRecord(schema)) return {}
  const ref = readString(schema, '$ref')
  if (ref !== undefined) return effective(resolveRef(root, ref), value, root)
  const union = readSchemaList(schema, 'anyOf') ?? readSchemaList(schema, 'oneOf')
  if (!union) return schema
  const fitting = union.find(
    (b) => isRecord(b) && !isNullSchema(b) && readTypes(b).some((t) => matchesType(t, value)),
  )
  return effective(fitting ?? union[0], value, root)
}

function sites(schema: unknown, value: unknown, root: unknown, path: IssuePath = []): Site[] {
  const node = effective(schema, value, root)
  const here: Site = { path, schema: node, value }
  if (Array.isArray(value))
    return [here, ...value.flatMap((item, i) => sites(node.items, item, root, [...path, i]))]
  if (isRecord(value) && isRecord(node.properties)) {
    const properties = node.properties
    return [
      here,
      ...Object.entries(value).flatMap(([k, v]) => sites(properties[k], v, root, [...path, k])),
    ]
  }
  return [here]
}

function setAt(value: unknown, path: IssuePath, next: unknown): unknown {
  if (path.length === 0) return next
  const [step, ...rest] = path
  if (Array.isArray(value) && typeof step === 'number') {
    return value.map((item: unknown, i) => (i === step ? setAt(item, rest, next) : item))
  }
  if (isRecord(value) && typeof step === 'string')
    return { ...value, [step]: setAt(value[step], rest, next) }
  return value
}

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key))
}

function sizedStrings(schema: JsonSchema): string[] {
  const max = readNumber(schema, 'maxLength')
  const min = readNumber(schema, 'minLength')
  const lengths = [
    max,
    max === undefined ? undefined : max + 1,
    min,
    min === undefined ? undefined : min - 1,
  ]
  return lengths
    .filter((n): n is number => n !== undefined && n >= 0)
    .flatMap((n) => ['x'.repeat(n), '😀'.repeat(n), `${'x'.repeat(Math.max(0, n - 1))}😀`])
}

function numberEdges(schema: JsonSchema): number[] {
  const edges = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']
    .map((key) => readNumber(schema, key))
    .filter((n): n is number => n !== undefined)
    .flatMap((n) => [n, n - 1, n + 1, n - 0.5, n + 0.5, n * 3, n * 0.1 * 3])
  return [...edges, 0.5, -1, 2 ** 60, 1e21, 0.30000000000000004]
}

/** The deliberate, keyword-aimed replacements for the value at one place. */
function targetedValues({ schema, value }: Site): unknown[] {
  const out = [...WRONG_TYPES]
  if (typeof value === 'string') out.push(...KNOWN_BAD_STRINGS, ...sizedStrings(schema))
  if (typeof value === 'number') out.push(...numberEdges(schema))
  if (Array.isArray(value)) {
    const items: unknown[] = value
    const max = readNumber(schema, 'maxItems') ?? items.length
    const tooMany = Array.from({ length: max + 1 }, () => items[0] ?? 'Not an option')
    out.push([], [...items, ...items], tooMany, [...items, 'Not an option'], [null])
  }
  if (isRecord(value) && isRecord(schema.properties)) {
    const keys = new Set([...readStringList(schema, 'required'), ...Object.keys(value)])
    out.push(...[...keys].map((key) => without(value, key)), { ...value, zzUnknown: 1 })
  }
  return out
}

/** Targeted replacements plus fuzzers around the format rules and random values. */
function mutationsAt(site: Site, root: unknown): fc.Arbitrary<unknown>[] {
  const list: fc.Arbitrary<unknown>[] = [fc.constantFrom(...targetedValues(site))]
  if (typeof site.value === 'string')
    list.push(dateFuzz, emailFuzz, uriFuzz, fc.string({ unit: 'binary' }))
  if (typeof site.value === 'number') list.push(fc.double({ noNaN: true, noDefaultInfinity: true }))
  if (isRecord(site.value) && isRecord(site.schema.properties)) {
    list.push(validValue(site.schema, root).map((v) => (isRecord(v) ? { ...v, zzUnknown: 1 } : v)))
  }
  return list
}

/**
 * Every targeted replacement at every place of one complete valid payload (all optional
 * fields present): a deterministic list that makes sure each keyword is hit at least once.
 */
export function targetedNearMisses(schema: unknown, seed = 20261129): unknown[] {
  const [base] = fc.sample(validValue(schema, schema, 0, { complete: true }), { numRuns: 1, seed })
  const out = sites(schema, base, schema).flatMap((site) =>
    targetedValues(site).map((next) => setAt(base, site.path, next)),
  )
  return [...new Map(out.map((value) => [JSON.stringify(value), value])).values()]
}

export function nearMiss(schema: unknown): fc.Arbitrary<unknown> {
  return validValue(schema, schema).chain((value) =>
    fc
      .constantFrom(...sites(schema, value, schema))
      .chain((site) =>
        fc.oneof(...mutationsAt(site, schema)).map((next) => setAt(value, site.path, next)),
      ),
  )
}
