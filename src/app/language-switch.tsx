import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, isLanguage } from '@/lib/i18n'
import { useLanguage } from '@/lib/use-language'

/** Two short buttons (EN / NL); each is named in its own language for screen readers. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const [language, setLanguage] = useLanguage()

  function handleChange(_event: unknown, next: string | null) {
    // An exclusive group reports null when the pressed button is pressed again: keep the choice.
    if (next && isLanguage(next)) setLanguage(next)
  }

  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={language}
      onChange={handleChange}
      aria-label={t('language.label')}
    >
      {LANGUAGES.map((code) => (
        <ToggleButton key={code} value={code} lang={code} aria-label={t(`language.${code}`)}>
          {code.toUpperCase()}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  )
}
