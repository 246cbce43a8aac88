import type { UseFormSetError } from 'react-hook-form'
import type { SchemaFormValues } from '@/schema-form/form-values'
import type { IssuePath } from '@/schema-form/json-value'
import type { Language } from '@/schema-form/language'
import { issueMessage } from '@/schema-form/messages'
import type { IssueCode, IssueParams } from '@/schema-form/schema-issue'
import type { ObjectModel } from '@/schema-form/schema-model'
import { fieldNameForPath, ROOT_ERROR_NAME } from '@/schema-form/resolver'
import { messageContext, type SchemaValidator } from '@/schema-form/validator'

export type ServerIssue = { path: readonly (string | number)[]; message: string }

export type ApplyServerIssuesOptions = {
  /** Where the request body sits in the form, e.g. `'rows'` when the body is the rows array. */
  basePath?: string | IssuePath
  /** The form's model: issues deeper than a field (`['type', 2]`) land on that field. */
  model?: ObjectModel
  language?: Language
  /** The form's validator and payload: the friendliest message is the one we would have given. */
  validator?: SchemaValidator
  payload?: unknown
}

/**
 * Puts a 400's issues on the exact row and field (`[0, "performedAt"]` with basePath `rows` →
 * `rows.0.performedAt`). The server's own wording is never shown: the message comes from our
 * own check of the same payload, else from recognising the kind of complaint, else a generic
 * "not accepted" line. Issues that point at no field go to `root.schema`.
 */
export function applyServerIssues(
  setError: UseFormSetError<SchemaFormValues>,
  issues: readonly ServerIssue[],
  options: ApplyServerIssuesOptions = {},
): string[] {
  const language = options.language ?? 'en'
  const base =
    typeof options.basePath === 'string' ? splitName(options.basePath) : (options.basePath ?? [])
  const local = options.validator?.validate(options.payload, language).issues ?? []
  const applied: string[] = []
  for (const issue of issues) {
    const path = [...base, ...issue.path]
    const name = options.model
      ? fieldNameForPath(options.model, path)
      : path.join('.') || ROOT_ERROR_NAME
    const ours = local.find((candidate) => candidate.path.join('.') === path.join('.'))
    const message = ours?.message ?? recognise(issue.message, path, options, language)
    if (applied.includes(name)) continue
    setError(name, { type: 'server', message }, { shouldFocus: applied.length === 0 })
    applied.push(name)
  }
  return applied
}

function splitName(name: string): IssuePath {
  return name
    .split('.')
    .filter(Boolean)
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step))
}

const RECOGNISED: [RegExp, IssueCode, (match: RegExpExecArray) => IssueParams][] = [
  [/required/i, 'required', () => ({})],
  [
    /(?:at most|more than|<=)\s*(\d+)\s*(?:characters|chars)/i,
    'maxLength',
    (m) => ({ limit: Number(m[1]) }),
  ],
  [
    /(?:at least|fewer than|>=)\s*(\d+)\s*(?:characters|chars)/i,
    'minLength',
    (m) => ({ limit: Number(m[1]) }),
  ],
  [
    /(?:at least|fewer than)\s*(\d+)\s*items|at least one value/i,
    'minItems',
    (m) => ({ limit: Number(m[1] ?? 1) }),
  ],
  [/(?:at most|more than)\s*(\d+)\s*items/i, 'maxItems', (m) => ({ limit: Number(m[1]) })],
  [
    /unknown field\W+([\w$-]+)|additional propert\w*\W*([\w$-]*)/i,
    'additionalProperty',
    (m) => ({ property: m[1] ?? m[2] ?? '' }),
  ],
  [/one of|allowed values/i, 'enum', () => ({})],
  [/date-time/i, 'format', () => ({ format: 'date-time' })],
  [/\bdate\b/i, 'format', () => ({ format: 'date' })],
  [/e-?mail/i, 'format', () => ({ format: 'email' })],
  [/\b(?:url|uri)\b/i, 'format', () => ({ format: 'uri' })],
  [/whole number|integer/i, 'type', () => ({ expected: ['integer'] })],
  [/(?:at most|<=)\s*(-?[\d.]+)/i, 'maximum', (m) => ({ limit: Number(m[1]) })],
  [/(?:at least|>=)\s*(-?[\d.]+)/i, 'minimum', (m) => ({ limit: Number(m[1]) })],
]

function recognise(
  text: string,
  path: IssuePath,
  options: ApplyServerIssuesOptions,
  language: Language,
): string {
  const context = options.model ? messageContext(options.model, { path }, language) : { language }
  for (const [pattern, code, params] of RECOGNISED) {
    const match = pattern.exec(text)
    if (match) return issueMessage(code, params(match), context)
  }
  return issueMessage('server', {}, context)
}
