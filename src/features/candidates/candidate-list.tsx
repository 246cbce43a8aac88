import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import List from '@mui/material/List'
import Typography from '@mui/material/Typography'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { apiQueries } from '@/api/query-options'
import { AutoRetryNotice } from '@/components/auto-retry-notice'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { useApi } from '@/config/connection'
import { CandidateListItem } from '@/features/candidates/candidate-list-item'
import { CandidateListSkeleton } from '@/features/candidates/candidate-list-skeleton'

type CandidateListProps = {
  /** Names the list for assistive technology (usually the page heading's id). */
  labelledBy?: string
}

/** The region's candidates, one cursor page at a time, each a link to the candidate page. */
export function CandidateList({ labelledBy }: CandidateListProps) {
  const { t } = useTranslation()
  const api = useApi()
  const query = useInfiniteQuery(apiQueries.candidateList(api))
  // The row to focus once the next page renders, so keyboard users land on the new rows
  // instead of on <body> when the "Load more" button disappears after the last page.
  const focusIndexRef = useRef<number | null>(null)

  function handleRetry() {
    void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch())
  }

  if (query.status === 'pending') {
    return (
      <>
        <AutoRetryNotice failureReason={query.failureReason} isFetching={query.isFetching} />
        <CandidateListSkeleton />
      </>
    )
  }
  if (!query.data) {
    return <ApiErrorAlert error={query.error} onRetry={handleRetry} isRetrying={query.isFetching} />
  }

  const candidates = query.data.pages.flatMap((page) => page.data)
  const count = candidates.length

  function handleLoadMore() {
    focusIndexRef.current = count
    void query.fetchNextPage().then((result) => {
      if (result.isError) focusIndexRef.current = null
    })
  }

  function focusIfFirstNew(index: number) {
    return (element: HTMLAnchorElement | null) => {
      if (element && focusIndexRef.current === index) {
        focusIndexRef.current = null
        element.focus()
      }
    }
  }

  if (count === 0) return <Typography sx={{ mt: 2 }}>{t('candidates.empty')}</Typography>

  return (
    <>
      <List
        aria-labelledby={labelledBy}
        aria-label={labelledBy ? undefined : t('candidates.listLabel')}
      >
        {candidates.map((candidate, index) => (
          <CandidateListItem
            key={candidate.id}
            candidate={candidate}
            linkRef={focusIfFirstNew(index)}
          />
        ))}
      </List>
      {query.error && (
        <Box sx={{ mt: 2 }}>
          <ApiErrorAlert error={query.error} onRetry={handleRetry} isRetrying={query.isFetching} />
        </Box>
      )}
      <Box sx={{ mt: 3, display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        {query.hasNextPage && !query.isFetchNextPageError && (
          <Button
            variant="outlined"
            onClick={handleLoadMore}
            disabled={query.isFetchingNextPage}
            startIcon={
              query.isFetchingNextPage ? <CircularProgress size={16} color="inherit" /> : undefined
            }
          >
            {query.isFetchingNextPage ? t('candidates.loadingMore') : t('candidates.loadMore')}
          </Button>
        )}
        <Typography role="status" variant="body2" sx={{ color: 'text.secondary' }}>
          {query.hasNextPage
            ? t('candidates.shown', { count })
            : t('candidates.allShown', { count })}
        </Typography>
      </Box>
    </>
  )
}
