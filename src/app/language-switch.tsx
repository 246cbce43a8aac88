import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, changeLanguage, currentLanguage, isLanguage } from '@/lib/i18n'

/** Two short buttons (EN / NL); each is named in its own language for screen readers. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const language = currentLanguage()

  function handleChange(_event: unknown, next: string | null) {
    // An exclusive group reports null when the pressed button is pressed again: keep the choice.
    if (next && isLanguage(next)) void changeLanguage(next)
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
