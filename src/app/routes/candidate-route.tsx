import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink, useParams } from 'react-router'
import { apiQueries } from '@/api/query-options'
import { PageTitle } from '@/app/routes/page-title'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { AutoRetryNotice } from '@/components/auto-retry-notice'
import { useApi } from '@/config/connection'
import { describeApiError } from '@/lib/describe-api-error'
import { CandidateHeader, CandidateHeaderSkeleton } from '@/features/candidates/candidate-header'
import { candidateName } from '@/features/candidates/candidate-name'
import { InteractionList } from '@/features/timeline/interaction-list'

/**
 * One candidate: header from the candidates feature, interactions from the timeline feature.
 * Both requests start together; if the candidate cannot be read, its error replaces the page.
 */
export function CandidateRoute() {
  const { t } = useTranslation()
  const { candidateId = '' } = useParams()
  const api = useApi()
  const candidate = useQuery(apiQueries.candidate(api, candidateId))

  function handleRetry() {
    void candidate.refetch()
  }

  const backLink = (
    <Link component={RouterLink} to="/candidates" sx={{ display: 'inline-block', mb: 2 }}>
      {t('candidates.backToList')}
    </Link>
  )

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

  return (
    <>
      {backLink}
      {candidate.data ? (
        <>
          <PageTitle title={candidateName(candidate.data)} />
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
      <InteractionList candidateId={candidateId} />
    </>
  )
}
