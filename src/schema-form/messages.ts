import { formatDuration } from '@/schema-form/duration'
import type { Language } from '@/schema-form/language'
import type {
  Catalog,
  MessageContext,
  MessageVars,
  UiTextKey,
} from '@/schema-form/messages-catalog'
import { en } from '@/schema-form/messages-en'
import { nl } from '@/schema-form/messages-nl'
import type { IssueCode, IssueParams } from '@/schema-form/schema-issue'

/**
 * Every message a counsellor can see, in English and Dutch: specific ("At most 255 characters
 * (now 301)"), never a validator's own wording. Issue messages take the field's kind and label
 * so "required" on a list of choices reads "Choose at least one type".
 */

const CATALOGS: Record<Language, Catalog> = { en, nl }

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 20,
  }).format(value)
}

const COUNTS: readonly IssueCode[] = ['minLength', 'maxLength', 'minItems', 'maxItems']

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
  const vars: MessageVars = {
    limit: params.limit === undefined ? '' : amount(params.limit),
    actual: params.actual === undefined ? '' : formatNumber(params.actual, language),
    label: (context.label ?? '').toLowerCase(),
    property: params.property ?? '',
  }
  return CATALOGS[language].issues[code](vars, context, params)
}

export function uiText(
  key: UiTextKey,
  language: Language,
  vars: Record<string, string | number> = {},
): string {
  const strings = Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [name, String(value)]),
  )
  return CATALOGS[language].ui[key](strings)
}
