import BugReportIcon from '@mui/icons-material/BugReport'
import IconButton from '@mui/material/IconButton'
import { Suspense, lazy, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LazyTooltip } from '@/components/lazy-tooltip'
import { useConnection } from '@/config/connection'
import { useMockControl } from '@/config/mock-control'

const loadDrawer = () => import('@/features/qa-panel/qa-panel-drawer')
const QaPanelDrawer = lazy(() => loadDrawer().then((module) => ({ default: module.QaPanelDrawer })))

/**
 * The app bar's entry to the QA panel: only while the app runs on the built-in mock (a build
 * with the mock, connected to it). With a real connection there is nothing to misconfigure.
 * The panel's code loads when the pointer or focus reaches the button, not with the page.
 */
export function QaPanelButton() {
  const { t } = useTranslation()
  const control = useMockControl()
  const { connection } = useConnection()
  // Mounted from the first open on, so closing plays the drawer's exit transition.
  const [hasOpened, setHasOpened] = useState(false)
  const [isOpen, setIsOpen] = useState(false)
  if (!control || connection.kind !== 'mock') return null

  function handleOpen() {
    setHasOpened(true)
    setIsOpen(true)
  }
  function handleClose() {
    setIsOpen(false)
  }
  function preload() {
    void loadDrawer()
  }

  return (
    <>
      <LazyTooltip title={t('qa.open')}>
        <IconButton
          color="inherit"
          onClick={handleOpen}
          onPointerEnter={preload}
          onFocus={preload}
          aria-label={t('qa.open')}
          aria-haspopup="dialog"
        >
          <BugReportIcon />
        </IconButton>
      </LazyTooltip>
      {hasOpened && (
        <Suspense fallback={null}>
          <QaPanelDrawer control={control} open={isOpen} onClose={handleClose} />
        </Suspense>
      )}
    </>
  )
}
