import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { changeReasonEn } from '@/lib/locales/change-reason-en'
import type { FeatureNamespaces, Translation } from '@/lib/locales/en'
import type { liveEn } from '@/lib/locales/live-en'
import type { qaPanelEn } from '@/lib/locales/qa-panel-en'
import type { relayChangeReasonEn, relayEn } from '@/lib/locales/relay-en'
import type { settingsPageEn } from '@/lib/locales/settings-page-en'

export const LANGUAGES = ['en', 'nl'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * Every key `t()` accepts: the language bundle's (`Translation`, in the first load) and those a
 * lazily loaded part adds when its chunk arrives (`addLazyStrings`).
 */
export type AppStrings = Translation & {
  settings: typeof settingsPageEn
  qa: typeof qaPanelEn
  relay: typeof relayEn
  changeReason: typeof changeReasonEn & typeof relayChangeReasonEn
  live: typeof liveEn
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: AppStrings }
  }
}

const LANGUAGE_STORAGE_KEY = 'candidate-timeline.language'

// One language's strings per chunk: a counsellor downloads only the language they read; the
// other arrives when they switch (`changeLanguage`).
// Features' first-screen namespaces (`FeatureNamespaces`) come in the same chunk.
type Bundle = { translation: Translation; namespaces: FeatureNamespaces }
const BUNDLES: Record<Language, () => Promise<Bundle>> = {
  en: () =>
    import('@/lib/locales/en').then((module) => ({
      translation: module.en,
      namespaces: module.enNamespaces,
    })),
  nl: () =>
    import('@/lib/locales/nl').then((module) => ({
      translation: module.nl,
      namespaces: module.nlNamespaces,
    })),
}

// Not `hasResourceBundle`: lazy strings (`addLazyStrings`) may create a language's bundle first.
const loaded = new Set<Language>()

async function ensureBundle(language: Language): Promise<void> {
  if (loaded.has(language)) return
  // Deep-merged: keeps lazy strings added before the language's own bundle arrived.
  const { translation, namespaces } = await BUNDLES[language]()
  i18next.addResourceBundle(language, 'translation', translation, true, false)
  for (const [namespace, strings] of Object.entries(namespaces))
    i18next.addResourceBundle(language, namespace, strings, true, false)
  loaded.add(language)
}

type DeepPartialStrings<T> = {
  [K in keyof T]?: T[K] extends string ? T[K] : DeepPartialStrings<T[K]>
}

/**
 * Adds strings in both languages to a namespace once i18next runs (its store does not exist
 * before `init`), merged into what is there; safe to call any number of times. Features own
 * their namespaces this way, and a lazily loaded part brings its own strings with its chunk.
 */
export function addStrings(namespace: string, bundles: Record<Language, object>): void {
  const add = () => {
    for (const language of LANGUAGES)
      i18next.addResourceBundle(language, namespace, bundles[language], true, false)
  }
  if (i18next.isInitialized) add()
  else i18next.on('initialized', add)
}

/**
 * Strings of the app's own namespace that only a lazily loaded part uses (the settings page, the
 * QA drawer): its chunk brings them, so the first load does not carry them. Call at module
 * level, before that part renders.
 */
export function addLazyStrings(bundles: Record<Language, DeepPartialStrings<AppStrings>>): void {
  addStrings('translation', bundles)
}

/** The user's earlier choice (localStorage), else the first of the browser's languages we have. */
export function detectLanguage(): Language {
  // Two sources and two languages: no detector plugin (i18next-browser-languagedetector was
  // 2 KB gzip of the first load for what these lines do).
  const codes = [readStored(), ...navigator.languages, navigator.language]
  for (const code of codes) {
    if (!code) continue
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

function readStored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY)
  } catch {
    return null // storage blocked: the browser's languages decide
  }
}

/** Remembers the language in use for the next visit (also the detected one, as before). */
function remember(language: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Storage blocked or full: the next visit detects again.
  }
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
    i18next.on('languageChanged', () => {
      remember(currentLanguage())
    })
    const { translation, namespaces } = await BUNDLES[language]()
    loaded.add(language)
    await i18next.use(initReactI18next).init({
      resources: { [language]: { translation, ...namespaces } },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
    })
  } else if (options.lng) {
    await changeLanguage(options.lng)
  }
  syncHtmlLang()
  return i18next
}
