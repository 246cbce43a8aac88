import AddOutlined from '@mui/icons-material/AddOutlined'
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined'
import PrintOutlined from '@mui/icons-material/PrintOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'

type TimelineHeaderProps = {
  headingId: string
  /** The actions need something to act on. */
  hasEntries: boolean
  canExport: boolean
  onExport: () => void
  onLogInteraction: (() => void) | undefined
  /** Pointer or focus on "Log interaction": a click is likely (fetch the form's code now). */
  onLogIntent: (() => void) | undefined
}

function handlePrint() {
  window.print()
}

/** "Interactions" and what can be done with them: log one, export the view as CSV, print it. */
export const TimelineHeader = memo(function TimelineHeader({
  headingId,
  hasEntries,
  canExport,
  onExport,
  onLogInteraction,
  onLogIntent,
}: TimelineHeaderProps) {
  const { t } = useTranslation()
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 2 }}>
      <Typography id={headingId} variant="h5" component="h2" sx={{ flexGrow: 1 }}>
        {t('timeline.heading')}
      </Typography>
      {hasEntries && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} data-print="hide">
          {onLogInteraction && (
            <Button
              variant="contained"
              startIcon={<AddOutlined />}
              onClick={onLogInteraction}
              onPointerEnter={onLogIntent}
              onFocus={onLogIntent}
            >
              {t('timeline.logInteraction')}
            </Button>
          )}
          <Button
            variant="outlined"
            startIcon={<FileDownloadOutlined />}
            onClick={onExport}
            disabled={!canExport}
          >
            {t('timeline.export.button')}
          </Button>
          <Button variant="outlined" startIcon={<PrintOutlined />} onClick={handlePrint}>
            {t('timeline.print.button')}
          </Button>
        </Box>
      )}
    </Box>
  )
})
