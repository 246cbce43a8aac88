import HistoryOutlined from '@mui/icons-material/HistoryOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'wouter'
import { useApi } from '@/config/connection'
import {
  forgetRecentCandidates,
  useRecentCandidates,
} from '@/features/candidates/recent-candidates'

/** The candidates opened last in this browser, one click away; nothing when there are none. */
export function RecentCandidatesList() {
  const { t } = useTranslation()
  const api = useApi()
  const recent = useRecentCandidates(api.scope)
  const headingId = useId()
  if (recent.length === 0) return null

  function handleClear() {
    forgetRecentCandidates(api.scope)
  }

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <HistoryOutlined fontSize="small" sx={{ color: 'text.secondary' }} aria-hidden="true" />
        <Typography id={headingId} variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
          {t('candidates.recent.heading')}
        </Typography>
        <Button size="small" onClick={handleClear}>
          {t('candidates.recent.clear')}
        </Button>
      </Box>
      <Box
        component="ul"
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', m: 0, p: 0 }}
      >
        {recent.map((candidate) => (
          <li key={candidate.id}>
            <Link
              component={RouterLink}
              to={`/candidates/${encodeURIComponent(candidate.id)}`}
              underline="hover"
              sx={{
                display: 'inline-flex',
                flexDirection: 'column',
                px: 1.5,
                py: 0.75,
                border: 1,
                borderColor: 'divider',
                borderRadius: 2,
                maxWidth: '100%',
              }}
            >
              <span>{candidate.name || candidate.email}</span>
              <Typography
                component="span"
                variant="caption"
                sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}
              >
                {candidate.email}
              </Typography>
            </Link>
          </li>
        ))}
      </Box>
    </Box>
  )
}
