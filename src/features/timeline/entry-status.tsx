import type { TFunction } from 'i18next'
import type { TimelineEntry } from '@/features/timeline/timeline-entry'
import { isNotFoundError } from '@/mutations/journal-actions'

type ReasonKey =
  | 'network'
  | 'unauthorized'
  | 'notFound'
  | 'updateTargetGone'
  | 'deleteTargetGone'
  | 'validation'
  | 'rateLimited'
  | 'server'
  | 'invalidResponse'
  | 'http'
  | 'ownership'
  | 'outcome'
  | 'dependency'

/** The journal's error kinds (API kinds plus `outcome` and `dependency`) as a sentence key. */
function reasonKey(
  error: NonNullable<TimelineEntry['error']>,
  operation: TimelineEntry['pendingOperation'],
): ReasonKey {
  // `not_found` for an edit or a removal: the record itself is gone, say so.
  if (isNotFoundError(error) && operation === 'update') return 'updateTargetGone'
  if (isNotFoundError(error) && operation === 'delete') return 'deleteTargetGone'
  switch (error.kind) {
    case 'outcome':
      if (error.code === 'ownership') return 'ownership'
      return error.code === 'not_found' ? 'notFound' : 'outcome'
    case 'not-found':
      return 'notFound'
    case 'rate-limited':
      return 'rateLimited'
    case 'invalid-response':
      return 'invalidResponse'
    case 'network':
    case 'unauthorized':
    case 'validation':
    case 'server':
    case 'http':
    case 'dependency':
      return error.kind
    default:
      return 'outcome'
  }
}

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
    return <p className="tl-problem">{t('timeline.staleExplained')}</p>
  }
  if ((entry.status !== 'failed' && entry.status !== 'unsent') || !entry.error) return null
  return (
    <p className="tl-problem">
      <strong>{`${t('timeline.reasonLabel')}: `}</strong>
      {t(`timeline.reason.${reasonKey(entry.error, entry.pendingOperation)}`)}
      {entry.error.kind === 'outcome' && entry.error.message && ` (${entry.error.message})`}
    </p>
  )
}
