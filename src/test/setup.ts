import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { initI18n } from '@/lib/i18n'

// `findBy…` waits up to 5 s instead of 1 s: on a cold CI run the first render of a lazy screen (the
// QA panel, a dialog) has to transform its chunk first, which took over a second on 2 busy cores.
// A test still fails when the thing never appears.
configure({ asyncUtilTimeout: 5_000 })

// Node-environment tests (`// @vitest-environment node`, e.g. the mock's) have no DOM to set up.
const hasDom = typeof window !== 'undefined'

if (hasDom && typeof window.matchMedia !== 'function') {
  // jsdom has no matchMedia; MUI's colour scheme ("system" mode) and useMediaQuery ask for it.
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the DOM type still requires it
    addListener: () => undefined,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the DOM type still requires it
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })
}

beforeEach(async () => {
  // Every test starts in English, whatever an earlier test switched to.
  if (hasDom) await initI18n({ lng: 'en' })
})

afterEach(() => {
  if (!hasDom) return
  cleanup()
  window.localStorage.clear()
  window.sessionStorage.clear()
})
