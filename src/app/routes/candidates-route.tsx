import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { PageTitle } from '@/app/routes/page-title'
import { CandidateList } from '@/features/candidates/candidate-list'

export function CandidatesRoute() {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <>
      <PageTitle title={t('candidates.pageTitle')} />
      <Typography id={headingId} variant="h4" component="h1" gutterBottom>
        {t('candidates.pageTitle')}
      </Typography>
      <CandidateList labelledBy={headingId} />
    </>
  )
}
