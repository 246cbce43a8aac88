import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { AppearanceSection } from '@/features/settings/appearance-section'
import { ConnectionSection } from '@/features/settings/connection-section'
import { LanguageSection } from '@/features/settings/language-section'
import { SandboxSection } from '@/features/settings/sandbox-section'
import type { ConnectionDataPort } from '@/features/settings/use-connection-form'
import { addLazyStrings } from '@/lib/i18n'
import { settingsPageEn } from '@/lib/locales/settings-page-en'
import { settingsPageNl } from '@/lib/locales/settings-page-nl'

// The page's strings travel with its chunk (the first load has only the header's).
addLazyStrings({ en: { settings: settingsPageEn }, nl: { settings: settingsPageNl } })

/** `/settings`: connection, sandbox, language and theme. */
export function SettingsPage({
  loadConnectionData,
}: {
  loadConnectionData?: () => Promise<ConnectionDataPort>
}) {
  const { t } = useTranslation()
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('settings.pageTitle')}
      </Typography>
      <ConnectionSection loadConnectionData={loadConnectionData} />
      <SandboxSection />
      <LanguageSection />
      <AppearanceSection />
    </>
  )
}
