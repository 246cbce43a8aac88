import { Suspense, lazy, use, useState } from 'react'
import { RelayModeContext } from '@/app/relay-mode'
import { SyncIndicator } from '@/features/sync/sync-indicator'
import type { JournalEntry } from '@/mutations/journal-entry'

// The correction forms load only when a counsellor asks for one: none of it is in the first load.
const ResubmitHost = lazy(() =>
  import('@/app/resubmit-host').then((module) => ({ default: module.ResubmitHost })),
)

/** The header's sync status, whose "Edit & resubmit" opens the matching form. */
export function SyncStatus() {
  const [editing, setEditing] = useState<JournalEntry | null>(null)
  // Behind a relay the panel also lists colleagues' failed changes to the open candidate.
  const isOnRelay = use(RelayModeContext)
  return (
    <>
      <SyncIndicator onEdit={setEditing} hasColleagueFailures={isOnRelay} />
      {editing ? (
        <Suspense fallback={null}>
          <ResubmitHost
            key={editing.key}
            entry={editing}
            onClose={() => {
              setEditing(null)
            }}
          />
        </Suspense>
      ) : null}
    </>
  )
}
