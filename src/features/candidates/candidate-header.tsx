import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Link from '@mui/material/Link'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { Candidate } from '@/api/contract'
import { candidateName } from '@/features/candidates/candidate-name'
import { mailtoHref } from '@/lib/mailto'
import { visuallyHidden } from '@/theme/visually-hidden'

type CandidateHeaderProps = {
  candidate: Candidate
}

/** The candidate page's heading: name as <h1>, then how to reach them and where they are. */
export function CandidateHeader({ candidate }: CandidateHeaderProps) {
  const { t } = useTranslation()
  // `phase` is a region field outside the contract's core shape: show it only when it is text.
  const phase = typeof candidate.phase === 'string' && candidate.phase ? candidate.phase : null
  const phone = candidate.phone?.trim() ? candidate.phone : null

  return (
    <Box component="section" aria-label={t('candidates.details')} sx={{ mb: 4 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h4" component="h1">
          {candidateName(candidate)}
        </Typography>
        {phase && (
          <Chip
            label={
              <>
                <Box component="span" sx={visuallyHidden}>{`${t('candidates.phase')}: `}</Box>
                {phase}
              </>
            }
            color="primary"
            variant="outlined"
            size="small"
          />
        )}
      </Box>
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5 }}
      >
        <Typography component="dt" sx={{ color: 'text.secondary' }}>
          {t('candidates.email')}
        </Typography>
        <Typography component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
          <Link href={mailtoHref(candidate.email)}>{candidate.email}</Link>
        </Typography>
        <Typography component="dt" sx={{ color: 'text.secondary' }}>
          {t('candidates.phone')}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {phone ? (
            <Link href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</Link>
          ) : (
            t('candidates.noPhone')
          )}
        </Typography>
      </Box>
    </Box>
  )
}

export function CandidateHeaderSkeleton() {
  const { t } = useTranslation()
  return (
    <Box sx={{ mb: 4 }} aria-busy="true">
      <Typography variant="h4" component="h1">
        <Box component="span" sx={visuallyHidden}>
          {t('candidates.loadingCandidate')}
        </Box>
        <Skeleton width="50%" aria-hidden="true" />
      </Typography>
      <Skeleton width="40%" aria-hidden="true" />
      <Skeleton width="30%" aria-hidden="true" />
    </Box>
  )
}
