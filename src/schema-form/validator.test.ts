import { Ajv2020 } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { expect, test } from 'vitest'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import { getAtPath } from '@/schema-form/schema-model'
import { createValidator } from '@/schema-form/validator'

const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)

/**
 * Values where zod 4.6's `z.fromJSONSchema` and Ajv disagree (checked when this engine was
 * written); ours must side with Ajv on each one.
 */
const DISPUTED: [object, unknown[]][] = [
  [{ type: 'string', format: 'email' }, ['a@b-.cc', 'a@b.c', 'a!b@c.de', 'A@B.CO']],
  [
    { type: 'string', format: 'uri' },
    ['foo:', 'http://x/%zz', 'http://x:99999', 'http://ä.de', 'http://x/<a>'],
  ],
  [
    { type: 'string', format: 'date-time' },
    [
      '2026-01-01t10:00:00z',
      '2026-01-01 10:00:00Z',
      '2026-01-01T10:00:00+0100',
      '2026-01-01T10:00:00+01',
      '2026-01-01T23:59:60Z',
    ],
  ],
  [{ type: 'integer' }, [2 ** 60, 1.5]],
  [{ type: 'number', multipleOf: 0.1 }, [0.3, 0.7, 1.1]],
  [{ type: 'string', pattern: '^.$' }, ['😀']],
  [{ type: 'string', pattern: '\\p{L}' }, ['a', '1']],
  [{ enum: [1, 'a', null, { a: 1 }] }, [{ a: 1 }, { a: 2 }]],
  [{ type: 'string', maxLength: 2 }, ['😀😀', 'abc']],
]

test.each(DISPUTED)(
  'the validator sides with Ajv where zod.fromJSONSchema does not: %j',
  (schema, values) => {
    const validator = createValidator(schema)
    const validate = ajv.compile(schema)
    for (const value of values)
      expect([value, validator.validate(value).valid]).toEqual([value, validate(value)])
  },
)

const item = getAtPath(exampleSchema, 'properties.interactions.items')

test('counsellor reads friendly English messages, never validator text', () => {
  const { issues } = createValidator(item).validate({
    type: [],
    performedAt: '2026-02-30',
    summary: 'x'.repeat(301),
    duration: 90000,
    mood: 'great',
  })
  expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
    ['type', 'Choose at least one type'],
    ['performedAt', 'Enter a date like 31-12-2026'],
    ['summary', 'At most 255 characters (now 301)'],
    ['duration', 'At most 24 h'],
    ['mood', 'The field “mood” is not known here'],
  ])
})

test('counsellor reads the same messages in Dutch', () => {
  const { issues } = createValidator(exampleSchema).validate(
    {
      firstName: 'Ann',
      lastName: 'B',
      email: 'ann@',
      privacyConsent: true,
      interactions: [{ performedAt: '2026-01-01' }],
    },
    'nl',
  )
  expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
    ['email', 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl'],
    ['interactions.0.type', 'Kies minstens één type'],
  ])
})

test('nullable and wrong-type values get one clear issue each', () => {
  const validator = createValidator(exampleSchema)
  const { issues } = validator.validate({
    firstName: 'A',
    lastName: 'B',
    email: 'a@b.nl',
    privacyConsent: 'yes',
    phone: 42,
  })
  expect(issues.map((issue) => [issue.path.join('.'), issue.code, issue.message])).toEqual([
    ['privacyConsent', 'type', 'Choose yes or no'],
    ['phone', 'type', 'Enter text'],
  ])
  expect(
    validator.validate({
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.nl',
      privacyConsent: true,
      phone: null,
    }).valid,
  ).toBe(true)
})

test('keywords the engine does not enforce are listed, not silently ignored', () => {
  const validator = createValidator({
    type: 'object',
    unevaluatedProperties: false,
    properties: { a: { $ref: 'https://x/y' } },
  })
  expect(validator.unsupportedKeywords).toEqual(['unevaluatedProperties', '$ref https://x/y'])
  expect(createValidator(exampleSchema).unsupportedKeywords).toEqual([])
})

test('conditional keywords work the way Ajv applies them', () => {
  const schema = {
    type: 'object',
    properties: { kind: { enum: ['call', 'mail'] }, minutes: { type: 'integer' } },
    if: { properties: { kind: { const: 'call' } } },
    then: { required: ['minutes'] },
    not: { required: ['forbidden'] },
  }
  const validator = createValidator(schema)
  const validate = ajv.compile(schema)
  for (const value of [
    { kind: 'call' },
    { kind: 'call', minutes: 3 },
    { kind: 'mail' },
    { kind: 'mail', forbidden: 1 },
  ]) {
    expect(validator.validate(value).valid).toBe(validate(value))
  }
})

test('recursive schemas are followed as deep as the data goes, and ref loops end', () => {
  const schema = {
    $defs: {
      node: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/$defs/node' } },
        },
        required: ['name'],
      },
      a: { $ref: '#/$defs/b' },
      b: { $ref: '#/$defs/a' },
    },
    $ref: '#/$defs/node',
    properties: { loop: { $ref: '#/$defs/a' } },
  }
  const validator = createValidator(schema)
  const deep = { name: 'a', children: [{ name: 'b', children: [{ children: [] }] }] }
  expect(validator.validate(deep).issues.map((issue) => issue.path)).toEqual([
    ['children', 0, 'children', 0, 'name'],
  ])
  expect(validator.validate({ name: 'a', loop: 1 }).valid).toBe(true)
})
