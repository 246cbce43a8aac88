import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useRoute } from 'wouter'
import type { CandidateAudit } from '@/api/audit'
import { apiQueries } from '@/api/query-options'
import { useApi } from '@/config/connection'
import { useSyncTranslation } from '@/features/sync/use-sync-translation'
import type { JournalEntry } from '@/mutations/journal-entry'

const DESCRIBE = {
  create: 'createInteraction',
  update: 'updateInteraction',
  delete: 'deleteInteraction',
} as const

type ColleagueFailuresProps = {
  /** This tab's journal: a failure with one of its keys is listed above as this tab's own. */
  ownEntries: readonly JournalEntry[]
}

/**
 * Changes a colleague made to the open candidate that failed (from the relay's audit trail,
 * the same cached read the timeline made): this counsellor cannot retry them, but should know
 * the timeline lacks them. Newest first.
 */
export function ColleagueFailures({ ownEntries }: ColleagueFailuresProps) {
  const { t, i18n } = useSyncTranslation()
  const headingId = useId()
  const api = useApi()
  const [, params] = useRoute('/candidates/:candidateId')
  const candidateId = params?.candidateId ?? ''
  const audit = useQuery({
    ...apiQueries.candidateAudit(api, candidateId),
    enabled: candidateId !== '',
    select: (data: CandidateAudit) => data.failures,
  })
  const ownKeys = new Set(ownEntries.map((entry) => entry.key))
  const failures = (audit.data ?? []).filter((failure) => !ownKeys.has(failure.idempotencyKey))
  if (failures.length === 0) return null
  const time = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'short',
    timeStyle: 'short',
  })
  const when = (at: string) => {
    const date = new Date(at)
    return Number.isNaN(date.getTime()) ? at : time.format(date)
  }
  return (
    <section aria-labelledby={headingId}>
      <Typography
        id={headingId}
        variant="subtitle2"
        component="h3"
        sx={{ px: 2, pt: 1.5, color: 'text.secondary' }}
      >
        {t('colleagues.title')}
      </Typography>
      <List dense disablePadding aria-labelledby={headingId}>
        {failures.toReversed().map((failure) => (
          <ListItem
            key={failure.idempotencyKey}
            sx={{ display: 'block', borderBottom: 1, borderColor: 'divider', py: 1.5 }}
          >
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {t('colleagues.item', {
                change: t(`describe.${DESCRIBE[failure.operation]}`, { count: 1 }),
                name: failure.by.name,
              })}
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
              {t('colleagues.failedAt', { time: when(failure.at), reason: failure.reason })}
            </Typography>
          </ListItem>
        ))}
      </List>
    </section>
  )
}
