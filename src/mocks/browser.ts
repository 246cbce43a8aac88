import { setupWorker, type SetupWorker } from 'msw/browser'
import { createMockBackend, type MockBackend } from '@/mocks/backend'
import { noopPersistence, storagePersistence, type PersistenceAdapter } from '@/mocks/persistence'
import { controlFor, type MockControl } from '@/mocks/control'
import { DEFAULT_SCENARIO, type ScenarioPatch } from '@/mocks/scenario'
import { parseScenarioParams } from '@/mocks/scenario-params'

/** The browser demo's defaults: writes take a noticeable moment, the first /schema too. */
export const BROWSER_SCENARIO: ScenarioPatch = { latencyMs: 1500, schemaDelayMs: 800 }

declare global {
  interface Window {
    __candidateTimelineMock?: MockControl
  }
}

/**
 * Starts the demo backend in a service worker: state persisted in localStorage (a reload keeps
 * data and queued mutations), scenario from `?mock.*` URL parameters, unhandled requests
 * bypassed, quiet console. Await it before the first render; hand `control` to the app.
 */
export async function startMockWorker(): Promise<{
  worker: SetupWorker
  backend: MockBackend
  control: MockControl
}> {
  const backend = createMockBackend({
    persistence: browserPersistence(),
    scenario: { ...BROWSER_SCENARIO, ...parseScenarioParams(window.location.search) },
  })
  const worker = setupWorker(...backend.handlers)
  await worker.start({
    serviceWorker: {
      url: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
      options: { scope: import.meta.env.BASE_URL },
    },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  // The QA panel's channel (through main.tsx); scenario links are relative to the demo defaults.
  const control = controlFor(backend, { ...DEFAULT_SCENARIO, ...BROWSER_SCENARIO })
  if (import.meta.env.VITE_EXPOSE_MOCK === 'true') window.__candidateTimelineMock = control
  return { worker, backend, control }
}

function browserPersistence(): PersistenceAdapter {
  try {
    return storagePersistence(window.localStorage)
  } catch {
    return noopPersistence // storage blocked: the demo still works, it just forgets on reload
  }
}
