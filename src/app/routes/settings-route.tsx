import { useTranslation } from 'react-i18next'
import { PageTitle } from '@/app/routes/page-title'
import { SettingsPage } from '@/features/settings/settings-page'

/** `/settings`: connection, sandbox, language and theme. */
export function SettingsRoute() {
  const { t } = useTranslation()
  return (
    <>
      <PageTitle title={t('settings.pageTitle')} />
      <SettingsPage />
    </>
  )
}
