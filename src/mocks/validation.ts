import { Ajv2020 } from 'ajv/dist/2020'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { MAX_BATCH, MIN_BATCH, type ApiIssue } from '@/api/contract'
import { toIssues } from '@/mocks/ajv-issues'
import { isRecord, parseJson } from '@/lib/json'
import { jsonObjectSchema, type JsonObject } from '@/mocks/json'
import { interactionItemJsonSchema, regionJsonSchema, type RegionDefinition } from '@/mocks/regions'

/**
 * Validation before queueing ([DOC]): request bodies are checked against the very JSON Schema
 * `/schema` serves, with Ajv (2020-12 + formats), compiled once per region and target.
 */
export type ValidationFailure = { ok: false; message: string; issues: ApiIssue[] }
export type Validated<T> = { ok: true; value: T } | ValidationFailure

type Target = 'candidate-create' | 'candidate-update' | 'interaction-create' | 'interaction-update'

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true })
addFormats(ajv)
const compiled = new Map<string, ValidateFunction>()

function validatorFor(region: RegionDefinition, target: Target): ValidateFunction {
  const key = `${region.id}:${target}`
  const cached = compiled.get(key)
  if (cached) return cached
  const schema =
    target === 'candidate-create'
      ? regionJsonSchema(region, 'create')
      : target === 'candidate-update'
        ? regionJsonSchema(region, 'update')
        : interactionItemJsonSchema(region, target === 'interaction-create' ? 'create' : 'update')
  const validate = ajv.compile(schema)
  compiled.set(key, validate)
  return validate
}

export function parseJsonText(text: string): Validated<unknown> {
  if (text.trim() === '') return failure('The request body is empty; a JSON body is required.')
  const json = parseJson(text)
  return json.ok ? json : failure('The request body is not valid JSON.')
}

/** POST bodies: a JSON array of 1–10 payloads, each valid against the item schema. */
export function validateBatch(
  region: RegionDefinition,
  resource: 'candidate' | 'interaction',
  body: unknown,
): Validated<JsonObject[]> {
  const noun = resource === 'candidate' ? 'candidates' : 'interactions'
  if (!Array.isArray(body)) {
    return failure(
      `The request body must be a JSON array of ${MIN_BATCH} to ${MAX_BATCH} ${noun} (got ${describe(body)}).`,
    )
  }
  if (body.length < MIN_BATCH || body.length > MAX_BATCH) {
    return failure(
      `The request body must contain ${MIN_BATCH} to ${MAX_BATCH} ${noun} (got ${body.length}).`,
    )
  }
  const validate = validatorFor(
    region,
    resource === 'candidate' ? 'candidate-create' : 'interaction-create',
  )
  const issues = body.flatMap((item, index) => check(validate, item, [index]))
  if (issues.length > 0) return invalid(issues)
  return { ok: true, value: body.map((item) => jsonObjectSchema.parse(item)) }
}

/** PATCH bodies: one JSON object with at least one field, valid against the update schema. */
export function validatePatch(
  region: RegionDefinition,
  resource: 'candidate' | 'interaction',
  body: unknown,
): Validated<JsonObject> {
  if (!isRecord(body)) {
    return failure(`The request body must be a JSON object (got ${describe(body)}).`)
  }
  if (Object.keys(body).length === 0) {
    return failure('At least one field must be provided.', [
      { path: [], message: 'at least one field must be provided' },
    ])
  }
  if (resource === 'candidate' && 'interactions' in body) {
    return invalid([
      {
        path: ['interactions'],
        message:
          'inline interactions are only supported when creating a candidate; use the interaction endpoints',
      },
    ])
  }
  const validate = validatorFor(
    region,
    resource === 'candidate' ? 'candidate-update' : 'interaction-update',
  )
  const issues = check(validate, body, [])
  if (issues.length > 0) return invalid(issues)
  return { ok: true, value: jsonObjectSchema.parse(body) }
}

function check(validate: ValidateFunction, item: unknown, prefix: (string | number)[]): ApiIssue[] {
  if (validate(item)) return []
  return toIssues(validate.errors ?? [], prefix)
}

function invalid(issues: ApiIssue[]): ValidationFailure {
  const first = issues[0]
  const where = first ? `${formatPath(first.path)} ${first.message}` : 'the payload is invalid'
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return { ok: false, message: `Validation failed: ${where}${more}.`, issues }
}

function failure(message: string, issues: ApiIssue[] = []): ValidationFailure {
  return { ok: false, message, issues }
}

/** `[0, 'interactions', 1, 'performedAt']` → `[0].interactions[1].performedAt`. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'body'
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('')
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
