import '@fontsource/roboto/400.css'
import '@fontsource/roboto/500.css'
import '@fontsource/roboto/700.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { initI18n } from '@/lib/i18n'

/**
 * Starts the demo backend (when this build has it) BEFORE the first render: a request that
 * slipped past a not-yet-active service worker would reach the dev server's SPA fallback and
 * come back as HTML. If the worker cannot start, the app still renders and says why.
 */
async function startMockBackend(): Promise<string | null> {
  if (import.meta.env.VITE_ENABLE_MOCK !== 'true') return null
  try {
    const { startMockWorker } = await import('@/mocks/browser')
    await startMockWorker()
    return null
  } catch (error) {
    console.error('The demo backend could not start', error)
    return error instanceof Error ? error.message : String(error)
  }
}

async function main() {
  const [startupError] = await Promise.all([startMockBackend(), initI18n()])
  const container = document.getElementById('root')
  if (!container) throw new Error('index.html has no #root element')
  createRoot(container).render(
    <StrictMode>
      <App startupError={startupError} />
    </StrictMode>,
  )
}

void main()
