import { toNestErrors } from '@hookform/resolvers'
import type { FieldError, Resolver } from 'react-hook-form'
import { toPayload, type PayloadMode, type SchemaFormValues } from '@/schema-form/form-values'
import type { IssuePath, JsonObject } from '@/schema-form/json-value'
import type { Language } from '@/schema-form/language'
import { issueMessage } from '@/schema-form/messages'
import { fieldAtPath, type ObjectModel } from '@/schema-form/schema-model'
import { messageContext, type SchemaValidator } from '@/schema-form/validator'

export type SchemaResolverOptions = {
  model: ObjectModel
  validator: SchemaValidator
  mode: PayloadMode
  language: Language
}

/** Where RHF shows errors that belong to no input (e.g. an unknown key at the top level). */
export const ROOT_ERROR_NAME = 'root.schema'

/** The form field an issue belongs to: `['rows', 0, 'type', 2]` → `rows.0.type`. */
export function fieldNameForPath(
  model: ObjectModel,
  path: IssuePath,
  basePath: IssuePath = [],
): string {
  const full = [...basePath, ...path]
  const found = fieldAtPath(model, full)
  return found ? full.slice(0, found.depth).join('.') : ROOT_ERROR_NAME
}

/**
 * A react-hook-form resolver: form values → payload (toPayload) → the schema validator. On
 * success RHF's `handleSubmit` receives the payload itself, ready to send. Form-level issues
 * (a half-typed date, "12abc" in a number) win over what the validator says about the same
 * field, because they explain why the value is missing.
 */
export function createSchemaResolver(
  options: SchemaResolverOptions,
): Resolver<SchemaFormValues, unknown, JsonObject> {
  return (values, _context, resolverOptions) => {
    const checked = checkSchemaValues(options, values)
    if (checked.ok) return { values: checked.payload, errors: {} }
    return { values: {}, errors: toNestErrors(checked.errors, resolverOptions) }
  }
}

/**
 * What the resolver decides, without react-hook-form: the payload when the values are valid,
 * else the first error per field name. Synchronous, so a submit can hand a valid payload over
 * within its click (see useSchemaForm's `submitValid`).
 */
export function checkSchemaValues(
  options: SchemaResolverOptions,
  values: SchemaFormValues,
): { ok: true; payload: JsonObject } | { ok: false; errors: Record<string, FieldError> } {
  const { model, validator, mode, language } = options
  const { payload, issues: formIssues } = toPayload(model, values, mode)
  const validation = validator.validate(payload, language)
  const errors: Record<string, FieldError> = {}
  const put = (path: IssuePath, type: string, message: string) => {
    const name = fieldNameForPath(model, path)
    errors[name] ??= { type, message }
  }
  for (const issue of formIssues) {
    put(
      issue.path,
      issue.code,
      issueMessage(issue.code, {}, messageContext(model, issue, language)),
    )
  }
  for (const issue of validation.issues) put(issue.path, issue.code, issue.message)
  return Object.keys(errors).length === 0 ? { ok: true, payload } : { ok: false, errors }
}
