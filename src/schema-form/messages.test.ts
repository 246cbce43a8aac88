// @vitest-environment node
// Node: no test setup starts the app's i18next here, so the first tests see the engine alone.
import i18next from 'i18next'
import { expect, test } from 'vitest'
import type { FieldKind } from '@/schema-form/field-kind'
import type { Language } from '@/schema-form/language'
import { issueMessage, SCHEMA_FORM_NAMESPACE, uiText } from '@/schema-form/messages'
import type { IssueCode, IssueParams } from '@/schema-form/schema-issue'

// Every code, checked by the compiler: a new issue code must be listed here to compile.
const EVERY_CODE: Record<IssueCode, true> = {
  required: true,
  type: true,
  enum: true,
  const: true,
  minLength: true,
  maxLength: true,
  pattern: true,
  format: true,
  minimum: true,
  maximum: true,
  exclusiveMinimum: true,
  exclusiveMaximum: true,
  multipleOf: true,
  minItems: true,
  maxItems: true,
  uniqueItems: true,
  contains: true,
  additionalProperty: true,
  minProperties: true,
  maxProperties: true,
  propertyName: true,
  dependentRequired: true,
  oneOf: true,
  not: true,
  false: true,
  incompleteDate: true,
  invalidDate: true,
  yearOutOfRange: true,
  incompleteTime: true,
  notANumber: true,
  invalidDuration: true,
  cannotClear: true,
  server: true,
}
const CODES = Object.keys(EVERY_CODE) as IssueCode[]
const KINDS: readonly (FieldKind | undefined)[] = [
  undefined,
  'text',
  'integer',
  'multi-enum',
  'array-of-object',
  'date',
  'date-time',
]
const PARAMS: readonly IssueParams[] = [
  {},
  { limit: 1 },
  { limit: 3, actual: 5 },
  { limit: 255, actual: 0, property: 'colour', expected: ['integer'], formats: ['email'] },
]

test('without an app i18next, every message of every variant is a finished sentence in both languages', () => {
  expect(i18next.isInitialized).toBeFalsy()
  for (const language of ['en', 'nl'] as const)
    for (const code of CODES)
      for (const kind of KINDS)
        for (const params of PARAMS) {
          const message = issueMessage(code, params, { language, kind, label: 'Type' })
          expect(message, `${language} ${code} ${kind ?? '-'}`).toMatch(/\S/)
          expect(message).not.toMatch(/\{\{|issues\.|types\.|formats\./)
        }
})

test('the variant follows the field: choices, rows, a limit of one, the count now, seconds', () => {
  const say = (code: IssueCode, params: IssueParams, kind?: FieldKind, language: Language = 'en') =>
    issueMessage(code, params, { language, kind, label: 'Type' })
  expect(say('required', {})).toBe('Required')
  expect(say('required', {}, 'multi-enum')).toBe('Choose at least one type')
  expect(say('maxLength', { limit: 255, actual: 301 })).toBe('At most 255 characters (now 301)')
  expect(say('maxLength', { limit: 255 })).toBe('At most 255 characters')
  expect(say('minLength', { limit: 2, actual: 0 })).toBe('Required')
  expect(say('minItems', { limit: 1 }, 'multi-enum')).toBe('Choose at least one type')
  expect(say('minItems', { limit: 2 }, 'multi-enum')).toBe('Choose at least 2')
  expect(say('maxItems', { limit: 10 }, 'array-of-object', 'nl')).toBe('Maximaal 10 per keer')
  expect(say('type', { expected: ['integer'] }, 'date')).toBe('Enter a date like 31-12-2026')
  expect(say('notANumber', {}, 'integer', 'nl')).toBe('Vul een geheel getal in, zoals 12')
  expect(say('minimum', { limit: 1500.5 }, undefined, 'nl')).toBe('Minstens 1.500,5')
  expect(issueMessage('maximum', { limit: 86_400 }, { language: 'nl', isSeconds: true })).toBe(
    'Maximaal 24 u',
  )
})

test('the widgets’ own texts take their values, and a missing one leaves no placeholder', () => {
  expect(uiText('removeRow', 'nl', { n: 3 })).toBe('Rij 3 verwijderen')
  expect(uiText('maxRowsReached', 'en', { limit: 10 })).toBe('At most 10 per submission')
  expect(uiText('rowLegend', 'en')).toBe('Row ')
})

test('once the app runs i18next, the engine’s strings live in its store, one namespace like any', async () => {
  await i18next.init({ lng: 'nl', resources: {}, initAsync: false })
  expect(issueMessage('required', {}, { language: 'nl' })).toBe('Verplicht')
  expect(i18next.hasResourceBundle('en', SCHEMA_FORM_NAMESPACE)).toBe(true)
  expect(i18next.hasResourceBundle('nl', SCHEMA_FORM_NAMESPACE)).toBe(true)
  // The app's store is the one read: a string changed there is what the form says.
  i18next.addResource('nl', SCHEMA_FORM_NAMESPACE, 'issues.required', 'Vul dit in')
  expect(issueMessage('required', {}, { language: 'nl' })).toBe('Vul dit in')
})
