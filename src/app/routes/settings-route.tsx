import { Suspense, lazy } from 'react'
import { useTranslation } from 'react-i18next'
import { PageTitle } from '@/app/routes/page-title'
import { RouteFallback } from '@/app/routes/route-fallback'

// The connection form (react-hook-form, the connection test) is its own chunk: nobody needs it
// to read a timeline.
const SettingsPage = lazy(() =>
  import('@/features/settings/settings-page').then((module) => ({ default: module.SettingsPage })),
)
// What forgets a connection's data when the counsellor leaves it: needed only on save.
const loadConnectionData = () =>
  import('@/app/forget-connection').then((module) => module.connectionData)

/** `/settings`: connection, sandbox, language and theme. */
export function SettingsRoute() {
  const { t } = useTranslation()
  return (
    <>
      <PageTitle title={t('settings.pageTitle')} />
      <Suspense fallback={<RouteFallback />}>
        <SettingsPage loadConnectionData={loadConnectionData} />
      </Suspense>
    </>
  )
}
