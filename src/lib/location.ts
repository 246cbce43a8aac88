import { useCallback, useMemo } from 'react'
import { useLocation, useRouter } from 'wouter'

export type RawLocation = {
  /** The full path as the address bar has it, base included, not decoded. */
  pathname: string
  /** The query string without `?`, not decoded. */
  search: string
}

/**
 * The address as it is, not decoded. wouter's own `useSearch`/`useSearchParams` run the query
 * through `decodeURI` before `URLSearchParams` decodes it again, so a search for "%41" would come
 * back as "A" and "50%ab" as garbage; here every value is decoded exactly once, by
 * `URLSearchParams`. Works with the browser's location and a test's `memoryLocation` alike.
 */
export function useRawLocation(): RawLocation {
  const router = useRouter()
  // The router's own location hooks (what wouter's useLocation/useSearch read before decoding).
  const [pathname] = router.hook(router)
  const search = router.searchHook(router)
  return { pathname, search: search.startsWith('?') ? search.slice(1) : search }
}

/** The fragment (`#…`) of the page's address, to carry over when the query is rewritten. */
export function currentHash(): string {
  return typeof window === 'undefined' ? '' : window.location.hash
}

export type SetSearchParams = (
  next: URLSearchParams | ((current: URLSearchParams) => URLSearchParams),
  options?: { replace?: boolean },
) => void

/**
 * The query as `URLSearchParams`, and a setter that navigates to the same path with a new query
 * (a new history entry unless `replace`). A function gets a copy of the current parameters, so
 * it can change its own and keep everybody else's (`sandbox=1`, the mock's `mock.*`).
 */
export function useSearchParams(): [URLSearchParams, SetSearchParams] {
  const { pathname, search } = useRawLocation()
  const [, navigate] = useLocation()
  const params = useMemo(() => new URLSearchParams(search), [search])
  const setParams = useCallback<SetSearchParams>(
    (next, options) => {
      const value = typeof next === 'function' ? next(new URLSearchParams(search)) : next
      const query = value.toString()
      // `~`: an absolute path, base included (wouter would prefix the base again otherwise).
      navigate(`~${pathname}${query ? `?${query}` : ''}`, { replace: options?.replace ?? false })
    },
    [pathname, search, navigate],
  )
  return [params, setParams]
}
