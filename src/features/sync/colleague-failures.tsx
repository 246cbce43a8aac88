import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import type { AuditFailure } from '@/api/audit'
import { useSyncTranslation } from '@/features/sync/use-sync-translation'

const DESCRIBE = {
  create: 'createInteraction',
  update: 'updateInteraction',
  delete: 'deleteInteraction',
} as const

type ColleagueFailuresProps = {
  failures: readonly AuditFailure[]
}

/**
 * Changes a colleague made to the open candidate that failed (from the relay's audit trail):
 * this counsellor cannot retry them, but should know the timeline lacks them. Newest first.
 */
export function ColleagueFailures({ failures }: ColleagueFailuresProps) {
  const { t, i18n } = useSyncTranslation()
  const headingId = useId()
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
