import AccountCircle from '@mui/icons-material/AccountCircle'
import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConnection } from '@/config/connection'
import { goToSignIn, relayNavigation, signOut } from '@/features/relay/relay-navigation'
import { useRawLocation } from '@/lib/location'

/**
 * The app bar's account menu behind the relay: who is signed in (the button says it), the
 * regions the session allows (the one in use checked), and sign-out. A menu button with a
 * WAI-ARIA menu (MUI's, with its keyboard handling); signed out, a plain "Sign in" button.
 */
export function RelayAccount() {
  const { t } = useTranslation()
  const { relay, connection, setConnection } = useConnection()
  const { pathname, search } = useRawLocation()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [state, setState] = useState<
    { status: 'idle' | 'busy' } | { status: 'failed'; reason: string }
  >({ status: 'idle' })
  const buttonId = useId()
  const menuId = useId()
  const session = relay?.session ?? null
  const returnTo = `${pathname}${search ? `?${search}` : ''}`

  if (!session) {
    return (
      <Button
        color="inherit"
        onClick={() => {
          goToSignIn(returnTo)
        }}
      >
        {t('relay.account.signIn')}
      </Button>
    )
  }

  const close = () => {
    setAnchor(null)
  }

  async function handleSignOut() {
    close()
    setState({ status: 'busy' })
    try {
      relayNavigation.assign(await signOut())
    } catch (error) {
      setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) })
    }
  }

  const isOpen = anchor !== null
  return (
    <>
      <Button
        id={buttonId}
        color="inherit"
        startIcon={<AccountCircle />}
        aria-label={t('relay.account.button', { name: session.name })}
        aria-haspopup="menu"
        aria-controls={isOpen ? menuId : undefined}
        aria-expanded={isOpen ? 'true' : undefined}
        disabled={state.status === 'busy'}
        onClick={(event) => {
          setAnchor(event.currentTarget)
        }}
        sx={{ textTransform: 'none', maxWidth: '16rem' }}
      >
        <Typography component="span" variant="body2" noWrap>
          {state.status === 'busy' ? t('relay.account.signingOut') : session.name}
        </Typography>
      </Button>
      {state.status === 'failed' && (
        <Typography role="alert" variant="body2" sx={{ color: 'error.main' }}>
          {t('relay.account.signOutFailed', { reason: state.reason })}
        </Typography>
      )}
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={isOpen}
        onClose={close}
        slotProps={{ list: { 'aria-labelledby': buttonId } }}
      >
        {connection.kind === 'relay' &&
          session.regions.map((region) => {
            const isCurrent = region.id === connection.region
            return (
              <MenuItem
                key={region.id}
                role="menuitemradio"
                aria-checked={isCurrent}
                selected={isCurrent}
                onClick={() => {
                  close()
                  if (!isCurrent)
                    setConnection({ kind: 'relay', region: region.id, subject: session.subject })
                }}
              >
                {region.name}
              </MenuItem>
            )
          })}
        {connection.kind === 'relay' && session.regions.length > 0 && <Divider />}
        <MenuItem onClick={() => void handleSignOut()}>{t('relay.account.signOut')}</MenuItem>
      </Menu>
    </>
  )
}
