import { addStrings } from '@/lib/i18n'
import type { SyncPanelMessages } from '@/features/sync/panel-messages'

/**
 * The sync feature's strings, in their own i18next namespace so this feature owns them: here
 * what the app bar's status line says; the panel brings the rest (panel-messages.ts).
 */
export const SYNC_NAMESPACE = 'sync'

export const syncEn = {
  indicator: {
    label: 'Sync status: {{summary}}',
    allSaved: 'All changes saved',
    syncing_one: '{{count}} change syncing',
    syncing_other: '{{count}} changes syncing',
    failed_one: '{{count}} failed',
    failed_other: '{{count}} failed',
    stale_one: '{{count}} delayed',
    stale_other: '{{count}} delayed',
  },
}

export type SyncStatusMessages = typeof syncEn

export const syncNl: SyncStatusMessages = {
  indicator: {
    label: 'Synchronisatie: {{summary}}',
    allSaved: 'Alle wijzigingen opgeslagen',
    syncing_one: '{{count}} wijziging wordt verwerkt',
    syncing_other: '{{count}} wijzigingen worden verwerkt',
    failed_one: '{{count}} mislukt',
    failed_other: '{{count}} mislukt',
    stale_one: '{{count}} vertraagd',
    stale_other: '{{count}} vertraagd',
  },
}

declare module 'i18next' {
  interface ResourceNamespaceMap {
    sync: SyncStatusMessages & SyncPanelMessages
  }
}

/** Adds the bundles (safe to call any number of times). */
export function registerSyncMessages(): void {
  addStrings(SYNC_NAMESPACE, { en: syncEn, nl: syncNl })
}
