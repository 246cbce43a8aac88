import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '@/api/errors'
import { RELAY_RATE_LIMITED, RELAY_SESSION_CHANGED, RELAY_UNAUTHENTICATED } from '@/api/relay'
import { useApi, useConnection } from '@/config/connection'
import { goToSignIn, relayNavigation } from '@/features/relay/relay-navigation'
import { useRawLocation } from '@/lib/location'

/**
 * What the relay refused, on every page. A session that ended mid-work brings a dialog above
 * whatever is open (a form's dialog included, so it is reachable from the keyboard) that sends
 * the counsellor through sign-in and back to this page; dismissed, a banner keeps the way. A
 * refused region, sandbox or cross-site request says why; a rate limit says when saving goes on.
 * When another account signed in in this browser (`session_changed`, decision 0076) the dialog
 * says so and offers to sign in again as this page's counsellor (the identity provider is asked
 * to ask who) or to reload as the other account — whose page has its own journal, so this
 * counsellor's waiting changes are never sent under the other's name.
 */
export function RelayNotices() {
  const { t } = useTranslation()
  const { relay } = useConnection()
  const api = useApi()
  const { pathname, search } = useRawLocation()
  const [isSignedOut, setSignedOut] = useState(relay?.session === null)
  const [isSessionChanged, setSessionChanged] = useState(false)
  // Signed out at the start (the automatic sign-in did not bring a session): no dialog, a banner.
  const [isDialogDismissed, setDialogDismissed] = useState(relay?.session === null)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const titleId = useId()
  const bodyId = useId()

  useEffect(
    () =>
      api.subscribeRelayRefusal((error) => {
        if (error.relayCode === RELAY_UNAUTHENTICATED) setSignedOut(true)
        else if (error.relayCode === RELAY_SESSION_CHANGED) setSessionChanged(true)
        else setRefusal(error)
      }),
    [api],
  )

  const returnTo = `${pathname}${search ? `?${search}` : ''}`
  const signIn = () => {
    goToSignIn(returnTo)
  }

  if (isSessionChanged) {
    return (
      <SessionChangedNotice
        name={relay?.session?.name ?? ''}
        onSignIn={() => {
          goToSignIn(returnTo, { askWho: true })
        }}
      />
    )
  }

  return (
    <>
      {isSignedOut && !isDialogDismissed && (
        <Dialog
          open
          onClose={() => {
            setDialogDismissed(true)
          }}
          maxWidth="xs"
          fullWidth
          aria-labelledby={titleId}
          aria-describedby={bodyId}
          slotProps={{ paper: { role: 'alertdialog' } }}
        >
          <DialogTitle id={titleId}>{t('relay.sessionEnded.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText id={bodyId}>{t('relay.sessionEnded.body')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button
              color="inherit"
              onClick={() => {
                setDialogDismissed(true)
              }}
            >
              {t('relay.sessionEnded.later')}
            </Button>
            <Button variant="contained" onClick={signIn}>
              {t('relay.sessionEnded.signIn')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {isSignedOut && isDialogDismissed && (
        <Alert
          severity="warning"
          square
          action={
            <Button color="inherit" size="small" onClick={signIn}>
              {t('relay.sessionEnded.signIn')}
            </Button>
          }
        >
          {t('relay.sessionEnded.banner')}
        </Alert>
      )}
      {refusal && (
        <RefusalAlert
          refusal={refusal}
          onClose={() => {
            setRefusal(null)
          }}
        />
      )}
    </>
  )
}

function RefusalAlert({ refusal, onClose }: { refusal: ApiError; onClose: () => void }) {
  const { t } = useTranslation()
  const code = refusal.relayCode
  if (code === RELAY_RATE_LIMITED) {
    const seconds = Math.max(1, Math.ceil((refusal.retryAfterMs ?? 1000) / 1000))
    return (
      // A pause that ends by itself: polite (status), not an alarm.
      <Alert severity="info" square role="status" onClose={onClose}>
        <AlertTitle>{t('relay.refusal.rateLimitedTitle')}</AlertTitle>
        {t('relay.refusal.rate_limited', { count: seconds })}
      </Alert>
    )
  }
  const isKnown =
    code === 'forbidden_region' || code === 'forbidden_environment' || code === 'cross_site'
  return (
    <Alert severity="error" square onClose={onClose}>
      <AlertTitle>
        {isKnown ? t('relay.refusal.forbiddenTitle') : t('relay.refusal.otherTitle')}
      </AlertTitle>
      {isKnown
        ? t(`relay.refusal.${code}`)
        : t('relay.refusal.other', { message: refusal.message })}
    </Alert>
  )
}

/** Another account signed in in this browser: this page's counsellor decides what happens. */
function SessionChangedNotice({ name, onSignIn }: { name: string; onSignIn: () => void }) {
  const { t } = useTranslation()
  const [isDismissed, setDismissed] = useState(false)
  const titleId = useId()
  const bodyId = useId()
  const hintId = useId()
  const reload = (
    <Button
      color="inherit"
      aria-describedby={hintId}
      onClick={() => {
        relayNavigation.reload()
      }}
    >
      {t('relay.sessionChanged.reload')}
    </Button>
  )
  if (isDismissed) {
    return (
      <Alert
        severity="warning"
        square
        action={
          <Button color="inherit" size="small" onClick={onSignIn}>
            {t('relay.sessionChanged.signIn')}
          </Button>
        }
      >
        {t('relay.sessionChanged.banner')}
      </Alert>
    )
  }
  return (
    <Dialog
      open
      onClose={() => {
        setDismissed(true)
      }}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      slotProps={{ paper: { role: 'alertdialog' } }}
    >
      <DialogTitle id={titleId}>{t('relay.sessionChanged.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={bodyId}>
          {t('relay.sessionChanged.body', { name })}
        </DialogContentText>
        <DialogContentText id={hintId} sx={{ mt: 2 }}>
          {t('relay.sessionChanged.reloadHint')}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        {reload}
        <Button variant="contained" onClick={onSignIn}>
          {t('relay.sessionChanged.signIn')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
