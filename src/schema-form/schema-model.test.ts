import { expect, test } from 'vitest'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import unseenSchema from '@/schema-form/fixtures/unseen-fields-schema.json'
import {
  buildObjectModel,
  fieldAtPath,
  getAtPath,
  type ObjectModel,
} from '@/schema-form/schema-model'

function kinds(model: ObjectModel) {
  return Object.fromEntries(model.fields.map((field) => [field.name, [field.kind, field.widget]]))
}

test('the interaction item schema becomes a typed field model', () => {
  const item = getAtPath(exampleSchema, ['properties', 'interactions', 'items'])
  const model = buildObjectModel(item)
  expect(kinds(model)).toEqual({
    type: ['multi-enum', 'multi-select'],
    performedAt: ['date-or-date-time', 'date-or-date-time'],
    summary: ['text', 'text'],
    notes: ['long-text', 'multiline'],
    duration: ['integer', 'duration-seconds'],
  })
  const [type, performedAt, summary] = model.fields
  expect(type).toMatchObject({ label: 'Type', required: true, constraints: { minItems: 1 } })
  expect(type?.options).toContain('Telefonisch')
  expect(performedAt).toMatchObject({ label: 'Performed at', required: true, nullable: false })
  expect(summary).toMatchObject({
    required: false,
    description: 'Short description of the interaction',
  })
  expect(model.isClosed).toBe(true)
})

test('the candidate schema reads nullable, enum, boolean, e-mail and nested fields', () => {
  const model = buildObjectModel(exampleSchema)
  expect(kinds(model)).toMatchObject({
    email: ['email', 'email'],
    phone: ['text', 'text'],
    phase: ['enum', 'select'],
    sector: ['multi-enum', 'multi-select'],
    privacyConsent: ['boolean', 'switch'],
    interactions: ['array-of-object', 'rows'],
    customFields: ['object', 'object'],
  })
  const phone = model.fields.find((field) => field.name === 'phone')
  expect(phone).toMatchObject({ nullable: true, constraints: { pattern: '^[+0-9 ()-]{6,20}$' } })
  const interactions = model.fields.find((field) => field.name === 'interactions')
  expect(interactions?.constraints.maxItems).toBe(10)
  expect(interactions?.object?.fields.map((field) => field.path.join('.'))).toContain(
    'interactions.performedAt',
  )
})

test('fields the code has never seen still get a working kind', () => {
  const model = buildObjectModel(unseenSchema)
  expect(kinds(model)).toEqual({
    nickname: ['text', 'text'],
    website: ['uri', 'url'],
    rating: ['number', 'number'],
    score: ['integer', 'number'],
    level: ['enum', 'select'],
    source: ['enum', 'select'],
    tags: ['unknown', 'json'],
    address: ['object', 'object'],
    contacts: ['array-of-object', 'rows'],
    metadata: ['unknown', 'json'],
    followUpAt: ['date-time', 'date-time'],
    birthday: ['date', 'date'],
    consent: ['boolean', 'switch'],
    mixed: ['unknown', 'json'],
    callLength: ['integer', 'duration-seconds'],
  })
  const nickname = model.fields.find((field) => field.name === 'nickname')
  expect(nickname).toMatchObject({ nullable: true, label: 'Nickname' })
  const rating = model.fields.find((field) => field.name === 'rating')
  expect(rating).toMatchObject({
    nullable: true,
    constraints: { minimum: 0, maximum: 5, multipleOf: 0.5 },
  })
  expect(model.fields.find((field) => field.name === 'consent')?.defaultValue).toBe(false)
  expect(model.fields.find((field) => field.name === 'level')?.options).toEqual([1, 2, 3])
})

test('widget overrides apply by name or path and only when they fit the kind', () => {
  const item = getAtPath(exampleSchema, 'properties.interactions.items')
  const model = buildObjectModel(item, {
    widgets: { summary: 'multiline', duration: 'number', type: 'date' },
  })
  expect(kinds(model)).toMatchObject({
    summary: ['text', 'multiline'],
    duration: ['integer', 'number'],
    type: ['multi-enum', 'multi-select'],
  })
  const nested = buildObjectModel(exampleSchema, {
    widgets: { 'customFields.preferredSchool': 'multiline' },
  })
  const custom = nested.fields.find((field) => field.name === 'customFields')
  expect(custom?.object?.fields.find((field) => field.name === 'preferredSchool')?.widget).toBe(
    'multiline',
  )
})

test('text without maxLength becomes long text when its name says notes', () => {
  const model = buildObjectModel({
    type: 'object',
    properties: {
      followUpNotes: { type: 'string' },
      city: { type: 'string' },
      remarks: { type: 'string', maxLength: 80 },
    },
  })
  expect(kinds(model)).toEqual({
    followUpNotes: ['long-text', 'multiline'],
    city: ['text', 'text'],
    remarks: ['text', 'text'],
  })
})

test('local $refs are followed for sub-schemas and fields', () => {
  const schema = {
    $defs: { when: { type: 'string', format: 'date', title: 'When' } },
    type: 'object',
    properties: { day: { $ref: '#/$defs/when' }, nested: { $ref: '#/$defs/when', title: 'Other' } },
  }
  expect(getAtPath(schema, ['properties', 'day', 'format'])).toBeUndefined()
  expect(getAtPath(schema, ['$defs', 'when'])).toMatchObject({ format: 'date' })
  const model = buildObjectModel(schema)
  expect(model.fields.map((field) => [field.kind, field.label])).toEqual([
    ['date', 'When'],
    ['date', 'Other'],
  ])
})

test('a payload path finds the field it belongs to', () => {
  const model = buildObjectModel(exampleSchema)
  expect(fieldAtPath(model, ['interactions', 2, 'type', 0])?.depth).toBe(3)
  expect(fieldAtPath(model, ['interactions', 2, 'type', 0])?.field.name).toBe('type')
  expect(fieldAtPath(model, ['customFields', 'preferredSchool'])?.field.label).toBe(
    'Preferred school',
  )
  expect(fieldAtPath(model, ['nope'])).toBeUndefined()
})

test('a recursive schema still gets a model; deep levels are edited as JSON', () => {
  const schema = {
    $defs: {
      node: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/$defs/node' } },
        },
      },
    },
    type: 'object',
    properties: { root: { $ref: '#/$defs/node' }, loop: { $ref: '#/$defs/a' } },
    required: ['root'],
  }
  const withLoop = {
    ...schema,
    $defs: { ...schema.$defs, a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
  }
  const model = buildObjectModel(withLoop)
  let depth = 0
  let field = model.fields[0]
  while (field?.object) {
    depth += 1
    field = field.object.fields.find((child) => child.name === 'children')
  }
  expect(field?.kind).toBe('unknown')
  expect(depth).toBeLessThan(10)
  expect(model.fields[1]?.kind).toBe('unknown')
})
