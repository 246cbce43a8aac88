/** What the app bar's sync status says (the sync panel brings the rest with its chunk). */
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
