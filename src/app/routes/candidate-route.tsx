import { usePrefetchQuery } from '@tanstack/react-query'
import { Suspense, lazy } from 'react'
import { useParams } from 'wouter'
import { apiQueries } from '@/api/query-options'
import { RouteFallback } from '@/app/routes/route-fallback'
import { useApi } from '@/config/connection'

/** The candidate page's code is its own chunk (timeline, filters, export): see docs/decisions. */
export const loadCandidatePage = () => import('@/app/routes/candidate-page')

const CandidatePage = lazy(() =>
  loadCandidatePage().then((module) => ({ default: module.CandidatePage })),
)

/**
 * `/candidates/:candidateId`. Starts the candidate, interactions and schema reads at once, so
 * they run while the page's chunk downloads instead of after it.
 */
export function CandidateRoute() {
  const { candidateId = '' } = useParams()
  const api = useApi()
  usePrefetchQuery(apiQueries.candidate(api, candidateId))
  usePrefetchQuery(apiQueries.interactions(api, candidateId))
  usePrefetchQuery(apiQueries.schema(api, 'create'))
  return (
    <Suspense fallback={<RouteFallback />}>
      {/* A new candidate starts with fresh page state (expanded entries, focus). */}
      <CandidatePage key={candidateId} candidateId={candidateId} />
    </Suspense>
  )
}
