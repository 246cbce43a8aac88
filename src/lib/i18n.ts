import i18next from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import type { Translation } from '@/lib/locales/en'

export const LANGUAGES = ['en', 'nl'] as const
export type Language = (typeof LANGUAGES)[number]

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Translation }
  }
}

const LANGUAGE_STORAGE_KEY = 'candidate-timeline.language'
const DETECTION = {
  order: ['localStorage', 'navigator'],
  lookupLocalStorage: LANGUAGE_STORAGE_KEY,
  caches: ['localStorage'],
}

// One language's strings per chunk: a counsellor downloads only the language they read; the
// other arrives when they switch (`changeLanguage`).
const BUNDLES: Record<Language, () => Promise<Translation>> = {
  en: () => import('@/lib/locales/en').then((module) => module.en),
  nl: () => import('@/lib/locales/nl').then((module) => module.nl),
}

async function ensureBundle(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return
  i18next.addResourceBundle(language, 'translation', await BUNDLES[language]())
}

/** The user's earlier choice (localStorage), else the first of the browser's languages we have. */
export function detectLanguage(): Language {
  const found = new LanguageDetector(undefined, DETECTION).detect()
  const codes = Array.isArray(found) ? found : found ? [found] : []
  for (const code of codes) {
    // `nl-BE` or `en-GB` from the browser resolve to the language we have.
    const base = code.toLowerCase().split('-')[0]
    if (isLanguage(base)) return base
  }
  return 'en'
}

/** Switches the app's language, fetching its strings first (the UI never shows raw keys). */
export async function changeLanguage(language: Language): Promise<void> {
  await ensureBundle(language)
  await i18next.changeLanguage(language)
}

export function isLanguage(value: string | undefined): value is Language {
  return LANGUAGES.some((language) => language === value)
}

/** The language in use, narrowed to the ones we ship (i18next may report e.g. `nl-NL`). */
export function currentLanguage(): Language {
  const resolved = i18next.resolvedLanguage
  return isLanguage(resolved) ? resolved : 'en'
}

// Screen readers and the browser's own formatting (hyphenation, spell check) read <html lang>.
function syncHtmlLang(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage()
}

/**
 * Starts i18next once, with only the detected language's strings. Detection order: the user's
 * earlier choice (localStorage), then the browser's languages. Tests pass `lng` to pin one.
 */
export async function initI18n(options: { lng?: Language } = {}): Promise<typeof i18next> {
  const language = options.lng ?? detectLanguage()
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', syncHtmlLang)
    const translation = await BUNDLES[language]()
    await i18next
      .use(LanguageDetector) // remembers the choice (caches) when the language changes
      .use(initReactI18next)
      .init({
        resources: { [language]: { translation } },
        lng: language,
        fallbackLng: 'en',
        supportedLngs: [...LANGUAGES],
        nonExplicitSupportedLngs: true,
        load: 'languageOnly',
        interpolation: { escapeValue: false }, // React escapes already
        detection: DETECTION,
        returnNull: false,
      })
  } else if (options.lng) {
    await changeLanguage(options.lng)
  }
  syncHtmlLang()
  return i18next
}
