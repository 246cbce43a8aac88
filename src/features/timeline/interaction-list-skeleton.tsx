import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { visuallyHidden } from '@/theme/visually-hidden'

const ITEMS = 3

export function InteractionListSkeleton() {
  const { t } = useTranslation()
  return (
    <div aria-busy="true">
      <Typography role="status" sx={visuallyHidden}>
        {t('timeline.loading')}
      </Typography>
      {Array.from({ length: ITEMS }, (_, index) => (
        <Box key={index} aria-hidden="true" sx={{ py: 2, borderBottom: 1, borderColor: 'divider' }}>
          <Skeleton width="30%" />
          <Skeleton width="55%" height={28} />
          <Skeleton width="80%" />
        </Box>
      ))}
    </div>
  )
}
