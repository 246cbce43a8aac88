import type { SyncStatusMessages } from '@/lib/locales/sync-en'

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
