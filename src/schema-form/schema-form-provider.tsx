import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns'
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider'
import { nlNL } from '@mui/x-date-pickers/locales'
import { enGB } from 'date-fns/locale/en-GB'
import { nl } from 'date-fns/locale/nl'
import type { ReactNode } from 'react'
import { SchemaFormLanguageContext, useSchemaFormLanguage } from '@/schema-form/language'

export type SchemaFormProviderProps = {
  /** 'en' or 'nl' (or 'nl-NL' …); default: react-i18next's language, else English. */
  language?: string
  children: ReactNode
}

const DUTCH_PICKER_TEXT = nlNL.components.MuiLocalizationProvider.defaultProps.localeText

/**
 * Put once around schema forms: the date pickers' adapter (date-fns, the project's only date
 * library) with a Dutch or British locale, and the language the engine's messages use.
 */
export function SchemaFormProvider({ language, children }: SchemaFormProviderProps) {
  const resolved = useSchemaFormLanguage(language)
  return (
    <SchemaFormLanguageContext.Provider value={resolved}>
      <LocalizationProvider
        dateAdapter={AdapterDateFns}
        adapterLocale={resolved === 'nl' ? nl : enGB}
        localeText={resolved === 'nl' ? DUTCH_PICKER_TEXT : undefined}
      >
        {children}
      </LocalizationProvider>
    </SchemaFormLanguageContext.Provider>
  )
}
