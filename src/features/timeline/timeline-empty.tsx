import AddOutlined from '@mui/icons-material/AddOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

type TimelineEmptyProps = {
  onLogInteraction: (() => void) | undefined
  /** Pointer or focus on the button: a click is likely (fetch the form's code now). */
  onLogIntent: (() => void) | undefined
}

/** No interactions yet: say so, and offer the obvious next step. */
export function TimelineEmpty({ onLogInteraction, onLogIntent }: TimelineEmptyProps) {
  const { t } = useTranslation()
  const unavailableId = useId()
  return (
    <Box
      sx={{
        py: 5,
        px: 2,
        textAlign: 'center',
        border: 1,
        borderColor: 'divider',
        borderStyle: 'dashed',
        borderRadius: 2,
      }}
    >
      <Typography sx={{ fontWeight: 500 }}>{t('timeline.empty')}</Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5, mb: 2 }}>
        {t('timeline.emptyHint')}
      </Typography>
      <Button
        variant="contained"
        startIcon={<AddOutlined />}
        onClick={onLogInteraction}
        onPointerEnter={onLogIntent}
        onFocus={onLogIntent}
        disabled={!onLogInteraction}
        aria-describedby={onLogInteraction ? undefined : unavailableId}
        data-print="hide"
      >
        {t('timeline.logFirst')}
      </Button>
      {!onLogInteraction && (
        <Typography
          id={unavailableId}
          variant="body2"
          sx={{ color: 'text.secondary', mt: 1 }}
          data-print="hide"
        >
          {t('timeline.logUnavailable')}
        </Typography>
      )}
    </Box>
  )
}
