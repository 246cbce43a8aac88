import type { Page } from '@playwright/test'
import type { MockControl } from '@/mocks/control'

declare global {
  interface Window {
    __candidateTimelineMock?: MockControl
  }
}

/** Calls the mock backend running in the page (exposed in `--mode e2e` builds only). */
export function mockIn(page: Page) {
  const control = async () => {
    await page.waitForFunction(() => window.__candidateTimelineMock !== undefined)
  }
  return {
    async interactions(candidateId: string, region = 'utrecht', environment = 'production') {
      await control()
      return page.evaluate(
        ([r, e, id]) => window.__candidateTimelineMock?.findInteractions(r, e, id) ?? [],
        [region, environment, candidateId] as const,
      )
    },
    async candidates(region = 'utrecht', environment = 'production') {
      await control()
      return page.evaluate(([r, e]) => window.__candidateTimelineMock?.findCandidates(r, e) ?? [], [
        region,
        environment,
      ] as const)
    },
    /** A write as if from a colleague's browser (a key this page never made); returns the key. */
    async colleagueWrite(command: unknown, region = 'utrecht', environment = 'production') {
      await control()
      return page.evaluate(
        ([r, e, c]) => window.__candidateTimelineMock?.colleagueWrite(r, e, c) ?? '',
        [region, environment, command] as const,
      )
    },
    async requestCounts() {
      await control()
      return page.evaluate(() => window.__candidateTimelineMock?.requestCounts() ?? {})
    },
  }
}
