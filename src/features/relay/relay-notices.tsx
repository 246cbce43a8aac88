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
import { RELAY_RATE_LIMITED, RELAY_UNAUTHENTICATED } from '@/api/relay'
import { useApi, useConnection } from '@/config/connection'
import { goToSignIn } from '@/features/relay/relay-navigation'
import { useRawLocation } from '@/lib/location'

/**
 * What the relay refused, on every page. A session that ended mid-work brings a dialog above
 * whatever is open (a form's dialog included, so it is reachable from the keyboard) that sends
 * the counsellor through sign-in and back to this page; dismissed, a banner keeps the way. A
 * refused region, sandbox or cross-site request says why; a rate limit says when saving goes on.
 */
export function RelayNotices() {
  const { t } = useTranslation()
  const { relay } = useConnection()
  const api = useApi()
  const { pathname, search } = useRawLocation()
  const [isSignedOut, setSignedOut] = useState(relay?.session === null)
  // Signed out at the start (the automatic sign-in did not bring a session): no dialog, a banner.
  const [isDialogDismissed, setDialogDismissed] = useState(relay?.session === null)
  const [refusal, setRefusal] = useState<ApiError | null>(null)
  const titleId = useId()
  const bodyId = useId()

  useEffect(
    () =>
      api.subscribeRelayRefusal((error) => {
        if (error.relayCode === RELAY_UNAUTHENTICATED) setSignedOut(true)
        else setRefusal(error)
      }),
    [api],
  )

  const signIn = () => {
    goToSignIn(`${pathname}${search ? `?${search}` : ''}`)
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
