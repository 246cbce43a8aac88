import type { TFunction } from 'i18next'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'
import { failureReason } from '@/mutations/journal-actions'

type EntryStatusBadgeProps = {
  entry: TimelineEntry
  t: TFunction
}

export function EntryStatusBadge({ entry, t }: EntryStatusBadgeProps) {
  if (entry.status === null) return null
  const status = t(`timeline.status.${entry.status}`)
  const label = entry.pendingOperation
    ? t('timeline.statusBadge', {
        status,
        operation: t(`timeline.operation.${entry.pendingOperation}`),
      })
    : status
  return <span className={`tl-badge tl-badge--${entry.status}`}>{label}</span>
}

type EntryProblemProps = {
  entry: TimelineEntry
  t: TFunction
}

/** Why a change needs the counsellor: failed, not sent, or not confirmed yet. */
export function EntryProblem({ entry, t }: EntryProblemProps) {
  if (entry.status === 'stale') {
    return <p className="tl-problem">{t('changeReason.stale')}</p>
  }
  if ((entry.status !== 'failed' && entry.status !== 'unsent') || !entry.error) return null
  return (
    <p className="tl-problem">
      <strong>{`${t('timeline.reasonLabel')}: `}</strong>
      {t(`changeReason.${failureReason(entry.error, entry.pendingOperation)}`)}
      {entry.error.kind === 'outcome' && entry.error.message && ` (${entry.error.message})`}
    </p>
  )
}
