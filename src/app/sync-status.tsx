import { Suspense, lazy, useState } from 'react'
import { SyncIndicator } from '@/features/sync/sync-indicator'
import type { JournalEntry } from '@/mutations/journal-entry'

// The correction forms load only when a counsellor asks for one: none of it is in the first load.
const ResubmitHost = lazy(() =>
  import('@/app/resubmit-host').then((module) => ({ default: module.ResubmitHost })),
)

/** The header's sync status, whose "Edit & resubmit" opens the matching form. */
export function SyncStatus() {
  const [editing, setEditing] = useState<JournalEntry | null>(null)
  return (
    <>
      <SyncIndicator onEdit={setEditing} />
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
