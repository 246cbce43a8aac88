import { Navigate, createBrowserRouter, useLocation, type RouteObject } from 'react-router'
import { CandidateRoute } from '@/app/routes/candidate-route'
import { CandidatesRoute } from '@/app/routes/candidates-route'
import { NotFoundRoute } from '@/app/routes/not-found-route'
import { RootLayout } from '@/app/routes/root-layout'
import { RouteError } from '@/app/routes/route-error'
import { SettingsRoute } from '@/app/routes/settings-route'

/** `/` → `/candidates`, keeping `?sandbox=1` and any other parameters of a shared link. */
function RedirectToCandidates() {
  const { search, hash } = useLocation()
  return <Navigate to={{ pathname: '/candidates', search, hash }} replace />
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    // Only when the layout itself breaks; page errors are caught below, inside the layout.
    errorElement: <RouteError isStandalone />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <RedirectToCandidates /> },
          { path: 'candidates', element: <CandidatesRoute /> },
          { path: 'candidates/:candidateId', element: <CandidateRoute /> },
          { path: 'settings', element: <SettingsRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: import.meta.env.BASE_URL })
}
