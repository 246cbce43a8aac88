import { useTranslation } from 'react-i18next'
import { SYNC_NAMESPACE } from '@/features/sync/messages'

// The status line's strings come with the language's strings (lib/i18n.ts); the panel adds its own.
export function useSyncTranslation() {
  return useTranslation(SYNC_NAMESPACE)
}
