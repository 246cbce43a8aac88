// Before any schema exists: see the module for why. The app itself is imported dynamically
// below, so none of its schemas can be built before this ran (a static import could be hoisted
// into a shared chunk that the bundler evaluates first).
import '@/config/zod-jitless'
import '@fontsource/roboto/400.css'
import '@fontsource/roboto/500.css'
import '@fontsource/roboto/700.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { MockControlPort } from '@/config/mock-control'
import { detectRelay, type RelayStart } from '@/config/relay-detect'
import { initI18n } from '@/lib/i18n'

/** What the mock gave the app: its control for the QA panel, or why it did not start. */
type MockStart = { control: MockControlPort | null; error: string | null }

/**
 * Starts the demo backend (when this build has it) BEFORE the first render: a request that
 * slipped past a not-yet-active service worker would reach the dev server's SPA fallback and
 * come back as HTML. If the worker cannot start, the app still renders and says why.
 */
async function startMockBackend(): Promise<MockStart> {
  if (import.meta.env.VITE_ENABLE_MOCK !== 'true') return { control: null, error: null }
  try {
    const { startMockWorker } = await import('@/mocks/browser')
    const { control } = await startMockWorker()
    return { control, error: null }
  } catch (error) {
    console.error('The demo backend could not start', error)
    return { control: null, error: error instanceof Error ? error.message : String(error) }
  }
}

/** Served by our relay? Only asked where no mock is built in (a production build). */
function startRelay(): Promise<RelayStart | null> {
  return import.meta.env.VITE_ENABLE_MOCK === 'true' ? Promise.resolve(null) : detectRelay()
}

async function main() {
  const [mock, { App }, , relay] = await Promise.all([
    startMockBackend(),
    import('@/app/app'),
    initI18n(),
    startRelay(),
  ])
  // Nobody signed in at the relay: straight to sign-in, unless that just failed (then the app
  // shows it, with a way to try again).
  if (relay && !relay.session) {
    const { signInAtStart } = await import('@/config/relay-start') // loaded by the detection
    if (signInAtStart()) return
  }
  const container = document.getElementById('root')
  if (!container) throw new Error('index.html has no #root element')
  createRoot(container).render(
    <StrictMode>
      <App startupError={mock.error} mockControl={mock.control} relay={relay} />
    </StrictMode>,
  )
}

void main()
