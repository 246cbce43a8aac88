import { useEffect, useMemo, useRef, useState, type BaseSyntheticEvent } from 'react'
import { useForm, type FieldErrors, type UseFormProps, type UseFormReturn } from 'react-hook-form'
import {
  toFormValues,
  toPayload,
  type PayloadMode,
  type PayloadResult,
  type SchemaFormValues,
} from '@/schema-form/form-values'
import { deepEqual, type JsonObject } from '@/schema-form/json-value'
import { useSchemaFormLanguage, type Language } from '@/schema-form/language'
import { checkSchemaValues, createSchemaResolver } from '@/schema-form/resolver'
import { buildObjectModel, type ObjectModel } from '@/schema-form/schema-model'
import {
  applyServerIssues,
  type ApplyServerIssuesOptions,
  type ServerIssue,
} from '@/schema-form/server-issues'
import { createValidator, type SchemaValidator } from '@/schema-form/validator'
import type { WidgetOverrides } from '@/schema-form/widget-choice'

export type UseSchemaFormOptions = {
  /** An object JSON Schema (e.g. the interaction item schema, or `rowsFormSchema(item)`). */
  schema: unknown
  /** A payload to start from (the record being edited); read once, on the first render. */
  defaultValues?: unknown
  /** Widget per field name or dotted path, e.g. `{ duration: 'duration-seconds' }`. */
  widgets?: WidgetOverrides
  /** 'create' leaves empty fields out; 'update' sends null for cleared nullable fields. */
  mode?: PayloadMode
  language?: string
  /** Anything else for useForm (not resolver, mode or defaultValues). */
  formOptions?: Omit<
    UseFormProps<SchemaFormValues, unknown, JsonObject>,
    'resolver' | 'defaultValues'
  >
}

export type UseSchemaFormResult = {
  form: UseFormReturn<SchemaFormValues, unknown, JsonObject>
  model: ObjectModel
  validator: SchemaValidator
  language: Language
  toPayload: (values: unknown) => PayloadResult
  /** Puts a 400's issues on their fields (see applyServerIssues), with friendly messages. */
  setServerIssues: (
    issues: readonly ServerIssue[],
    options?: Pick<ApplyServerIssuesOptions, 'basePath'>,
  ) => string[]
  /**
   * A submit handler like RHF's `handleSubmit`, fast where it counts: valid values reach
   * `onValid` within the submit event, without a form-state change. (RHF's handleSubmit first
   * sets `isSubmitting`, then clears `errors`, and each re-renders every field, in the frame that
   * should show what the submit did.) Invalid values go through RHF's handleSubmit, which shows
   * the errors and focuses the first one.
   */
  submitValid: (
    onValid: (payload: JsonObject) => Promise<void>,
  ) => (event?: BaseSyntheticEvent) => Promise<void>
}

/**
 * The schema object first seen, for as long as the content stays the same. Callers often build
 * it inline (`rowsFormSchema(item)` on every render); keyed on identity, every re-render of the
 * host would rebuild the model, validator and resolver and re-render every field of every row.
 */
function useStableSchema(schema: unknown): unknown {
  const [stable, setStable] = useState(schema)
  if (stable === schema || deepEqual(stable, schema)) return stable
  setStable(schema)
  return schema
}

/**
 * The form for one schema: model, validator and a resolver, with errors after a field is left
 * or on submit (onTouched) and live re-validation after that. `handleSubmit` hands over the
 * payload, converted and validated. A new schema needs a remount (give the form a `key`).
 */
export function useSchemaForm(options: UseSchemaFormOptions): UseSchemaFormResult {
  const { widgets, mode = 'create' } = options
  const schema = useStableSchema(options.schema)
  const language = useSchemaFormLanguage(options.language)
  const widgetsKey = JSON.stringify(widgets ?? {})
  // widgetsKey stands for `widgets`: callers usually pass a fresh literal on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(() => buildObjectModel(schema, { widgets }), [schema, widgetsKey])
  const validator = useMemo(() => createValidator(schema), [schema])
  const resolver = useMemo(
    () => createSchemaResolver({ model, validator, mode, language }),
    [model, validator, mode, language],
  )
  const [defaultValues] = useState(() =>
    toFormValues(model, options.defaultValues, { withDefaults: mode === 'create', language }),
  )
  const form = useForm<SchemaFormValues, unknown, JsonObject>({
    mode: 'onTouched',
    reValidateMode: 'onChange',
    ...options.formOptions,
    defaultValues,
    resolver,
  })
  const { setError, getValues, trigger, control, clearErrors, handleSubmit } = form

  // Messages are made in the language of the moment; re-check the fields that show one.
  const shownLanguage = useRef(language)
  useEffect(() => {
    if (shownLanguage.current === language) return
    shownLanguage.current = language
    const names = namesWithErrors(control._formState.errors)
    if (names.length > 0) void trigger(names)
  }, [language, control, trigger])

  return useMemo(
    () => ({
      form,
      model,
      validator,
      language,
      toPayload: (values: unknown) => toPayload(model, values, mode),
      setServerIssues: (issues, issueOptions = {}) =>
        applyServerIssues(setError, issues, {
          ...issueOptions,
          model,
          language,
          validator,
          payload: toPayload(model, getValues(), mode).payload,
        }),
      submitValid: (onValid) => (event) => {
        event?.preventDefault()
        const checked = checkSchemaValues({ model, validator, mode, language }, getValues())
        if (!checked.ok) return handleSubmit(onValid)(event)
        // Messages still on the fields (a server's, from the last answer) were about values
        // that are being sent again: they go, as RHF's handleSubmit would drop them.
        if (Object.keys(control._formState.errors).length > 0) clearErrors()
        // A copy: the journal keeps the payload while the (hidden) form lives on.
        return onValid(structuredClone(checked.payload))
      },
    }),
    [
      form,
      model,
      validator,
      language,
      mode,
      setError,
      getValues,
      control,
      clearErrors,
      handleSubmit,
    ],
  )
}

/**
 * Field names that show one of our own errors (`rows.root` counts as `rows`). A server's error
 * is kept: re-checking locally would replace what only the server knew.
 */
function namesWithErrors(errors: FieldErrors, prefix = ''): string[] {
  return Object.entries(errors).flatMap(([key, value]: [string, unknown]) => {
    if (typeof value !== 'object' || value === null || key === 'ref') return []
    if (prefix === '' && key === 'root') return []
    const name = key === 'root' ? prefix.slice(0, -1) : `${prefix}${key}`
    if ('message' in value && typeof value.message === 'string') {
      return 'type' in value && value.type === 'server' ? [] : [name]
    }
    return namesWithErrors(value, `${name}.`)
  })
}
