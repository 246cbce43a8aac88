import i18next from 'i18next'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { changeLanguage, detectLanguage } from '@/lib/i18n'

beforeEach(() => {
  localStorage.clear() // the setup's start remembered English
})
afterEach(async () => {
  localStorage.clear()
  await changeLanguage('en')
})

test('the language comes from an earlier choice, else the browser; unknown ones get English', () => {
  const languages = vi.spyOn(navigator, 'languages', 'get')
  languages.mockReturnValue(['nl-BE', 'en-GB'])
  expect(detectLanguage()).toBe('nl')
  languages.mockReturnValue(['de-DE', 'fr'])
  expect(detectLanguage()).toBe('en')
  languages.mockReturnValue(['de-DE', 'en-US'])
  expect(detectLanguage()).toBe('en')
  localStorage.setItem('candidate-timeline.language', 'nl')
  expect(detectLanguage()).toBe('nl')
})

test('only the language in use is downloaded; switching fetches the other and remembers it', async () => {
  // The test setup started the app's i18next in English.
  expect(i18next.hasResourceBundle('en', 'translation')).toBe(true)
  expect(i18next.hasResourceBundle('nl', 'translation')).toBe(false)

  await changeLanguage('nl')
  expect(i18next.t('language.label')).toBe('Taal')
  expect(document.documentElement.lang).toBe('nl')
  expect(localStorage.getItem('candidate-timeline.language')).toBe('nl')
})
