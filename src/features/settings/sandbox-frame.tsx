import Box from '@mui/material/Box'
import { useEffect } from 'react'
import { useConnection } from '@/config/connection'
import { SANDBOX_AMBER, SANDBOX_FAVICON } from '@/features/settings/sandbox-colours'

/**
 * While in sandbox: an amber frame around the whole window (above dialogs too, never catching
 * the pointer) and an amber tab icon, so even a glance at the tab strip tells the environments
 * apart. Renders nothing in production.
 */
export function SandboxFrame() {
  const { environment } = useConnection()
  const isSandbox = environment === 'sandbox'

  useEffect(() => {
    if (!isSandbox) return
    const icon = document.querySelector<HTMLLinkElement>('link[rel~="icon"]')
    if (!icon) return
    const previous = icon.href
    icon.href = SANDBOX_FAVICON
    return () => {
      icon.href = previous
    }
  }, [isSandbox])

  if (!isSandbox) return null
  return (
    <Box
      aria-hidden
      sx={{
        position: 'fixed',
        inset: 0,
        border: `6px solid ${SANDBOX_AMBER}`,
        pointerEvents: 'none',
        zIndex: (theme) => theme.zIndex.tooltip + 1,
      }}
    />
  )
}
