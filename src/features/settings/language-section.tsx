import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, isLanguage } from '@/lib/i18n'
import { useLanguage } from '@/lib/use-language'
import { SettingsSection } from '@/features/settings/settings-section'

/** English or Dutch; each option named in its own language. Remembered by i18next. */
export function LanguageSection() {
  const { t } = useTranslation()
  const labelId = useId()
  const [language, setLanguage] = useLanguage()

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    if (isLanguage(event.target.value)) setLanguage(event.target.value)
  }

  return (
    <SettingsSection title={t('settings.language.heading')}>
      <FormControl>
        <FormLabel id={labelId}>{t('settings.language.label')}</FormLabel>
        <RadioGroup aria-labelledby={labelId} value={language} onChange={handleChange}>
          {LANGUAGES.map((code) => (
            <FormControlLabel
              key={code}
              value={code}
              control={<Radio />}
              label={<span lang={code}>{t(`language.${code}`)}</span>}
            />
          ))}
        </RadioGroup>
      </FormControl>
    </SettingsSection>
  )
}
