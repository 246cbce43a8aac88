import fc from 'fast-check'
import { expect, test } from 'vitest'
import exampleSchema from '@/schema-form/fixtures/example-candidate-schema.json'
import unseenSchema from '@/schema-form/fixtures/unseen-fields-schema.json'
import { toPatch } from '@/schema-form/form-patch'
import { parseNumberText, toFormValues, toPayload } from '@/schema-form/form-values'
import { isRecord } from '@/lib/json'
import { buildObjectModel, getAtPath, type ObjectModel } from '@/schema-form/schema-model'
import { validValue } from '@/schema-form/valid-values.test-helpers'

const item = buildObjectModel(getAtPath(exampleSchema, 'properties.interactions.items'))
const nullableItem = buildObjectModel({
  type: 'object',
  properties: {
    summary: { anyOf: [{ type: 'string', maxLength: 255 }, { type: 'null' }] },
    notes: { type: 'string' },
    duration: { anyOf: [{ type: 'integer', description: 'seconds' }, { type: 'null' }] },
    type: { anyOf: [{ type: 'array', items: { enum: ['a', 'b'] } }, { type: 'null' }] },
    tags: { type: 'array', items: { enum: ['x'] } },
    flag: { type: ['boolean', 'null'] },
  },
})

test('empty inputs are left out of a create payload, never sent as ""', () => {
  const values = toFormValues(item)
  expect(values).toEqual({ type: [], performedAt: '', summary: '', notes: '', duration: '' })
  expect(toPayload(item, values)).toEqual({ payload: {}, issues: [] })
})

test('cleared nullable fields become null on an update, and lists become []', () => {
  const values = toFormValues(nullableItem, {
    summary: 'Hi',
    notes: 'x',
    duration: 60,
    type: ['a'],
    tags: ['x'],
    flag: true,
  })
  const cleared = {
    ...values,
    summary: '',
    notes: '',
    duration: '',
    type: [],
    tags: [],
    flag: null,
  }
  expect(toPayload(nullableItem, cleared, 'update').payload).toEqual({
    summary: null,
    duration: null,
    type: null,
    tags: [],
    flag: null,
  })
  expect(toPayload(nullableItem, cleared, 'create').payload).toEqual({})
})

test('numbers and durations typed as text become numbers, or an issue instead of vanishing', () => {
  const model = buildObjectModel(unseenSchema)
  const values = { ...toFormValues(model), score: ' 12 ', rating: '4,5', callLength: '1 h 10 min' }
  expect(toPayload(model, values).payload).toMatchObject({
    score: 12,
    rating: 4.5,
    callLength: 4200,
  })
  const wrong = { ...values, score: '12abc', callLength: 'soon' }
  expect(toPayload(model, wrong).issues).toEqual([
    { path: ['score'], code: 'notANumber' },
    { path: ['callLength'], code: 'invalidDuration' },
  ])
  expect(parseNumberText('1e999')).toBeNull()
  expect(parseNumberText('-0.5')).toBe(-0.5)
})

test('a half-typed date is an issue at its path, not a missing value', () => {
  const rows = buildObjectModel(exampleSchema)
  const values = toFormValues(rows, {
    interactions: [{ type: ['Anders'], performedAt: '2026-01-01' }],
  })
  const list: unknown = values.interactions
  const first: unknown = Array.isArray(list) ? list[0] : undefined
  const partial = { partial: 'incompleteDate', text: '29-11-JJJJ' }
  const half = [{ ...(isRecord(first) ? first : {}), performedAt: partial }]
  const { payload, issues } = toPayload(rows, { ...values, interactions: half })
  expect(issues).toEqual([{ path: ['interactions', 0, 'performedAt'], code: 'incompleteDate' }])
  expect(payload.interactions).toEqual([{ type: ['Anders'] }])
})

test('unknown fields take plain text or JSON and round-trip their value', () => {
  const model = buildObjectModel(unseenSchema)
  const values = toFormValues(model, { tags: ['a', 'b'], mixed: 'hello', metadata: { a: '1' } })
  expect(values).toMatchObject({
    tags: '[\n  "a",\n  "b"\n]',
    mixed: 'hello',
    metadata: '{\n  "a": "1"\n}',
  })
  expect(toFormValues(model, { mixed: '12' }).mixed).toBe('"12"')
  const payload = toPayload(model, { ...values, mixed: '12' }).payload
  expect(payload).toMatchObject({ tags: ['a', 'b'], mixed: 12, metadata: { a: '1' } })
})

test('schema defaults fill a create form; a required section is sent as {}', () => {
  const model = buildObjectModel(unseenSchema)
  const values = toFormValues(model, {}, { withDefaults: true })
  expect(values.consent).toBe(false)
  expect(toPayload(model, values).payload).toEqual({ consent: false, address: {} })
})

test('a patch holds only what changed, and refuses to empty a field that cannot be null', () => {
  const original = { type: ['Anders'], performedAt: '2026-01-01', summary: 'Call', duration: 4200 }
  const values = toFormValues(item, original)
  expect(values.duration).toBe('1 h 10 min')
  expect(toPatch(item, values, original)).toEqual({ patch: {}, issues: [], hasChanges: false })
  const edited = { ...values, performedAt: '2026-01-02', summary: '' }
  expect(toPatch(item, edited, original)).toEqual({
    patch: { performedAt: '2026-01-02' },
    issues: [{ path: ['summary'], code: 'cannotClear' }],
    hasChanges: true,
  })
})

/** What a create form sends for a payload: no null, no [], no all-empty optional section. */
function createPayloadOf(model: ObjectModel, payload: unknown): unknown {
  if (!isRecord(payload)) return payload
  const out: Record<string, unknown> = {}
  for (const field of model.fields) {
    let value: unknown = payload[field.name]
    if (field.widget === 'object' && field.object) value = createPayloadOf(field.object, value)
    const { object } = field
    if (field.widget === 'rows' && object && Array.isArray(value)) {
      value = value.map((row: unknown) => createPayloadOf(object, row))
    }
    const isList = field.widget === 'multi-select' || field.widget === 'rows'
    const isEmptySection =
      field.widget === 'object' && isRecord(value) && Object.keys(value).length === 0
    if (
      value === undefined ||
      value === null ||
      (isList && Array.isArray(value) && value.length === 0)
    )
      continue
    if (isEmptySection && !field.required) continue
    out[field.name] = value
  }
  return out
}

// '' is a valid payload string but an empty input: it becomes "absent" by design.
const hasNoEmptyStrings = (value: unknown): boolean =>
  value !== '' &&
  (typeof value !== 'object' || value === null || Object.values(value).every(hasNoEmptyStrings))

const schemas = [
  exampleSchema,
  unseenSchema,
  getAtPath(exampleSchema, 'properties.interactions.items'),
]

test('every valid payload survives the trip into a create form and back', () => {
  for (const schema of schemas) {
    const model = buildObjectModel(schema)
    fc.assert(
      fc.property(validValue(schema, schema).filter(hasNoEmptyStrings), (payload) => {
        const back = toPayload(model, toFormValues(model, payload), 'create')
        expect(back.issues).toEqual([])
        // Compared as sent over the wire (JSON has no -0).
        expect(back.payload).toEqual(JSON.parse(JSON.stringify(createPayloadOf(model, payload))))
      }),
      { numRuns: 300 },
    )
  }
})

test('an edit form the user did not touch has nothing to send', () => {
  for (const schema of schemas) {
    const model = buildObjectModel(schema)
    fc.assert(
      fc.property(validValue(schema, schema), (record) => {
        expect(toPatch(model, toFormValues(model, record), record)).toEqual({
          patch: {},
          issues: [],
          hasChanges: false,
        })
      }),
      { numRuns: 300 },
    )
  }
})
