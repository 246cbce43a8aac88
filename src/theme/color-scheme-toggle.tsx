import DarkModeIcon from '@mui/icons-material/DarkMode'
import LightModeIcon from '@mui/icons-material/LightMode'
import IconButton from '@mui/material/IconButton'
import { useColorScheme } from '@mui/material/styles'
import { useTranslation } from 'react-i18next'
import { LazyTooltip } from '@/components/lazy-tooltip'

/**
 * Flips between light and dark. Until the user picks one, the OS preference rules (MUI's
 * `system` mode); the first click pins the opposite of what is showing, and MUI remembers it.
 */
export function ColorSchemeToggle() {
  const { t } = useTranslation()
  const { mode, systemMode, setMode } = useColorScheme()
  const shown = mode === 'system' ? systemMode : mode
  const isDark = shown === 'dark'
  const label = isDark ? t('theme.switchToLight') : t('theme.switchToDark')

  function handleClick() {
    setMode(isDark ? 'light' : 'dark')
  }

  return (
    <LazyTooltip title={label}>
      <IconButton color="inherit" onClick={handleClick} aria-label={label}>
        {isDark ? <LightModeIcon /> : <DarkModeIcon />}
      </IconButton>
    </LazyTooltip>
  )
}
