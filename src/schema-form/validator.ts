import { detectKind } from '@/schema-form/field-kind'
import { checkAgainstSchema } from '@/schema-form/json-schema-check'
import { isRecord } from '@/lib/json'
import { type IssuePath } from '@/schema-form/json-value'
import type { Language } from '@/schema-form/language'
import { issueMessage, type MessageContext } from '@/schema-form/messages'
import type { IssueCode, IssueParams, SchemaIssue } from '@/schema-form/schema-issue'
import { buildObjectModel, fieldAtPath, type ObjectModel } from '@/schema-form/schema-model'

/**
 * The validator the forms use. It agrees with Ajv 2020 + ajv-formats (what the server runs) on
 * every payload — the property tests in validator.property.test.ts hold it to that — and turns
 * each failed keyword into a friendly, translated message.
 *
 * Why not `z.fromJSONSchema`: it exists in zod 4.6 and handles the shapes, but it checks formats
 * with zod's own rules, which disagree with Ajv in both directions (e-mail `a@b-.cc`, `a@b.c`,
 * `a!b@c.de`; date-time `…t…z`, `+0100`, leap seconds; uri `foo:`, `http://x:99999`), rejects
 * integers above 2^53, differs on `multipleOf: 0.1`, compiles `pattern` without the `u` flag and
 * compares object `enum` values by reference. None of that can be fixed around the converter
 * (a format inside an `anyOf` has no hook), so the checker implements the keywords itself with
 * Ajv's rules and ajv-formats' own format functions.
 */

export type ValidationIssue = {
  path: IssuePath
  code: IssueCode
  message: string
  params: IssueParams
}

export type ValidationResult = { valid: boolean; issues: ValidationIssue[] }

export type SchemaValidator = {
  validate: (value: unknown, language?: Language) => ValidationResult
  /** Keywords in the schema this engine does not enforce (the server still does). */
  unsupportedKeywords: readonly string[]
  schema: unknown
}

const UNSUPPORTED = new Set([
  'unevaluatedProperties',
  'unevaluatedItems',
  '$dynamicRef',
  '$recursiveRef',
])

function findUnsupportedKeywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => findUnsupportedKeywords(item, found))
  if (!isRecord(schema)) return found
  for (const [key, value] of Object.entries(schema)) {
    if (UNSUPPORTED.has(key)) found.add(key)
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#'))
      found.add(`$ref ${value}`)
    // Values of these keywords are data, not schemas.
    if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') {
      findUnsupportedKeywords(value, found)
    }
  }
  return found
}

export function createValidator(schema: unknown): SchemaValidator {
  const model = buildObjectModel(schema)
  return {
    schema,
    unsupportedKeywords: [...findUnsupportedKeywords(schema)],
    validate: (value, language = 'en') => {
      const issues = checkAgainstSchema(schema, value).map((issue) => ({
        path: issue.path,
        code: issue.code,
        params: issue.params,
        message: issueMessage(issue.code, issue.params, messageContext(model, issue, language)),
      }))
      return { valid: issues.length === 0, issues }
    },
  }
}

/** Label and kind for a message: from the form model when the path is a field, else the schema. */
export function messageContext(
  model: ObjectModel,
  issue: Pick<SchemaIssue, 'path'> & { schema?: unknown },
  language: Language,
): MessageContext {
  const found = fieldAtPath(model, issue.path)
  if (found && found.depth === issue.path.length) {
    const { field } = found
    return { language, label: field.label, kind: field.kind, isSeconds: field.isSeconds }
  }
  const name = [...issue.path].reverse().find((step) => typeof step === 'string') ?? ''
  const { kind } = detectKind(name, issue.schema ?? {})
  return { language, kind, ...(found ? { label: found.field.label } : {}) }
}
