import { useQuery } from '@tanstack/react-query'
import { Suspense, lazy, use, useState } from 'react'
import { useRoute } from 'wouter'
import type { AuditFailure, CandidateAudit } from '@/api/audit'
import { apiQueries } from '@/api/query-options'
import { RelayModeContext } from '@/app/relay-mode'
import { useApi } from '@/config/connection'
import { SyncIndicator } from '@/features/sync/sync-indicator'
import type { JournalEntry } from '@/mutations/journal-entry'
import { useJournal } from '@/mutations/use-journal'

// The correction forms load only when a counsellor asks for one: none of it is in the first load.
const ResubmitHost = lazy(() =>
  import('@/app/resubmit-host').then((module) => ({ default: module.ResubmitHost })),
)

/** The header's sync status, whose "Edit & resubmit" opens the matching form. */
export function SyncStatus() {
  const [editing, setEditing] = useState<JournalEntry | null>(null)
  const colleagueFailures = useColleagueFailures()
  return (
    <>
      <SyncIndicator onEdit={setEditing} colleagueFailures={colleagueFailures} />
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

const NO_FAILURES: readonly AuditFailure[] = []

/**
 * Behind a relay, with a candidate open: its failed changes that this tab's journal does not
 * hold (those it shows itself). The same cached audit the timeline asked for; no extra read.
 */
function useColleagueFailures(): readonly AuditFailure[] {
  const api = useApi()
  const isOnRelay = use(RelayModeContext)
  const [, params] = useRoute('/candidates/:candidateId')
  const candidateId = params?.candidateId ?? ''
  const { entries } = useJournal()
  const audit = useQuery({
    ...apiQueries.candidateAudit(api, candidateId),
    enabled: isOnRelay && candidateId !== '',
    select: (data: CandidateAudit) => data.failures,
  })
  const failures = audit.data
  if (!failures || failures.length === 0) return NO_FAILURES
  const ownKeys = new Set(entries.map((entry) => entry.key))
  return failures.filter((failure) => !ownKeys.has(failure.idempotencyKey))
}
