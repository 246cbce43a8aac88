import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { visuallyHidden } from '@/theme/visually-hidden'

const ROWS = 6

/** Placeholder rows in the list's shape, so nothing jumps when the data arrives. */
export function CandidateListSkeleton() {
  const { t } = useTranslation()
  return (
    <div aria-busy="true">
      <Typography role="status" sx={visuallyHidden}>
        {t('candidates.loading')}
      </Typography>
      <List aria-hidden="true">
        {Array.from({ length: ROWS }, (_, index) => (
          <ListItem key={index} divider>
            <ListItemText primary={<Skeleton width="40%" />} secondary={<Skeleton width="65%" />} />
          </ListItem>
        ))}
      </List>
    </div>
  )
}
