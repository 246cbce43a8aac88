import type { ReactNode } from 'react'
import { Redirect, Route, Router, Switch } from 'wouter'
import { CandidateRoute } from '@/app/routes/candidate-route'
import { CandidatesRoute } from '@/app/routes/candidates-route'
import { NotFoundRoute } from '@/app/routes/not-found-route'
import { RootLayout } from '@/app/routes/root-layout'
import { RouteErrorBoundary } from '@/app/routes/route-error'
import { SettingsRoute } from '@/app/routes/settings-route'
import { SETTINGS_PATH } from '@/features/settings/settings-path'
import { currentHash, useRawLocation } from '@/lib/location'

/** `/` → `/candidates`, keeping `?sandbox=1` and any other parameters of a shared link. */
function RedirectToCandidates() {
  const { search } = useRawLocation()
  return <Redirect to={`/candidates${search ? `?${search}` : ''}${currentHash()}`} replace />
}

/** The pages; the first route that matches wins. */
function Pages() {
  return (
    <Switch>
      <Route path="/" component={RedirectToCandidates} />
      <Route path="/candidates" component={CandidatesRoute} />
      <Route path="/candidates/:candidateId" component={CandidateRoute} />
      <Route path={SETTINGS_PATH} component={SettingsRoute} />
      <Route component={NotFoundRoute} />
    </Switch>
  )
}

/**
 * The layout around the pages. A page that crashes is caught inside the layout (the header stays
 * usable); only if the layout itself breaks does the error page stand alone.
 */
export function AppRoutes() {
  return (
    <RouteErrorBoundary isStandalone>
      <RootLayout>
        <RouteErrorBoundary>
          <Pages />
        </RouteErrorBoundary>
      </RootLayout>
    </RouteErrorBoundary>
  )
}

/**
 * wouter's base has no trailing slash (`/demo/sub`); Vite's BASE_URL has one (`/demo/sub/`), and
 * is `/` at the root, which wouter takes as no base at all.
 */
export const ROUTER_BASE = import.meta.env.BASE_URL.replace(/\/$/, '')

type AppRouterProps = {
  children: ReactNode
}

/** The browser's address under the app's base path (links, navigation and deep links). */
export function AppRouter({ children }: AppRouterProps) {
  return <Router base={ROUTER_BASE}>{children}</Router>
}
