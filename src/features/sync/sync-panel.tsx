import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import List from '@mui/material/List'
import Popover from '@mui/material/Popover'
import Typography from '@mui/material/Typography'
import { useId, useRef } from 'react'
import { ColleagueFailures } from '@/features/sync/colleague-failures'
import { SyncEntryItem } from '@/features/sync/sync-entry-item'
import { registerSyncPanelMessages } from '@/features/sync/panel-messages'
import { useSyncTranslation } from '@/features/sync/use-sync-translation'
import type { JournalEntry } from '@/mutations/journal-entry'
import { useJournal } from '@/mutations/use-journal'

// At import: the panel's strings must be in i18next before it renders.
registerSyncPanelMessages()

type SyncPanelProps = {
  id: string
  /** The status button it opens from; `null` while closed. */
  anchor: HTMLElement | null
  onClose: () => void
  onEdit: ((entry: JournalEntry) => void) | undefined
  /** Also list colleagues' failed changes to the open candidate (behind a relay). */
  hasColleagueFailures?: boolean
}

/**
 * The list behind the sync status: every change with its phase, the reason when it needs
 * attention, and its actions (retry / check again, edit & resubmit, discard).
 */
export function SyncPanel({
  id,
  anchor,
  onClose,
  onEdit,
  hasColleagueFailures = false,
}: SyncPanelProps) {
  const { t } = useSyncTranslation()
  const { entries, storageProblem, eventsStatus, retry, discard } = useJournal()
  const titleId = useId()
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

  return (
    <Popover
      id={id}
      open={anchor !== null}
      anchorEl={anchor}
      onClose={onClose}
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
          {t('panel.menuTitle')}
        </Typography>
      </Box>
      {storageProblem && (
        <Alert severity="warning" square>
          {t('panel.storageProblem')}
        </Alert>
      )}
      {eventsStatus === 'unavailable' && entries.length > 0 && (
        <Alert severity="info" square>
          {t('panel.eventsUnavailable')}
        </Alert>
      )}
      {entries.length === 0 ? (
        <Typography variant="body2" sx={{ px: 2, pb: 2, color: 'text.secondary' }}>
          {t('panel.empty')}
        </Typography>
      ) : (
        <List dense disablePadding aria-labelledby={titleId}>
          {[...entries].reverse().map((entry) => (
            <SyncEntryItem
              key={entry.key}
              entry={entry}
              onRetry={handleRetry}
              onDiscard={handleDiscard}
              onEdit={onEdit}
            />
          ))}
        </List>
      )}
      {hasColleagueFailures && <ColleagueFailures ownEntries={entries} />}
    </Popover>
  )
}
