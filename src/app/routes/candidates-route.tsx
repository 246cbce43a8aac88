import { Suspense, lazy } from 'react'
import { RouteFallback } from '@/app/routes/route-fallback'

const CandidatesPage = lazy(() =>
  import('@/app/routes/candidates-page').then((module) => ({ default: module.CandidatesPage })),
)

/** `/candidates`: its own chunk too, so the app shell paints before the list's code arrives. */
export function CandidatesRoute() {
  return (
    <Suspense fallback={<RouteFallback />}>
      <CandidatesPage />
    </Suspense>
  )
}
