import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined'
import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined'
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined'
import SyncProblemOutlined from '@mui/icons-material/SyncProblemOutlined'
import Button from '@mui/material/Button'
import { Suspense, lazy, useDeferredValue, useId, useMemo, useState } from 'react'
import { LazyTooltip } from '@/components/lazy-tooltip'
import '@/features/sync/sync-indicator.css'
import { countEntries, type SyncCounts } from '@/features/sync/sync-counts'
import { useSyncTranslation } from '@/features/sync/use-sync-translation'
import type { JournalEntry } from '@/mutations/journal-entry'
import { useJournal } from '@/mutations/use-journal'

// The panel (popover, entry list, actions) is a chunk of its own: the status line is on every
// page, the panel only when someone opens it. Pointer or focus on the button fetches it early.
const loadPanel = () => import('@/features/sync/sync-panel')
const SyncPanel = lazy(() => loadPanel().then((module) => ({ default: module.SyncPanel })))

export type SyncIndicatorProps = {
  /** "Edit & resubmit": open the matching form filled with `entry.payload`; submit it with
   * `useJournal().resubmit(entry.key, payload)`. Without it the action is not offered. */
  onEdit?: (entry: JournalEntry) => void
  /** The panel lists colleagues' failed changes to the open candidate (behind a relay). */
  hasColleagueFailures?: boolean
}

/**
 * The app bar's sync status: "2 changes syncing", "1 failed", "All changes saved". Opens a
 * panel listing every change with its phase, the reason when it needs attention, and actions.
 */
export function SyncIndicator({ onEdit, hasColleagueFailures = false }: SyncIndicatorProps) {
  const { t } = useSyncTranslation()
  const { entries } = useJournal()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  // Mounted from the first open on, so closing plays the popover's exit transition.
  const [hasOpened, setHasOpened] = useState(false)
  const panelId = useId()
  // The words follow a render later: the render that shows a new pending card stays small.
  const lazyEntries = useDeferredValue(entries)
  const counts = useMemo(() => countEntries(lazyEntries), [lazyEntries])
  const summary = summarize(counts, t)
  const label = t('indicator.label', { summary })
  const isOpen = anchor !== null

  const handleEdit = onEdit
    ? (entry: JournalEntry) => {
        setAnchor(null)
        onEdit(entry)
      }
    : undefined
  function preload() {
    void loadPanel()
  }

  // Kept while nothing it shows changed, so a journal change alone does not re-render it.
  const button = useMemo(
    () => (
      // On a phone only the icon shows; its name and tooltip carry the words.
      <LazyTooltip title={label}>
        <Button
          color={counts.failed > 0 ? 'error' : counts.stale > 0 ? 'warning' : 'inherit'}
          startIcon={iconFor(counts)}
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={isOpen}
          aria-controls={isOpen ? panelId : undefined}
          onClick={(event) => {
            setHasOpened(true)
            setAnchor(event.currentTarget)
          }}
          onPointerEnter={preload}
          onFocus={preload}
          className="sync-status"
          sx={{ textTransform: 'none' }}
        >
          <span className="sync-status-words">{summary}</span>
        </Button>
      </LazyTooltip>
    ),
    [counts, label, summary, isOpen, panelId],
  )

  return (
    <>
      {button}
      {hasOpened && (
        <Suspense fallback={null}>
          <SyncPanel
            id={panelId}
            anchor={anchor}
            onClose={() => {
              setAnchor(null)
            }}
            onEdit={handleEdit}
            hasColleagueFailures={hasColleagueFailures}
          />
        </Suspense>
      )}
    </>
  )
}

type Translate = ReturnType<typeof useSyncTranslation>['t']

function summarize(counts: SyncCounts, t: Translate): string {
  const parts = [
    counts.failed > 0 ? t('indicator.failed', { count: counts.failed }) : null,
    counts.stale > 0 ? t('indicator.stale', { count: counts.stale }) : null,
    counts.syncing > 0 ? t('indicator.syncing', { count: counts.syncing }) : null,
  ].filter((part) => part !== null)
  return parts.length > 0 ? parts.join(' · ') : t('indicator.allSaved')
}

function iconFor(counts: SyncCounts) {
  if (counts.failed > 0) return <SyncProblemOutlined />
  if (counts.stale > 0) return <ScheduleOutlined />
  if (counts.syncing > 0) return <CloudSyncOutlined />
  return <CloudDoneOutlined />
}
