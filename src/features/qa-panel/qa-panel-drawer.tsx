import Drawer from '@mui/material/Drawer'
import { useTranslation } from 'react-i18next'
import type { MockControlPort } from '@/config/mock-control'
import { QaPanel } from '@/features/qa-panel/qa-panel'

type QaPanelDrawerProps = {
  control: MockControlPort
  open: boolean
  onClose: () => void
}

/** The QA panel in its side drawer; a chunk of its own, fetched when QA first opens it. */
export function QaPanelDrawer({ control, open, onClose }: QaPanelDrawerProps) {
  const { t } = useTranslation()
  return (
    <Drawer
      anchor="right"
      open={open}
      onClose={onClose}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-label': t('qa.title'),
          sx: { width: { xs: '100%', sm: 420 } },
        },
      }}
    >
      <QaPanel control={control} onClose={onClose} />
    </Drawer>
  )
}
