import { useOptimistic, useTransition } from 'react'
import { useTranslation } from 'react-i18next'
import { changeLanguage, currentLanguage, type Language } from '@/lib/i18n'

/**
 * The language in use and a way to switch it. The other language's strings download on the
 * first switch; until they are in, the control already shows the choice (optimistically).
 */
export function useLanguage(): [Language, (next: Language) => void] {
  useTranslation() // re-render when the language changes
  const [shown, setShown] = useOptimistic<Language>(currentLanguage())
  const [, startTransition] = useTransition()
  function choose(next: Language) {
    startTransition(async () => {
      setShown(next)
      await changeLanguage(next)
    })
  }
  return [shown, choose]
}
