import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'

const ITEMS = 4

/** The feed's shape while it loads, so nothing jumps when the entries arrive. */
export function TimelineSkeleton() {
  return (
    <Box aria-hidden="true">
      <Skeleton width={120} height={32} />
      {Array.from({ length: ITEMS }, (_, index) => (
        <Box
          key={index}
          sx={{
            display: 'grid',
            gridTemplateColumns: '36px 1fr',
            columnGap: 1.5,
            py: 2,
            px: 1,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <Skeleton variant="circular" width={36} height={36} />
          <Box>
            <Skeleton width="40%" />
            <Skeleton width="65%" height={28} />
            <Skeleton width="90%" />
          </Box>
        </Box>
      ))}
    </Box>
  )
}
