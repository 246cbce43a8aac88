import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'wouter'
import { apiQueries } from '@/api/query-options'
import { CandidateTimelineSection } from '@/app/routes/candidate-timeline-section'
import { PageTitle } from '@/app/routes/page-title'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { AutoRetryNotice } from '@/components/auto-retry-notice'
import { useApi } from '@/config/connection'
import { describeApiError } from '@/lib/describe-api-error'
import { CandidateHeader, CandidateHeaderSkeleton } from '@/features/candidates/candidate-header'
import { candidateName } from '@/features/candidates/candidate-name'
import { useRememberCandidate } from '@/features/candidates/recent-candidates'

type CandidatePageProps = {
  candidateId: string
}

/**
 * One candidate: the header from the candidates feature, the timeline from the timeline
 * feature. If the candidate cannot be read, its error replaces the page; if only the
 * interactions fail, the header stays and the timeline says so with a retry. Memoised: a URL
 * change elsewhere on the page (the timeline's filters) need not re-render the header.
 */
export const CandidatePage = memo(function CandidatePage({ candidateId }: CandidatePageProps) {
  const { t } = useTranslation()
  const api = useApi()
  const candidate = useQuery(apiQueries.candidate(api, candidateId))
  useRememberCandidate(api.scope, candidate.data)

  function handleRetry() {
    void candidate.refetch()
  }

  if (candidate.isError && !candidate.data) {
    // The error's own title becomes the page heading ("Candidate not found", "Cannot reach…").
    const { title } = describeApiError(candidate.error, t, { resource: 'candidate' })
    return (
      <>
        <PageTitle title={title} />
        <Typography variant="h4" component="h1" gutterBottom>
          {title}
        </Typography>
        <ApiErrorAlert
          error={candidate.error}
          resource="candidate"
          hasTitle={false}
          onRetry={handleRetry}
          isRetrying={candidate.isFetching}
          backLink={{ to: '/candidates', label: t('candidates.backToList') }}
        />
      </>
    )
  }

  const name = candidate.data ? candidateName(candidate.data) : ''
  return (
    <>
      <Link
        component={RouterLink}
        to="/candidates"
        sx={{ display: 'inline-block', mb: 2 }}
        data-print="hide"
      >
        {t('candidates.backToList')}
      </Link>
      {candidate.data ? (
        <>
          <PageTitle title={name} />
          <CandidateHeader candidate={candidate.data} />
        </>
      ) : (
        <>
          <AutoRetryNotice
            failureReason={candidate.failureReason}
            isFetching={candidate.isFetching}
          />
          <CandidateHeaderSkeleton />
        </>
      )}
      <CandidateTimelineSection candidateId={candidateId} exportName={name || candidateId} />
    </>
  )
})
