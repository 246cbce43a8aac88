import { Ajv2020 } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import unseenSchema from '@/schema-form/fixtures/unseen-fields-schema.json'
import { isNullSchema } from '@/schema-form/field-kind'
import { isRecord } from '@/lib/json'
import { getAtPath } from '@/schema-form/schema-model'
import { nearMiss, targetedNearMisses } from '@/schema-form/near-misses.test-helpers'
import { validValue } from '@/schema-form/valid-values.test-helpers'
import { createValidator } from '@/schema-form/validator'
import { INTERACTION_ITEM_SCHEMA_PATH } from '@/api/contract'
import { REGIONS, regionJsonSchema } from '@/mocks/regions'

/**
 * The validator must give the same verdict as the server's Ajv 2020 + ajv-formats on every
 * payload: generated valid payloads and near-misses aimed at each keyword. Ajv here is set up
 * like the mock server's (src/mocks/validation.ts), minus `strict`, which only affects how
 * schemas compile, not verdicts.
 */

const RUNS = 1000
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)

type Case = { name: string; schema: unknown }

function itemOf(schema: unknown): unknown {
  const item = getAtPath(schema, INTERACTION_ITEM_SCHEMA_PATH)
  if (!item) throw new Error('no interaction item schema')
  return item
}

const cases: Case[] = [
  { name: 'example candidate schema', schema: exampleSchema },
  { name: 'example interaction item schema', schema: itemOf(exampleSchema) },
  { name: 'fixture with fields the UI has never seen', schema: unseenSchema },
  ...REGIONS.flatMap((region) =>
    (['create', 'update'] as const).flatMap((operation) => {
      const candidate = regionJsonSchema(region, operation)
      return [
        { name: `mock ${region.id} ${operation} candidate schema`, schema: candidate },
        {
          name: `mock ${region.id} ${operation} interaction item schema`,
          schema: itemOf(candidate),
        },
      ]
    }),
  ),
]

/** The issue code each checked keyword produces when it fails. */
const KEYWORD_CODES: Record<string, string> = {
  required: 'required',
  additionalProperties: 'additionalProperty',
  enum: 'enum',
  const: 'const',
  type: 'type',
  minLength: 'minLength',
  maxLength: 'maxLength',
  pattern: 'pattern',
  format: 'format',
  minimum: 'minimum',
  maximum: 'maximum',
  exclusiveMinimum: 'exclusiveMinimum',
  exclusiveMaximum: 'exclusiveMaximum',
  multipleOf: 'multipleOf',
  minItems: 'minItems',
  maxItems: 'maxItems',
  uniqueItems: 'uniqueItems',
}

/**
 * Issue codes a schema can produce: one per keyword it uses. A `pattern` beside a `format` is
 * reported as the format when both fail (and Zod's date pattern never fails alone), and inside a
 * union of real branches (date | date-time) a failing branch is summarised as one `format`
 * issue: there `pattern` is checked by the verdict, not by its own code.
 */
function expectedCodes(schema: unknown, found = new Set<string>(), inUnion = false): Set<string> {
  if (Array.isArray(schema)) {
    const realBranches = schema.filter((branch) => !isNullSchema(branch)).length
    schema.forEach((item) => expectedCodes(item, found, inUnion || realBranches > 1))
  }
  if (!isRecord(schema)) return found
  for (const [key, value] of Object.entries(schema)) {
    const code = KEYWORD_CODES[key]
    const isActive =
      key === 'additionalProperties'
        ? value === false
        : key === 'required'
          ? Array.isArray(value) && value.length > 0
          : !(key === 'pattern' && (inUnion || 'format' in schema))
    if (code && isActive) found.add(code)
    if (key !== 'enum' && key !== 'const' && key !== 'default') {
      expectedCodes(value, found, inUnion && key !== 'properties' && key !== 'items')
    }
  }
  return found
}

function agree(schema: object, arbitrary: fc.Arbitrary<unknown>, examples: unknown[] = []) {
  const server = ajv.compile(schema)
  const client = createValidator(schema)
  const verdicts = { valid: 0, invalid: 0 }
  fc.assert(
    fc.property(arbitrary, (payload) => {
      const expected = server(payload)
      const actual = client.validate(payload)
      verdicts[expected ? 'valid' : 'invalid'] += 1
      expect({ payload, valid: actual.valid }).toEqual({ payload, valid: expected })
      // An invalid payload always explains itself with at least one issue.
      expect(actual.issues.length > 0).toBe(!expected)
    }),
    { numRuns: RUNS + examples.length, examples: examples.map((example) => [example]) },
  )
  return verdicts
}

describe.each(cases)('$name', ({ schema }) => {
  const document = typeof schema === 'object' && schema !== null ? schema : {}

  test('validator and Ajv agree on generated valid payloads', () => {
    const verdicts = agree(document, validValue(document, document))
    expect(verdicts.valid + verdicts.invalid).toBeGreaterThanOrEqual(RUNS)
    // The generator is meant to produce valid payloads; most must be.
    expect(verdicts.valid).toBeGreaterThan(RUNS * 0.9)
  })

  test('validator and Ajv agree on near-miss payloads for every keyword', () => {
    const targeted = targetedNearMisses(document)
    const verdicts = agree(document, nearMiss(document), targeted)
    expect(verdicts.valid + verdicts.invalid).toBe(RUNS + targeted.length)
    // Near-misses should mostly miss; some legitimately still pass (e.g. '' for an optional text).
    expect(verdicts.invalid).toBeGreaterThan(RUNS * 0.5)
    // Every keyword the schema uses is made to fail by at least one targeted near-miss.
    const validator = createValidator(document)
    const hit = new Set<string>(
      targeted.flatMap((p) => validator.validate(p).issues.map((i) => i.code)),
    )
    expect([...expectedCodes(document)].filter((code) => !hit.has(code))).toEqual([])
  })
})
