import { useEffect, useMemo } from 'react'
import { useLocation } from 'wouter'
import { SANDBOX_SEARCH_PARAM, useConnection } from '@/config/connection'
import { useMockControl, useMockScenario } from '@/config/mock-control'
import { currentHash, useRawLocation } from '@/lib/location'

/**
 * Keeps the address bar saying what the app is doing, so a reload or a copied link reproduces
 * it: `?sandbox=1` while in sandbox, and (in mock builds) the `mock.*` parameters of the mock's
 * current scenario. The app's state is the source of truth after the first load; links inside
 * the app need not carry these parameters. Both live in one hook so that two effects can never
 * replace the URL over each other. Call once, inside the router.
 */
export function useUrlState(): void {
  const { environment } = useConnection()
  const control = useMockControl()
  const scenario = useMockScenario(control)
  const { pathname, search } = useRawLocation()
  const [, navigate] = useLocation()

  const wanted = useMemo(() => {
    const values = new Map<string, string | null>()
    values.set(SANDBOX_SEARCH_PARAM, environment === 'sandbox' ? '1' : null)
    if (control && scenario) {
      const params = control.scenarioSearchParams()
      for (const name of control.scenarioParamNames) values.set(name, params[name] ?? null)
    }
    return values
  }, [environment, control, scenario])

  useEffect(() => {
    const params = new URLSearchParams(search)
    let isChanged = false
    for (const [name, value] of wanted) {
      const current = params.getAll(name)
      if (value === null ? current.length === 0 : current.length === 1 && current[0] === value)
        continue
      isChanged = true
      if (value === null) params.delete(name)
      else params.set(name, value)
    }
    if (!isChanged) return
    const next = params.toString()
    // `~`: the path as it is, base included; the fragment stays too.
    navigate(`~${pathname}${next ? `?${next}` : ''}${currentHash()}`, { replace: true })
  }, [wanted, pathname, search, navigate])
}
