import { toFormValues, toPayload, type FormIssue } from '@/schema-form/form-values'
import { deepEqual, type JsonObject } from '@/schema-form/json-value'
import type { ObjectModel } from '@/schema-form/schema-model'

export type PatchResult = {
  /** Only the top-level fields whose value differs from the original. */
  patch: JsonObject
  issues: FormIssue[]
  hasChanges: boolean
}

/**
 * PATCH semantics: send only what the user changed. The original record goes through the same
 * form conversion first, so a value the user never touched compares equal even when the form
 * shows it differently (a duration as "1 h 10 min", an unknown field as JSON text). Emptying a
 * field that cannot be `null` is refused with an issue instead of silently keeping the old value.
 */
export function toPatch(model: ObjectModel, values: unknown, original: unknown): PatchResult {
  const current = toPayload(model, values, 'update')
  const before = toPayload(model, toFormValues(model, original), 'update').payload
  const issues = [...current.issues]
  const patch: JsonObject = {}
  for (const field of model.fields) {
    const had = before[field.name]
    const has = current.payload[field.name]
    if (deepEqual(had, has)) continue
    const failedToConvert = issues.some((issue) => issue.path[0] === field.name)
    if (has === undefined && !failedToConvert) {
      issues.push({ path: [field.name], code: 'cannotClear' })
    } else if (has !== undefined) {
      patch[field.name] = has
    }
  }
  return { patch, issues, hasChanges: Object.keys(patch).length > 0 }
}
