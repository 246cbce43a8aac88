import i18next, { type i18n, type TFunction } from 'i18next'
import { formatDuration } from '@/schema-form/duration'
import type { FieldKind } from '@/schema-form/field-kind'
import type { Language } from '@/schema-form/language'
import { schemaFormEn, type SchemaFormStrings } from '@/schema-form/locales/en'
import { schemaFormNl } from '@/schema-form/locales/nl'
import type { IssueCode, IssueParams } from '@/schema-form/schema-issue'

/**
 * Every message a counsellor can see, in English and Dutch: specific ("At most 255 characters
 * (now 301)"), never a validator's own wording. Issue messages take the field's kind and label
 * so "required" on a list of choices reads "Choose at least one type".
 *
 * The strings are an i18next namespace, the way every part of the app brings its strings
 * (locales/en.ts, locales/nl.ts). They go into the app's i18next once it runs; an app without
 * i18next gets an instance of the engine's own, so the engine still works on its own.
 */
export const SCHEMA_FORM_NAMESPACE = 'schemaForm'

declare module 'i18next' {
  interface ResourceNamespaceMap {
    schemaForm: SchemaFormStrings
  }
}

export type MessageContext = {
  language: Language
  label?: string
  kind?: FieldKind
  isSeconds?: boolean
}

const BUNDLES: Record<Language, SchemaFormStrings> = { en: schemaFormEn, nl: schemaFormNl }

const added = new WeakSet<i18n>()
let ownInstance: i18n | undefined

function engineI18n(): i18n {
  if (i18next.isInitialized) {
    if (!added.has(i18next)) {
      for (const [language, strings] of Object.entries(BUNDLES))
        i18next.addResourceBundle(language, SCHEMA_FORM_NAMESPACE, strings, true, false)
      added.add(i18next)
    }
    return i18next
  }
  if (!ownInstance) {
    ownInstance = i18next.createInstance()
    void ownInstance.init({
      resources: {
        en: { [SCHEMA_FORM_NAMESPACE]: schemaFormEn },
        nl: { [SCHEMA_FORM_NAMESPACE]: schemaFormNl },
      },
      lng: 'en',
      fallbackLng: 'en',
      ns: [SCHEMA_FORM_NAMESPACE],
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes already
    })
  }
  return ownInstance
}

function translate(language: Language): TFunction<'schemaForm'> {
  return engineI18n().getFixedT(language, SCHEMA_FORM_NAMESPACE)
}

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 20,
  }).format(value)
}

const COUNTS: readonly IssueCode[] = ['minLength', 'maxLength', 'minItems', 'maxItems']

type Strings = SchemaFormStrings
type Key =
  | `types.${keyof Strings['types']}`
  | `formats.${keyof Strings['formats']}`
  | `issues.${keyof Strings['issues']}`

type TypeKey = keyof Strings['types']
const TYPES: readonly TypeKey[] = ['integer', 'number', 'string', 'boolean', 'array']

/** "Wrong type" said the way the field is filled in (a date field asks for a date). */
function typeKey(context: MessageContext, params: IssueParams): Key {
  if (context.kind === 'date' || context.kind === 'date-or-date-time') return 'formats.date'
  if (context.kind === 'date-time') return 'formats.dateTime'
  const expected = params.expected ?? []
  return `types.${TYPES.find((type) => expected.includes(type)) ?? 'other'}`
}

function formatKey(context: MessageContext, params: IssueParams): Key {
  const formats = params.formats ?? [params.format]
  if (formats.includes('date') || context.kind === 'date-or-date-time') return 'formats.date'
  if (formats.includes('date-time')) return 'formats.dateTime'
  if (formats.includes('email')) return 'formats.email'
  if (formats.includes('uri') || formats.includes('url')) return 'formats.uri'
  return 'formats.other'
}

/** Which string says what went wrong with this field: the variant for its kind and counts. */
function issueKey(code: IssueCode, context: MessageContext, params: IssueParams): Key {
  const rows = context.kind === 'array-of-object'
  switch (code) {
    case 'type':
      return typeKey(context, params)
    case 'format':
      return formatKey(context, params)
    case 'required':
      return context.kind === 'multi-enum' ? 'issues.requiredChoice' : 'issues.required'
    case 'minLength':
      if (params.actual === 0) return 'issues.required'
      return params.actual === undefined ? 'issues.minLength' : 'issues.minLengthNow'
    case 'maxLength':
      return params.actual === undefined ? 'issues.maxLength' : 'issues.maxLengthNow'
    case 'minItems':
      if (rows) return 'issues.minRows'
      return params.limit === 1 ? 'issues.minItemsOne' : 'issues.minItems'
    case 'maxItems':
      return rows ? 'issues.maxRows' : 'issues.maxItems'
    case 'incompleteDate':
      return context.kind === 'date-time' ? 'issues.incompleteDateTime' : 'issues.incompleteDate'
    case 'notANumber':
      return context.kind === 'integer' ? 'issues.notAWholeNumber' : 'issues.notANumber'
    default:
      return `issues.${code}`
  }
}

export function issueMessage(
  code: IssueCode,
  params: IssueParams,
  context: MessageContext,
): string {
  const { language } = context
  // A limit on seconds reads as a duration ("At most 24 h"); counts never do.
  const amount = (value: number) =>
    context.isSeconds && !COUNTS.includes(code)
      ? formatDuration(value, language)
      : formatNumber(value, language)
  return translate(language)(issueKey(code, context, params), {
    limit: params.limit === undefined ? '' : amount(params.limit),
    actual: params.actual === undefined ? '' : formatNumber(params.actual, language),
    label: (context.label ?? '').toLowerCase(),
    property: params.property ?? '',
  })
}

export type UiTextKey = keyof Strings['ui']

/** What the widgets' own texts can mention: a row number, a limit, a duration, a label. */
type UiTextVars = {
  n?: string | number
  limit?: string | number
  duration?: string
  label?: string
}

export function uiText(key: UiTextKey, language: Language, vars: UiTextVars = {}): string {
  const path: `ui.${UiTextKey}` = `ui.${key}`
  return translate(language)(path, {
    n: String(vars.n ?? ''),
    limit: String(vars.limit ?? ''),
    duration: vars.duration ?? '',
    label: vars.label ?? '',
  })
}
