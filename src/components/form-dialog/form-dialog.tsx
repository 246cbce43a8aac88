import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Typography from '@mui/material/Typography'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useTheme, type Theme } from '@mui/material/styles'
import {
  memo,
  useEffect,
  useId,
  useRef,
  useSyncExternalStore,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react'
import { useFocusOwner } from '@/components/form-dialog/focus-owner'
import { leavingButtonProps, leftDialogStyle } from '@/components/form-dialog/leaving-dialog'
import { useFormDialogTranslation } from '@/components/form-dialog/messages'
import type { DialogPresence } from '@/components/form-dialog/use-form-submission'

export type FormDialogProps = {
  open: boolean
  title: string
  /** A line under the title, e.g. whose timeline this is for. */
  subtitle?: string
  onClose: () => void
  /**
   * Saves: from the form's submit event (Ctrl/Cmd+Enter) or from Save's own click, which does
   * not submit the form natively (see `handleSaveClick`). It calls `preventDefault()` on either.
   */
  onSubmit: (event: SyntheticEvent) => void
  isSubmitting: boolean
  submitLabel: string
  /** Why saving is not possible right now: disables the button and says so beside it. */
  disabledReason?: string | null
  /** Above the fields: a restored draft, a submit error. */
  notices?: ReactNode
  children: ReactNode
  maxWidth?: 'sm' | 'md'
  /** Moves focus to the first field once the dialog's content is in the page. */
  onOpenFocus?: () => void
  /** Away while its change is journaled and the answer has not come (see useDialogPresence). */
  presence?: DialogPresence
}

const alwaysOpen = () => true
const noSubscription = () => () => undefined

const isApple = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.userAgent)

/**
 * The shell of every form dialog: full-screen on phones, a scrolling body between a fixed title
 * and a fixed footer, Ctrl/Cmd+Enter to save from any field, and no closing by a stray click on
 * the backdrop (Escape and Cancel still close; drafts keep what was typed).
 */
export function FormDialog(props: FormDialogProps) {
  const { open, subtitle, onClose, isSubmitting, maxWidth = 'sm' } = props
  const isPresent = useSyncExternalStore(
    props.presence?.subscribe ?? noSubscription,
    props.presence?.isOpen ?? alwaysOpen,
  )
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'))
  const theme = useTheme()
  const titleId = useId()
  const subtitleId = useId()
  const isShown = open && isPresent
  const rootRef = useFocusOwner(isShown)

  return (
    <Dialog
      ref={rootRef}
      open={isShown}
      onClose={(_event, reason) => {
        if (reason === 'backdropClick' || isSubmitting) return
        onClose()
      }}
      // Leaving is instant, so the pending card behind it shows in the same frame; while closed
      // the form stays in the page, hidden, so a refused save comes back exactly as typed.
      keepMounted
      style={leftDialogStyle(isShown)}
      // Focus goes back to the opener after the next paint (focus-owner.ts), not in this render.
      disableRestoreFocus
      transitionDuration={{ enter: theme.transitions.duration.enteringScreen, exit: 0 }}
      fullScreen={isPhone}
      fullWidth
      maxWidth={maxWidth}
      aria-labelledby={titleId}
      aria-describedby={subtitle ? subtitleId : undefined}
    >
      {/* Memoised: leaving (presence) re-renders the dialog's frame, not its title and buttons. */}
      <FormDialogBody {...props} titleId={titleId} subtitleId={subtitleId} />
    </Dialog>
  )
}

type FormDialogBodyProps = FormDialogProps & { titleId: string; subtitleId: string }

const FormDialogBody = memo(function FormDialogBody(props: FormDialogBodyProps) {
  const { title, subtitle, onClose, onSubmit, isSubmitting, submitLabel, titleId } = props
  const { disabledReason = null, notices, children, onOpenFocus, subtitleId } = props
  const { t } = useFormDialogTranslation()
  const reasonId = useId()
  const canSubmit = disabledReason === null && !isSubmitting

  const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
    event.preventDefault()
    if (canSubmit) event.currentTarget.requestSubmit()
  }

  // Save's click saves by itself and keeps the browser from submitting the form: the browser's
  // own submission steps (a forced layout among them) cost about a millisecond of the click that
  // must show the pending card (decision 0099). Enter in a field still saves: the browser's
  // implicit submission is a click on this button.
  const handleSaveClick = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault()
    onSubmit(event)
  }

  return (
    <Box
      component="form"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={handleKeyDown}
      sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: '1 1 auto' }}
    >
      {/* MUI gives the title the dialog's aria-labelledby id: the subtitle stays outside it. */}
      <DialogTitle id={titleId} sx={subtitle ? { pb: 0 } : undefined}>
        {title}
      </DialogTitle>
      {subtitle ? (
        <Typography
          id={subtitleId}
          variant="body2"
          sx={{ px: 3, pb: 1.5, color: 'text.secondary' }}
        >
          {subtitle}
        </Typography>
      ) : null}
      <DialogContent dividers>
        {onOpenFocus ? <RunOnMount run={onOpenFocus} /> : null}
        {notices ? <Box sx={{ display: 'grid', gap: 1, mb: 2 }}>{notices}</Box> : null}
        {children}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1, px: 3, py: 1.5 }}>
        <Box sx={{ flex: '1 1 12rem', minWidth: 0 }}>
          {disabledReason !== null ? (
            <Typography id={reasonId} variant="body2" color="text.secondary">
              {disabledReason}
            </Typography>
          ) : (
            <Typography
              variant="caption"
              color="text.secondary"
              sx={{ display: { xs: 'none', sm: 'block' } }}
            >
              {t('shortcut', { keys: isApple() ? '⌘ Enter' : 'Ctrl+Enter' })}
            </Typography>
          )}
        </Box>
        <Button onClick={onClose} disabled={isSubmitting} color="inherit">
          {t('cancel')}
        </Button>
        <Button
          type="submit"
          variant="contained"
          disabled={!canSubmit}
          loading={isSubmitting}
          loadingPosition="start"
          {...leavingButtonProps}
          onClick={handleSaveClick}
          aria-describedby={disabledReason !== null ? reasonId : undefined}
        >
          {isSubmitting ? t('saving') : submitLabel}
        </Button>
      </DialogActions>
    </Box>
  )
})

/**
 * The dialog's content mounts a render after the dialog (it goes through a portal), and the focus
 * trap only moves focus to the dialog itself when nothing inside has it yet: focusing from here,
 * inside the content, lands before the trap looks.
 */
function RunOnMount({ run }: { run: () => void }) {
  const first = useRef(run)
  useEffect(() => {
    first.current()
  }, [])
  return null
}
