import { useTranslation } from 'react-i18next'
import { SYNC_NAMESPACE, registerSyncMessages } from '@/features/sync/messages'

// At import: the bundles must be in i18next before the first render asks for them.
registerSyncMessages()

export function useSyncTranslation() {
  return useTranslation(SYNC_NAMESPACE)
}
