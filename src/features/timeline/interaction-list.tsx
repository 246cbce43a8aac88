import Alert from '@mui/material/Alert'
import List from '@mui/material/List'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { INTERACTIONS_LIST_LIMIT, type Interaction } from '@/api/contract'
import { apiQueries } from '@/api/query-options'
import { AutoRetryNotice } from '@/components/auto-retry-notice'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { useApi } from '@/config/connection'
import { InteractionItem } from '@/features/timeline/interaction-item'
import { InteractionListSkeleton } from '@/features/timeline/interaction-list-skeleton'
import { sortNewestFirst } from '@/features/timeline/sort-interactions'

type InteractionListProps = {
  candidateId: string
}

/** The candidate's contact moments, newest first, as the API returns them (no overlay yet). */
export function InteractionList({ candidateId }: InteractionListProps) {
  const { t } = useTranslation()
  const api = useApi()
  const headingId = useId()
  const query = useQuery({ ...apiQueries.interactions(api, candidateId), select: sortNewestFirst })

  function handleRetry() {
    void query.refetch()
  }

  return (
    <section aria-labelledby={headingId}>
      <Typography id={headingId} variant="h5" component="h2" gutterBottom>
        {t('timeline.heading')}
      </Typography>
      {query.isPending ? (
        <>
          <AutoRetryNotice failureReason={query.failureReason} isFetching={query.isFetching} />
          <InteractionListSkeleton />
        </>
      ) : (
        <>
          {/* After a failed background refetch the last good list stays, under the alert. */}
          {query.isError && (
            <ApiErrorAlert
              error={query.error}
              onRetry={handleRetry}
              isRetrying={query.isFetching}
            />
          )}
          {query.data && <InteractionListContent interactions={query.data} headingId={headingId} />}
        </>
      )}
    </section>
  )
}

type InteractionListContentProps = {
  interactions: Interaction[]
  headingId: string
}

function InteractionListContent({ interactions, headingId }: InteractionListContentProps) {
  const { t } = useTranslation()
  if (interactions.length === 0) return <Typography>{t('timeline.empty')}</Typography>
  return (
    <>
      {/* The list endpoint stops at 100 records and offers no paging: say so plainly. */}
      {interactions.length >= INTERACTIONS_LIST_LIMIT && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('timeline.limitNotice', { limit: INTERACTIONS_LIST_LIMIT })}
        </Alert>
      )}
      <List aria-labelledby={headingId} disablePadding>
        {interactions.map((interaction) => (
          <InteractionItem key={interaction.id} interaction={interaction} />
        ))}
      </List>
    </>
  )
}
