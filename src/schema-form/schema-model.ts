import {
  detectKind,
  humanise,
  splitNullable,
  type EnumValue,
  type FieldKind,
} from '@/schema-form/field-kind'
import { resolveRef } from '@/schema-form/json-schema-check'
import { chooseWidget, type WidgetName, type WidgetOverrides } from '@/schema-form/widget-choice'
import { isRecord } from '@/lib/json'
import {
  readNumber,
  readString,
  readStringList,
  type IssuePath,
  type JsonSchema,
} from '@/schema-form/json-value'

/**
 * The typed field model of an object schema: what SchemaFields renders and what the form-value
 * conversion follows. Built once per schema; it never guesses about candidates or interactions.
 */

export type FieldConstraints = {
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  multipleOf?: number
  minItems?: number
  maxItems?: number
}

export type FieldModel = {
  name: string
  /** Property names from the form root, without array indices (for widget overrides). */
  path: readonly string[]
  kind: FieldKind
  widget: WidgetName
  label: string
  description?: string
  required: boolean
  nullable: boolean
  defaultValue?: unknown
  constraints: FieldConstraints
  options: readonly EnumValue[]
  /** `object`: its fields; `array-of-object`: the model of one item. */
  object?: ObjectModel
  /** An integer or number whose title/description says it counts seconds. */
  isSeconds: boolean
  schema: JsonSchema
}

export type ObjectModel = {
  fields: readonly FieldModel[]
  schema: JsonSchema
  /** `additionalProperties: false`: unknown keys are refused. */
  isClosed: boolean
}

export type ModelOptions = { widgets?: WidgetOverrides }

const MAX_NESTING = 6
const SECONDS = /\b(seconds?|seconden|sec)\b/i

/** Reads an object schema (or a nullable object) into a model. Anything else: no fields. */
export function buildObjectModel(schema: unknown, options: ModelOptions = {}): ObjectModel {
  return objectModel(schema, schema, [], options)
}

function objectModel(
  schema: unknown,
  root: unknown,
  path: readonly string[],
  options: ModelOptions,
): ObjectModel {
  const holder = isRecord(schema) ? schema : {}
  const core = splitNullable(holder, root).branches.find((b) => isRecord(b.properties)) ?? holder
  const properties = isRecord(core.properties) ? core.properties : {}
  const required = new Set(readStringList(core, 'required'))
  const fields = Object.entries(properties).map(([name, sub]) =>
    fieldModel(name, sub, root, [...path, name], required.has(name), options),
  )
  return { fields, schema: core, isClosed: core.additionalProperties === false }
}

function fieldModel(
  name: string,
  schema: unknown,
  root: unknown,
  path: readonly string[],
  required: boolean,
  options: ModelOptions,
): FieldModel {
  const holder = isRecord(schema) ? schema : {}
  const ref = readString(holder, '$ref')
  const resolved = ref === undefined ? {} : resolveRef(root, ref)
  const annotated = { ...(isRecord(resolved) ? resolved : {}), ...holder }
  const detected = detectKind(name, annotated, root)
  const { nullable, core, options: choices } = detected
  const isNesting = detected.kind === 'object' || detected.kind === 'array-of-object'
  // A recursive schema (a $ref to itself) would nest forever: deep down it is edited as JSON.
  const kind = isNesting && path.length > MAX_NESTING ? 'unknown' : detected.kind
  const text = (key: string) => readString(annotated, key) ?? readString(core, key)
  const description = text('description')
  const isSeconds =
    (kind === 'integer' || kind === 'number') &&
    SECONDS.test(`${text('title') ?? ''} ${description ?? ''}`)
  const itemSchema = kind === 'array-of-object' ? core.items : core
  const object =
    kind === 'object' || kind === 'array-of-object'
      ? objectModel(itemSchema, root, path, options)
      : undefined
  return {
    name,
    path,
    kind,
    widget: chooseWidget(kind, isSeconds, path, options.widgets),
    label: text('title') ?? humanise(name),
    ...(description === undefined ? {} : { description }),
    required,
    nullable,
    ...('default' in annotated ? { defaultValue: annotated.default } : {}),
    constraints: readConstraints(core),
    options: choices,
    ...(object ? { object } : {}),
    isSeconds,
    schema: annotated,
  }
}

const CONSTRAINT_KEYS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
] as const

function readConstraints(schema: JsonSchema): FieldConstraints {
  const constraints: FieldConstraints = {}
  for (const key of CONSTRAINT_KEYS) {
    const value = readNumber(schema, key)
    if (value !== undefined) constraints[key] = value
  }
  const pattern = readString(schema, 'pattern')
  if (pattern !== undefined) constraints.pattern = pattern
  return constraints
}

/**
 * A sub-schema by path, e.g. `['properties', 'interactions', 'items']` or
 * `'properties.interactions.items'`; local `$ref`s on the way are followed.
 */
export function getAtPath(
  schema: unknown,
  path: readonly (string | number)[] | string,
): JsonSchema | undefined {
  const steps = typeof path === 'string' ? path.split('.').filter(Boolean) : path
  let node: unknown = schema
  for (const step of steps) {
    if (isRecord(node) && typeof node.$ref === 'string' && !(String(step) in node)) {
      node = resolveRef(schema, node.$ref)
    }
    if (Array.isArray(node)) node = node[Number(step)]
    else if (isRecord(node)) node = node[String(step)]
    else return undefined
  }
  return isRecord(node) ? node : undefined
}

/** The field a payload path points into (`[0, 'performedAt']` inside rows, `['type', 2]`). */
export function fieldAtPath(
  model: ObjectModel,
  path: IssuePath,
): { field: FieldModel; depth: number } | undefined {
  let current: ObjectModel | undefined = model
  let found: { field: FieldModel; depth: number } | undefined
  for (let index = 0; index < path.length && current; index += 1) {
    const step = path[index]
    const field: FieldModel | undefined = current.fields.find(
      (candidate) => candidate.name === step,
    )
    if (!field) break
    found = { field, depth: index + 1 }
    current = field.object
    if (field.kind === 'array-of-object' && typeof path[index + 1] === 'number') index += 1
    else if (field.kind !== 'object') break
  }
  return found
}
