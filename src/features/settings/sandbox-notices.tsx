import { Suspense, lazy } from 'react'
import { useConnection } from '@/config/connection'

// Sandbox only: the banner and the amber frame are a chunk of their own that loads when the
// environment is the sandbox, so production work never downloads them (decision 0029).
const load = () => import('@/features/settings/sandbox-ui')
const Banner = lazy(() => load().then((module) => ({ default: module.SandboxBanner })))
const Frame = lazy(() => load().then((module) => ({ default: module.SandboxFrame })))

/** The sandbox banner under the app bar, in sandbox only. */
export function SandboxBanner() {
  const { environment } = useConnection()
  if (environment !== 'sandbox') return null
  return (
    <Suspense fallback={null}>
      <Banner />
    </Suspense>
  )
}

/** The amber frame and tab icon, in sandbox only. */
export function SandboxFrame() {
  const { environment } = useConnection()
  if (environment !== 'sandbox') return null
  return (
    <Suspense fallback={null}>
      <Frame />
    </Suspense>
  )
}
