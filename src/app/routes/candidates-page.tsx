import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { loadCandidatePage } from '@/app/routes/candidate-route'
import { PageTitle } from '@/app/routes/page-title'
import { NewCandidateButton } from '@/features/candidate-forms/new-candidate-button'
import { PendingCandidates } from '@/features/candidate-forms/pending-candidates'
import { CandidateList } from '@/features/candidates/candidate-list'
import { CandidateSearch } from '@/features/candidates/candidate-search'
import { RecentCandidatesList } from '@/features/candidates/recent-candidates-list'

const SETTLE_MS = 2000

function preloadCandidatePage() {
  // Only an optimisation. Under Vitest a preload still in flight when a test file ends fails the
  // run (the module graph is torn down), so tests load the page when they open it.
  if (import.meta.env.MODE === 'test') return
  void loadCandidatePage()
}

/** Find a candidate by e-mail or phone, reopen a recent one, or page through the region. */
export function CandidatesPage() {
  const { t } = useTranslation()

  // The next click is almost always a candidate: fetch that page's code as soon as the pointer
  // or focus heads for one, and anyway once this page has settled (not before: it would compete
  // with the list's own first paint).
  useEffect(() => {
    const timer = setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(preloadCandidatePage)
      else preloadCandidatePage() // Safari has no requestIdleCallback
    }, SETTLE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [])

  return (
    // Intent only (hover or focus), so no interaction semantics of its own.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div onPointerOver={preloadCandidatePage} onFocus={preloadCandidatePage}>
      <PageTitle title={t('candidates.pageTitle')} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 2, mb: 1.5 }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          {t('candidates.pageTitle')}
        </Typography>
        <NewCandidateButton />
      </Box>
      <CandidateSearch />
      <RecentCandidatesList />
      <PendingCandidates />
      <Typography variant="subtitle1" component="h2" sx={{ mb: 0.5 }}>
        {t('candidates.allCandidates')}
      </Typography>
      {/* Named "Candidates" by its own label: links and tests address the list by that name. */}
      <CandidateList />
    </div>
  )
}
