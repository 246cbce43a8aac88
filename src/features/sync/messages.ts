import type { SyncStatusMessages } from '@/lib/locales/sync-en'
import type { SyncPanelMessages } from '@/features/sync/panel-messages'

/**
 * The sync feature's strings, in their own i18next namespace so this feature owns them: what
 * the app bar's status line says comes with the language's strings (lib/locales/sync-en.ts); the
 * panel brings the rest (panel-messages.ts).
 */
export const SYNC_NAMESPACE = 'sync'

declare module 'i18next' {
  interface ResourceNamespaceMap {
    sync: SyncStatusMessages & SyncPanelMessages
  }
}
