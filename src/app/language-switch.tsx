import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '@/lib/i18n'
import { useLanguage } from '@/lib/use-language'

/**
 * Two short toggle buttons (EN / NL) in a labelled group; each is named in its own language for
 * screen readers and reports `aria-pressed`. Plain buttons rather than MUI's ToggleButtonGroup:
 * two buttons need no roving focus, and the group's code (~3 KB gzip) was in every first load.
 */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const [language, setLanguage] = useLanguage()

  return (
    <Box
      role="group"
      aria-label={t('language.label')}
      sx={{ display: 'inline-flex', border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      {LANGUAGES.map((code, index) => {
        const isPressed = code === language
        return (
          <Button
            key={code}
            size="small"
            lang={code}
            aria-label={t(`language.${code}`)}
            aria-pressed={isPressed}
            onClick={() => {
              if (!isPressed) setLanguage(code)
            }}
            sx={{
              minWidth: 40,
              borderRadius: 0,
              borderLeft: index > 0 ? 1 : 0,
              borderColor: 'divider',
              // The default (primary) and action greys sit near 4.5:1 on the app bar.
              color: isPressed ? 'text.primary' : 'text.secondary',
              bgcolor: isPressed ? 'action.selected' : 'transparent',
            }}
          >
            {code.toUpperCase()}
          </Button>
        )
      })}
    </Box>
  )
}
