import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import ListItem from '@mui/material/ListItem'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { Interaction } from '@/api/contract'
import { formatDuration, formatPerformedAt } from '@/lib/format'
import { visuallyHidden } from '@/theme/visually-hidden'

type InteractionItemProps = {
  interaction: Interaction
}

/** One contact moment: when, what kind, the summary as a heading, notes and duration. */
export function InteractionItem({ interaction }: InteractionItemProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.resolvedLanguage ?? 'en'
  const { summary, notes, duration } = interaction

  return (
    <ListItem divider sx={{ display: 'block', py: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography
          component="time"
          dateTime={interaction.performedAt}
          variant="body2"
          sx={{ color: 'text.secondary', mr: 1 }}
        >
          {formatPerformedAt(interaction.performedAt, locale)}
        </Typography>
        {interaction.type.length > 0 && (
          <Box
            component="ul"
            aria-label={t('timeline.types')}
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, p: 0, m: 0, listStyle: 'none' }}
          >
            {interaction.type.map((type) => (
              <li key={type}>
                <Chip label={type} size="small" variant="outlined" />
              </li>
            ))}
          </Box>
        )}
      </Stack>
      <Typography variant="subtitle1" component="h3" sx={{ mt: 1, fontWeight: 500 }}>
        {summary?.trim() ? summary : t('timeline.noSummary')}
      </Typography>
      {notes?.trim() && (
        <Typography
          variant="body2"
          sx={{ mt: 0.5, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          <Box component="span" sx={visuallyHidden}>{`${t('timeline.notes')}: `}</Box>
          {notes}
        </Typography>
      )}
      {typeof duration === 'number' && (
        <Typography variant="body2" sx={{ mt: 0.5, color: 'text.secondary' }}>
          {`${t('timeline.duration')}: ${formatDuration(duration, locale)}`}
        </Typography>
      )}
    </ListItem>
  )
}
