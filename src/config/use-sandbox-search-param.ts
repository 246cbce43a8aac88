import { useEffect } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { SANDBOX_SEARCH_PARAM, useConnection } from '@/config/connection'

/**
 * Keeps `?sandbox=1` in the address bar while the app is in sandbox, so a reload or a copied link
 * stays in sandbox. The connection state is the source of truth after the first load; links
 * inside the app need not carry the parameter themselves. Call once, inside the router.
 */
export function useSandboxSearchParam(): void {
  const { environment } = useConnection()
  const location = useLocation()
  const navigate = useNavigate()

  useEffect(() => {
    const params = new URLSearchParams(location.search)
    const isInUrl = params.get(SANDBOX_SEARCH_PARAM) === '1'
    const shouldBeInUrl = environment === 'sandbox'
    if (isInUrl === shouldBeInUrl) return
    if (shouldBeInUrl) params.set(SANDBOX_SEARCH_PARAM, '1')
    else params.delete(SANDBOX_SEARCH_PARAM)
    const search = params.toString()
    // Carried over untouched; the router types it loosely.
    const state: unknown = location.state
    void navigate(
      { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash },
      { replace: true, state },
    )
  }, [environment, location, navigate])
}
