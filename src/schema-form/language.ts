import { createContext, useCallback, useContext, useSyncExternalStore } from 'react'
import type { i18n } from 'i18next'
import { getI18n, I18nContext } from 'react-i18next'

/**
 * The engine speaks English and Dutch (its `schemaForm` i18next namespace, messages.ts), also in
 * an app without any i18n resources. The language comes from, in order: an explicit `language`
 * prop, the SchemaFormProvider, react-i18next's current language, English.
 */
export type Language = 'en' | 'nl'

function toLanguage(value: string | undefined | null): Language | undefined {
  if (!value) return undefined
  return value.toLowerCase().startsWith('nl') ? 'nl' : 'en'
}

export const SchemaFormLanguageContext = createContext<Language | undefined>(undefined)

function maybe<T>(value: T): T | undefined {
  return value
}

function useI18nInstance(): i18n | undefined {
  // Both are typed as always present but are undefined when the app has no i18next at all.
  const fromContext = maybe(useContext(I18nContext))
  return maybe(fromContext?.i18n) ?? maybe(getI18n())
}

const ignoreChanges = () => () => undefined

/**
 * Follows i18next's language without useTranslation (which warns when there is no instance).
 * Not when `isSettled`: a SchemaFormProvider above already follows it, once for all fields.
 */
function useI18nLanguage(isSettled: boolean): string | undefined {
  const i18n = useI18nInstance()
  const subscribe = useCallback(
    (notify: () => void) => {
      i18n?.on('languageChanged', notify)
      return () => i18n?.off('languageChanged', notify)
    },
    [i18n],
  )
  return useSyncExternalStore(
    isSettled ? ignoreChanges : subscribe,
    () => i18n?.resolvedLanguage ?? i18n?.language,
    () => i18n?.resolvedLanguage ?? i18n?.language,
  )
}

export function useSchemaFormLanguage(explicit?: string): Language {
  const provided = useContext(SchemaFormLanguageContext)
  const settled = toLanguage(explicit) ?? provided
  const fromI18n = useI18nLanguage(settled !== undefined)
  return settled ?? toLanguage(fromI18n) ?? 'en'
}
