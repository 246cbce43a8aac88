import i18next from 'i18next'
import { afterEach, expect, test } from 'vitest'
import { addLazyStrings, changeLanguage } from '@/lib/i18n'

// Its own file: i18next and the set of loaded languages live as long as the test file's modules.
afterEach(async () => {
  await changeLanguage('en')
})

test('lazy strings merge into both languages without standing in for a language not yet loaded', async () => {
  // English is loaded (test setup), Dutch is not: its bundle is created by the lazy strings.
  addLazyStrings({
    en: { settings: { language: { heading: 'Lazy heading' } } },
    nl: { settings: { language: { heading: 'Luie kop' } } },
  })
  expect(i18next.t('settings.language.heading')).toBe('Lazy heading')
  expect(i18next.t('app.productName')).toBe('Candidate Timeline') // the base is kept

  await changeLanguage('nl')
  // Switching still fetched Dutch's own strings, and kept the lazy ones added before.
  expect(i18next.t('language.label')).toBe('Taal')
  expect(i18next.t('settings.language.heading')).toBe('Luie kop')
})
