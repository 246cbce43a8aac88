import { Suspense, lazy } from 'react'
import { useJournalSnapshot } from '@/mutations/use-journal'

// Rare, so not in the first load: only the check is.
const JournalHaltAlert = lazy(() =>
  import('@/features/sync/journal-halt-alert').then((module) => ({
    default: module.JournalHaltAlert,
  })),
)

/** Says loudly, on every page, when no change is being sent (see JournalHalt). */
export function JournalHaltBanner() {
  const isHalted = useJournalSnapshot().halt !== null
  if (!isHalted) return null
  return (
    <Suspense fallback={null}>
      <JournalHaltAlert />
    </Suspense>
  )
}
