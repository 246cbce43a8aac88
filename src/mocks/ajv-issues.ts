import type { ErrorObject } from 'ajv'
import type { ApiIssue } from '@/api/contract'
import { isRecord } from '@/lib/json'

/**
 * Turns Ajv's errors into the contract's issues: one per offending field, with a path that points
 * at the item and field (`[0, 'interactions', 1, 'performedAt']`) and a message a developer
 * understands without reading JSON Schema. Ajv must run with `allErrors` and `verbose`.
 */
export function toIssues(
  errors: readonly ErrorObject[],
  prefix: readonly (string | number)[],
): ApiIssue[] {
  const byPath = new Map<string, ApiIssue>()
  const add = (path: (string | number)[], message: string) => {
    const key = JSON.stringify(path)
    if (!byPath.has(key)) byPath.set(key, { path, message })
  }
  const { dropped, opaque } = resolveAnyOf(errors)
  for (const error of errors) {
    if (opaque.has(error)) {
      add([...prefix, ...pointer(error.instancePath)], anyOfMessage(error))
    } else if (!dropped.has(error)) {
      add([...prefix, ...errorPath(error)], message(error))
    }
  }
  return [...byPath.values()]
}

function pointer(instancePath: string): (string | number)[] {
  if (!instancePath) return []
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

const SCALAR_TYPES = ['string', 'number', 'integer', 'boolean']

function errorPath(error: ErrorObject): (string | number)[] {
  const path = pointer(error.instancePath)
  const missing = param(error, 'missingProperty')
  if (error.keyword === 'required' && missing) return [...path, missing]
  const unknown = param(error, 'additionalProperty')
  if (error.keyword === 'additionalProperties' && unknown) return [...path, unknown]
  // A bad value inside a list of scalars (e.g. one `type`) belongs to the list field itself.
  const last = path[path.length - 1]
  const itemType = schemaProp(error.parentSchema, 'type')
  if (typeof last === 'number' && typeof itemType === 'string' && SCALAR_TYPES.includes(itemType)) {
    return path.slice(0, -1)
  }
  return path
}

function message(error: ErrorObject): string {
  const limit = param(error, 'limit')
  switch (error.keyword) {
    case 'required':
      return 'is required'
    case 'additionalProperties':
      return `unknown field '${param(error, 'additionalProperty') ?? '?'}' — not in this region's schema`
    case 'type':
      return `must be ${describeType(param(error, 'type'))}`
    case 'enum': {
      const allowed: unknown = error.params.allowedValues
      const list = Array.isArray(allowed) ? allowed.map(String).join(', ') : ''
      return `must be one of: ${list} (got ${JSON.stringify(error.data)})`
    }
    case 'format':
      return formatMessage(param(error, 'format'))
    case 'pattern': {
      const format = schemaProp(error.parentSchema, 'format')
      if (typeof format === 'string') return formatMessage(format)
      return `has an invalid format (expected pattern ${param(error, 'pattern') ?? '?'})`
    }
    case 'minLength':
      return limit === '1' ? 'must not be empty' : `must be at least ${limit ?? '?'} characters`
    case 'maxLength':
      return `must be at most ${limit ?? '?'} characters`
    case 'minItems':
      return limit === '1'
        ? 'must contain at least one value'
        : `must contain at least ${limit ?? '?'} items`
    case 'maxItems':
      return `must contain at most ${limit ?? '?'} items`
    case 'minimum':
      return `must be at least ${limit ?? '?'}`
    case 'maximum':
      return `must be at most ${limit ?? '?'}`
    default:
      return error.message ?? 'is invalid'
  }
}

/**
 * Outermost first: a value whose JSON type fits exactly one branch (a string in a nullable string)
 * is reported by that branch's own, precise errors; otherwise the anyOf is reported as one issue
 * ("must be a date (YYYY-MM-DD) or a date-time with offset") and its branch errors are dropped.
 */
function resolveAnyOf(errors: readonly ErrorObject[]) {
  const dropped = new Set<ErrorObject>()
  const opaque = new Set<ErrorObject>()
  const anyOfs = errors
    .filter((error) => error.keyword === 'anyOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length)
  for (const anyOf of anyOfs) {
    if (dropped.has(anyOf)) continue
    dropped.add(anyOf)
    const kept = onlyMatchingBranch(anyOf)
    const keptPrefix = kept === undefined ? null : `${anyOf.schemaPath}/${kept}/`
    let keptAny = false
    for (const error of errors) {
      if (!error.schemaPath.startsWith(`${anyOf.schemaPath}/`)) continue
      if (keptPrefix && error.schemaPath.startsWith(keptPrefix)) keptAny = true
      else dropped.add(error)
    }
    if (!keptAny) opaque.add(anyOf)
  }
  return { dropped, opaque }
}

function onlyMatchingBranch(anyOf: ErrorObject): number | undefined {
  const branches: unknown[] = Array.isArray(anyOf.schema) ? anyOf.schema : []
  const valueType = jsonType(anyOf.data)
  const matching = branches.flatMap((branch, index) =>
    typeMatches(schemaProp(branch, 'type'), valueType) ? [index] : [],
  )
  return matching.length === 1 ? matching[0] : undefined
}

function anyOfMessage(anyOf: ErrorObject): string {
  const branches: unknown[] = Array.isArray(anyOf.schema) ? anyOf.schema : []
  return `must be ${branches.map(describeBranch).join(' or ')}`
}

function describeBranch(branch: unknown): string {
  const format = schemaProp(branch, 'format')
  if (format === 'date') return 'a date (YYYY-MM-DD)'
  if (format === 'date-time') return 'a date-time with offset'
  if (format === 'email') return 'an e-mail address'
  const allowed = schemaProp(branch, 'enum')
  if (Array.isArray(allowed)) return `one of: ${allowed.map(String).join(', ')}`
  return describeType(schemaProp(branch, 'type'))
}

function describeType(type: unknown): string {
  if (Array.isArray(type)) return type.map(describeType).join(' or ')
  const names: Record<string, string> = {
    string: 'a text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
  }
  return typeof type === 'string' ? (names[type] ?? type) : 'a valid value'
}

function formatMessage(format: string | undefined): string {
  if (format === 'date') return 'must be a date (YYYY-MM-DD)'
  if (format === 'date-time')
    return 'must be a date-time with offset (e.g. 2025-03-14T10:30:00+01:00)'
  if (format === 'email') return 'must be a valid e-mail address'
  if (format === 'uri') return 'must be a URL'
  return `must be a valid ${format ?? 'value'}`
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function typeMatches(schemaType: unknown, valueType: string): boolean {
  const types = Array.isArray(schemaType) ? schemaType : [schemaType]
  return types.some((type) => type === valueType || (type === 'number' && valueType === 'integer'))
}

function param(error: ErrorObject, name: string): string | undefined {
  const value: unknown = error.params[name]
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}

function schemaProp(schema: unknown, name: string): unknown {
  return isRecord(schema) ? schema[name] : undefined
}
