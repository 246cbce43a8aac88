import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined'
import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined'
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined'
import SyncProblemOutlined from '@mui/icons-material/SyncProblemOutlined'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import List from '@mui/material/List'
import Popover from '@mui/material/Popover'
import Typography from '@mui/material/Typography'
import { useId, useRef, useState } from 'react'
import { countEntries, type SyncCounts } from '@/features/sync/describe-entry'
import { SyncEntryItem } from '@/features/sync/sync-entry-item'
import { useSyncTranslation } from '@/features/sync/use-sync-translation'
import type { JournalEntry } from '@/mutations/journal-entry'
import { useJournal } from '@/mutations/use-journal'

export type SyncIndicatorProps = {
  /** "Edit & resubmit": open the matching form filled with `entry.payload`; submit it with
   * `useJournal().resubmit(entry.key, payload)`. Without it the action is not offered. */
  onEdit?: (entry: JournalEntry) => void
}

/**
 * The app bar's sync status: "2 changes syncing", "1 failed", "All changes saved". Opens a
 * panel listing every change with its phase, the reason when it needs attention, and actions.
 */
export function SyncIndicator({ onEdit }: SyncIndicatorProps) {
  const { t } = useSyncTranslation()
  const { entries, storageProblem, eventsStatus, retry, discard } = useJournal()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const panelId = useId()
  const titleId = useId()
  const counts = countEntries(entries)
  const summary = summarize(counts, t)
  const isOpen = anchor !== null
  const titleRef = useRef<HTMLHeadingElement>(null)

  // The pressed button disappears with the change it acted on: keep focus inside the panel.
  const handleRetry = (key: string) => {
    retry(key)
    titleRef.current?.focus()
  }
  const handleDiscard = (key: string) => {
    discard(key)
    titleRef.current?.focus()
  }

  const handleEdit = onEdit
    ? (entry: JournalEntry) => {
        setAnchor(null)
        onEdit(entry)
      }
    : undefined

  return (
    <>
      <Button
        color={counts.failed > 0 ? 'error' : counts.stale > 0 ? 'warning' : 'inherit'}
        startIcon={iconFor(counts)}
        aria-label={t('indicator.label', { summary })}
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onClick={(event) => {
          setAnchor(event.currentTarget)
        }}
        sx={{ textTransform: 'none' }}
      >
        {summary}
      </Button>
      <Popover
        id={panelId}
        open={isOpen}
        anchorEl={anchor}
        onClose={() => {
          setAnchor(null)
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{
          paper: {
            role: 'dialog',
            'aria-labelledby': titleId,
            sx: { width: 380, maxWidth: '95vw', maxHeight: '70vh' },
          },
        }}
      >
        <Box sx={{ p: 2, pb: 1 }}>
          <Typography
            id={titleId}
            ref={titleRef}
            tabIndex={-1}
            variant="subtitle1"
            component="h2"
            sx={{ outline: 'none' }}
          >
            {t('indicator.menuTitle')}
          </Typography>
        </Box>
        {storageProblem && (
          <Alert severity="warning" square>
            {t('indicator.storageProblem')}
          </Alert>
        )}
        {eventsStatus === 'unavailable' && entries.length > 0 && (
          <Alert severity="info" square>
            {t('indicator.eventsUnavailable')}
          </Alert>
        )}
        {entries.length === 0 ? (
          <Typography variant="body2" sx={{ px: 2, pb: 2, color: 'text.secondary' }}>
            {t('indicator.empty')}
          </Typography>
        ) : (
          <List dense disablePadding aria-labelledby={titleId}>
            {[...entries].reverse().map((entry) => (
              <SyncEntryItem
                key={entry.key}
                entry={entry}
                onRetry={handleRetry}
                onDiscard={handleDiscard}
                onEdit={handleEdit}
              />
            ))}
          </List>
        )}
      </Popover>
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
