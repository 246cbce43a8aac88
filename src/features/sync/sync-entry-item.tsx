import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import ListItem from '@mui/material/ListItem'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import {
  describeKey,
  entryDetail,
  phaseLabel,
  reasonKey,
  rowCount,
} from '@/features/sync/describe-entry'
import { registerSyncPanelMessages } from '@/features/sync/panel-messages'
import { useSyncTranslation } from '@/features/sync/use-sync-translation'
import { isOutcomeUnknown, isResubmittable, isRetryable } from '@/mutations/journal-actions'
import type { JournalEntry } from '@/mutations/journal-entry'

// At import: the panel's strings must be in i18next before it renders.
registerSyncPanelMessages()

type SyncEntryItemProps = {
  entry: JournalEntry
  onRetry: (key: string) => void
  onDiscard: (key: string) => void
  onEdit?: ((entry: JournalEntry) => void) | undefined
}

const CHIP_COLOR = {
  sending: 'default',
  retrying: 'warning',
  waiting: 'default',
  queued: 'info',
  confirmed: 'success',
  unsent: 'error',
  failed: 'error',
  stale: 'warning',
} as const

/** One change in the sync menu: what it is, where it stands, why, and what can be done. */
export function SyncEntryItem({ entry, onRetry, onDiscard, onEdit }: SyncEntryItemProps) {
  const { t } = useSyncTranslation()
  // Failure reasons are the app's, shared with the timeline card (`changeReason`).
  const { t: tApp } = useTranslation()
  const labelId = useId()
  const phase = phaseLabel(entry)
  const reason = reasonKey(entry)
  const detail = entryDetail(entry)
  const canRetry = isRetryable(entry)
  const canDiscard = entry.phase === 'unsent' || entry.phase === 'failed' || entry.phase === 'stale'
  // Not for a change whose create never came, nor for an edit or delete of a vanished record:
  // no correction can make those work, they can only be discarded.
  const canEdit = onEdit !== undefined && isResubmittable(entry)

  return (
    <ListItem
      aria-labelledby={labelId}
      data-phase={entry.phase}
      sx={{ display: 'block', borderBottom: 1, borderColor: 'divider', py: 1.5 }}
    >
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', justifyContent: 'space-between' }}
      >
        <Typography id={labelId} variant="body2" sx={{ fontWeight: 500 }}>
          {t(`describe.${describeKey(entry)}`, { count: rowCount(entry) })}
          {detail && (
            <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
              {` — ${detail}`}
            </Typography>
          )}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={CHIP_COLOR[phase]}
          label={t(`phase.${phase}`)}
        />
      </Stack>
      {reason && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
          {tApp(`changeReason.${reason}`)}
        </Typography>
      )}
      {isOutcomeUnknown(entry) && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
          {tApp('changeReason.maybeReceived')}
        </Typography>
      )}
      {(canRetry || canEdit || canDiscard) && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          {canRetry && (
            <Button
              size="small"
              aria-describedby={labelId}
              onClick={() => {
                onRetry(entry.key)
              }}
            >
              {t(entry.phase === 'stale' ? 'action.checkAgain' : 'action.retry')}
            </Button>
          )}
          {canEdit && (
            <Button
              size="small"
              aria-describedby={labelId}
              onClick={() => {
                onEdit(entry)
              }}
            >
              {t('action.edit')}
            </Button>
          )}
          {canDiscard && (
            <Button
              size="small"
              color="inherit"
              aria-describedby={labelId}
              onClick={() => {
                onDiscard(entry.key)
              }}
            >
              {t('action.discard')}
            </Button>
          )}
        </Stack>
      )}
    </ListItem>
  )
}
