import Close from '@mui/icons-material/Close'
import IconButton from '@mui/material/IconButton'
import Snackbar from '@mui/material/Snackbar'
import { useEffect, useRef, useState } from 'react'
import { useSyncTranslation } from '@/features/sync/use-sync-translation'
import type { JournalNotice } from '@/mutations/journal-types'
import { useJournalNotices } from '@/mutations/use-journal'

export type SyncNoticesProps = {
  /** Notices arriving within this window become one message ("3 changes saved"). */
  batchMs?: number
  autoHideMs?: number
}

type Tally = { saved: number; failed: number }

/**
 * A short, quiet message when changes are confirmed or fail: batched, polite (never interrupts
 * a screen reader), gone by itself. Details live in the sync indicator's panel.
 */
export function SyncNotices({ batchMs = 1500, autoHideMs = 5000 }: SyncNoticesProps) {
  const { t } = useSyncTranslation()
  const [shown, setShown] = useState<Tally | null>(null)
  const collected = useRef<Tally>({ saved: 0, failed: 0 })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useJournalNotices((notice: JournalNotice) => {
    if (notice.kind === 'confirmed') collected.current.saved += 1
    else collected.current.failed += 1
    timer.current ??= setTimeout(() => {
      timer.current = null
      const batch = collected.current
      collected.current = { saved: 0, failed: 0 }
      // Still showing the previous batch: fold the new one into it rather than stacking.
      setShown((current) => ({
        saved: (current?.saved ?? 0) + batch.saved,
        failed: (current?.failed ?? 0) + batch.failed,
      }))
    }, batchMs)
  })

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current)
    },
    [],
  )

  const message = shown
    ? [
        shown.saved > 0 ? t('notice.saved', { count: shown.saved }) : null,
        shown.failed > 0 ? t('notice.failed', { count: shown.failed }) : null,
      ]
        .filter((part) => part !== null)
        .join(' · ')
    : ''
  const handleClose = (_event: unknown, reason?: string) => {
    if (reason !== 'clickaway') setShown(null)
  }

  return (
    <Snackbar
      open={shown !== null}
      autoHideDuration={autoHideMs}
      onClose={handleClose}
      message={message}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      slotProps={{
        content: {
          role: 'status',
          'aria-live': 'polite',
          'aria-atomic': true,
          ...(shown && shown.failed > 0 ? { sx: { bgcolor: 'error.dark' } } : {}),
        },
      }}
      action={
        <IconButton
          size="small"
          color="inherit"
          aria-label={t('notice.close')}
          onClick={() => {
            setShown(null)
          }}
        >
          <Close fontSize="small" />
        </IconButton>
      }
    />
  )
}
