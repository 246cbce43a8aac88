import i18next from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import { en, type Translation } from '@/lib/locales/en'
import { nl } from '@/lib/locales/nl'

export const LANGUAGES = ['en', 'nl'] as const
export type Language = (typeof LANGUAGES)[number]

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Translation }
  }
}

const LANGUAGE_STORAGE_KEY = 'candidate-timeline.language'

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
 * Starts i18next once. Detection order: the user's earlier choice (localStorage), then the
 * browser's languages. Tests pass `lng` to pin a language and skip detection.
 */
export async function initI18n(options: { lng?: Language } = {}): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', syncHtmlLang)
    await i18next
      .use(LanguageDetector)
      .use(initReactI18next)
      .init({
        resources: { en: { translation: en }, nl: { translation: nl } },
        ...(options.lng ? { lng: options.lng } : {}),
        fallbackLng: 'en',
        supportedLngs: [...LANGUAGES],
        // `nl-BE` or `en-GB` from the browser resolve to the language we have.
        nonExplicitSupportedLngs: true,
        load: 'languageOnly',
        interpolation: { escapeValue: false }, // React escapes already
        detection: {
          order: ['localStorage', 'navigator'],
          lookupLocalStorage: LANGUAGE_STORAGE_KEY,
          caches: ['localStorage'],
        },
        returnNull: false,
      })
  } else if (options.lng) {
    await i18next.changeLanguage(options.lng)
  }
  syncHtmlLang()
  return i18next
}
