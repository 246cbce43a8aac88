import {
  checkNumber,
  checkString,
  matchesType,
  patternRegExp,
  type AddIssue,
} from '@/schema-form/json-schema-scalars'
import { isRecord } from '@/lib/json'
import {
  deepEqual,
  readNumber,
  readSchemaList,
  readString,
  readStringList,
  readTypes,
  type IssuePath,
  type JsonSchema,
} from '@/schema-form/json-value'
import type { SchemaIssue } from '@/schema-form/schema-issue'

/**
 * A JSON Schema 2020-12 checker with Ajv's semantics (string rules: json-schema-scalars.ts). It
 * returns every issue with enough context (code, limits, the failing sub-schema) for a friendly
 * message; the verdict is "no issues". `unevaluated*` and `$dynamicRef` are not enforced (see
 * `unsupportedKeywords` in validator.ts). Interpreted, not compiled: no `new Function`, so it
 * runs under a strict Content-Security-Policy.
 */

/** `following`: the $refs being followed at each place, to stop a loop of refs (`a` → `b` → `a`). */
type Context = { root: unknown; issues: SchemaIssue[]; following: Set<string> }

export function checkAgainstSchema(root: unknown, value: unknown): SchemaIssue[] {
  const context: Context = { root, issues: [], following: new Set() }
  visit(root, value, [], context)
  return context.issues
}

function collect(schema: unknown, value: unknown, path: IssuePath, context: Context) {
  const inner: Context = { ...context, issues: [] }
  visit(schema, value, path, inner)
  return inner.issues
}

function visit(schema: unknown, value: unknown, path: IssuePath, context: Context): void {
  const add: AddIssue = (code, params = {}, at = path) => {
    context.issues.push({ path: at, code, params, schema })
  }
  if (schema === false) {
    add('false')
    return
  }
  if (!isRecord(schema)) return
  const ref = readString(schema, '$ref')
  const refKey = `${ref ?? ''}@${JSON.stringify(path)}`
  if (ref !== undefined && !context.following.has(refKey)) {
    context.following.add(refKey)
    visit(resolveRef(context.root, ref), value, path, context)
    context.following.delete(refKey)
  }

  const types = readTypes(schema)
  if (types.length > 0 && !types.some((type) => matchesType(type, value))) {
    // Once the type is wrong the other keywords only add noise: one clear issue is enough.
    add('type', { expected: types })
    return
  }
  const allowed = schema.enum
  if (Array.isArray(allowed) && !allowed.some((option) => deepEqual(option, value))) add('enum')
  if ('const' in schema && !deepEqual(schema.const, value)) add('const')

  if (typeof value === 'string') checkString(schema, value, add)
  else if (typeof value === 'number') checkNumber(schema, value, add)
  else if (Array.isArray(value)) checkArray(schema, value, path, context, add)
  else if (isRecord(value)) checkObject(schema, value, path, context, add)

  for (const sub of readSchemaList(schema, 'allOf') ?? []) visit(sub, value, path, context)
  reportAnyOf(schema, readSchemaList(schema, 'anyOf'), value, path, context)
  const oneOf = readSchemaList(schema, 'oneOf')
  if (oneOf) {
    const passing = oneOf.filter((sub) => collect(sub, value, path, context).length === 0).length
    if (passing === 0) reportAnyOf(schema, oneOf, value, path, context)
    else if (passing > 1) add('oneOf')
  }
  if ('not' in schema && collect(schema.not, value, path, context).length === 0) add('not')
  if ('if' in schema) {
    const holds = collect(schema.if, value, path, context).length === 0
    const branch = holds ? schema.then : schema.else
    if (branch !== undefined) visit(branch, value, path, context)
  }
}

function checkArray(
  schema: JsonSchema,
  value: unknown[],
  path: IssuePath,
  c: Context,
  add: AddIssue,
) {
  const prefixItems = readSchemaList(schema, 'prefixItems') ?? []
  value.forEach((item, index) => {
    const itemSchema = index < prefixItems.length ? prefixItems[index] : schema.items
    if (itemSchema !== undefined) visit(itemSchema, item, [...path, index], c)
  })
  if ('contains' in schema) {
    const matches = value.filter((item) => collect(schema.contains, item, path, c).length === 0)
    const minContains = readNumber(schema, 'minContains') ?? 1
    const maxContains = readNumber(schema, 'maxContains') ?? Infinity
    if (matches.length < minContains || matches.length > maxContains) {
      add('contains', { actual: matches.length })
    }
  }
  const minItems = readNumber(schema, 'minItems')
  if (minItems !== undefined && value.length < minItems) {
    add('minItems', { limit: minItems, actual: value.length })
  }
  const maxItems = readNumber(schema, 'maxItems')
  if (maxItems !== undefined && value.length > maxItems) {
    add('maxItems', { limit: maxItems, actual: value.length })
  }
  if (schema.uniqueItems === true) {
    const duplicate = value.findIndex((item, i) =>
      value.slice(0, i).some((o) => deepEqual(o, item)),
    )
    if (duplicate >= 0) add('uniqueItems', {}, [...path, duplicate])
  }
}

function checkObject(
  schema: JsonSchema,
  value: JsonObject,
  path: IssuePath,
  c: Context,
  add: AddIssue,
) {
  const properties = isRecord(schema.properties) ? schema.properties : {}
  const present = (key: string) => Object.hasOwn(value, key) && value[key] !== undefined
  for (const key of readStringList(schema, 'required')) {
    if (!present(key))
      c.issues.push({
        path: [...path, key],
        code: 'required',
        params: {},
        schema: properties[key] ?? true,
      })
  }
  const patterns = isRecord(schema.patternProperties)
    ? Object.entries(schema.patternProperties)
    : []
  for (const [key, item] of Object.entries(value)) {
    const at = [...path, key]
    let known = Object.hasOwn(properties, key)
    if (known) visit(properties[key], item, at, c)
    for (const [pattern, sub] of patterns) {
      if (patternRegExp(pattern)?.test(key)) {
        known = true
        visit(sub, item, at, c)
      }
    }
    if (!known && schema.additionalProperties === false) {
      add('additionalProperty', { property: key }, at)
    } else if (!known && schema.additionalProperties !== undefined) {
      visit(schema.additionalProperties, item, at, c)
    }
    if ('propertyNames' in schema && collect(schema.propertyNames, key, at, c).length > 0) {
      add('propertyName', { property: key }, at)
    }
    const dependent = isRecord(schema.dependentRequired) ? schema.dependentRequired[key] : undefined
    if (
      Array.isArray(dependent) &&
      dependent.some((other) => typeof other === 'string' && !present(other))
    ) {
      add('dependentRequired', { property: key }, at)
    }
    const dependentSchema = isRecord(schema.dependentSchemas)
      ? schema.dependentSchemas[key]
      : undefined
    if (dependentSchema !== undefined) visit(dependentSchema, value, path, c)
  }
  const count = Object.keys(value).length
  const minProperties = readNumber(schema, 'minProperties')
  if (minProperties !== undefined && count < minProperties)
    add('minProperties', { limit: minProperties, actual: count })
  const maxProperties = readNumber(schema, 'maxProperties')
  if (maxProperties !== undefined && count > maxProperties)
    add('maxProperties', { limit: maxProperties, actual: count })
}

type JsonObject = Record<string, unknown>

/**
 * No branch passed. A branch that only failed on its JSON type says nothing useful ("not null"),
 * so the issues of the branch that fits the value's type are reported; when several fit (a date
 * or a date-time) and all fail on their format, that becomes one issue naming both formats.
 */
function reportAnyOf(
  holder: JsonSchema,
  branches: unknown[] | undefined,
  value: unknown,
  path: IssuePath,
  c: Context,
) {
  if (!branches) return
  const results = branches.map((sub) => collect(sub, value, path, c))
  if (results.some((issues) => issues.length === 0)) return
  const isTypeOnly = (issues: SchemaIssue[]) =>
    issues.every((issue) => issue.code === 'type' && issue.path.length === path.length)
  const informative = results.filter((issues) => !isTypeOnly(issues))
  if (informative.length === 0) {
    const expected = results.flatMap((issues) => issues.flatMap((i) => i.params.expected ?? []))
    c.issues.push({ path, code: 'type', params: { expected }, schema: holder })
    return
  }
  const formats = informative.map((issues) =>
    issues.length === 1 && issues[0]?.code === 'format' ? issues[0].params.format : undefined,
  )
  if (informative.length > 1 && formats.every((f): f is string => f !== undefined)) {
    c.issues.push({ path, code: 'format', params: { format: formats[0], formats }, schema: holder })
    return
  }
  c.issues.push(
    ...informative.reduce((best, issues) => (issues.length < best.length ? issues : best)),
  )
}

/** Local references only (`#`, `#/$defs/x`, any JSON pointer into the root document). */
export function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return true
  let node: unknown = root
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) node = node[Number(key)]
    else if (isRecord(node)) node = node[key]
    else return true
  }
  return node ?? true
}
