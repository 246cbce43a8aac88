import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'

type TimelineStatusProps = {
  /** What the live region says: loading, "12 interactions", "Showing 3 of 12…", export done. */
  message: string
  hintId: string
}

/** The polite status line, and the keyboard hint the feed is described by. */
export const TimelineStatus = memo(function TimelineStatus({
  message,
  hintId,
}: TimelineStatusProps) {
  const { t } = useTranslation()
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, alignItems: 'baseline', mb: 1 }}>
      <Typography
        role="status"
        variant="body2"
        sx={{ color: 'text.secondary', minHeight: '1.5em', flexGrow: 1 }}
      >
        {message}
      </Typography>
      {/* Phones have no arrow keys; screen readers get the hint through aria-describedby. */}
      <Typography
        id={hintId}
        variant="caption"
        data-print="hide"
        sx={{ color: 'text.secondary', display: { xs: 'none', md: 'block' } }}
      >
        {t('timeline.keyboardHint')}
      </Typography>
    </Box>
  )
})
