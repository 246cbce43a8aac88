import BugReportIcon from '@mui/icons-material/BugReport'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConnection } from '@/config/connection'
import { useMockControl } from '@/config/mock-control'
import { QaPanel } from '@/features/qa-panel/qa-panel'

/**
 * The app bar's entry to the QA panel: only while the app runs on the built-in mock (a build
 * with the mock, connected to it). With a real connection there is nothing to misconfigure.
 */
export function QaPanelButton() {
  const { t } = useTranslation()
  const control = useMockControl()
  const { connection } = useConnection()
  const [isOpen, setIsOpen] = useState(false)
  if (!control || connection.kind !== 'mock') return null

  function handleOpen() {
    setIsOpen(true)
  }
  function handleClose() {
    setIsOpen(false)
  }

  return (
    <>
      <Tooltip title={t('qa.open')}>
        <IconButton
          color="inherit"
          onClick={handleOpen}
          aria-label={t('qa.open')}
          aria-haspopup="dialog"
        >
          <BugReportIcon />
        </IconButton>
      </Tooltip>
      <Drawer
        anchor="right"
        open={isOpen}
        onClose={handleClose}
        slotProps={{
          paper: {
            role: 'dialog',
            'aria-label': t('qa.title'),
            sx: { width: { xs: '100%', sm: 420 } },
          },
        }}
      >
        <QaPanel control={control} onClose={handleClose} />
      </Drawer>
    </>
  )
}
