import { createContext, use, useSyncExternalStore } from 'react'
// Types only (erased from the build): the scenario's shape is declared once, with the mock.
import type { ReadErrors, Scenario, ScenarioControl } from '@/mocks/scenario'

/**
 * The app's typed channel to the built-in mock backend, for the QA panel. Declared here (shared
 * config) so the app never imports `src/mocks` statically: `main.tsx` starts the mock by dynamic
 * import and passes its control in; the type checker holds the mock to this shape there.
 * `null` in builds without the mock (production) and in tests that do not pass one.
 */
export type MockReadErrors = ReadErrors
export type MockScenario = Scenario
export type { ScenarioControl }

export type MockControlPort = {
  /** Stable between changes (usable as a `useSyncExternalStore` snapshot). */
  getScenario: () => MockScenario
  setScenario: (patch: Partial<MockScenario>) => void
  /** The scenario a fresh demo page starts with (what "back to the defaults" restores). */
  defaultScenario: () => MockScenario
  /** Called after every change, including the mock's own (a read error counted down). */
  subscribeScenario: (listener: () => void) => () => void
  /** The `mock.*` URL parameters that reproduce the current scenario on a fresh page. */
  scenarioSearchParams: () => Record<string, string>
  /** The QA panel's controls, one per scenario setting, in order (from the mock's declaration). */
  readonly controls: readonly ScenarioControl[]
  /** Every `mock.*` parameter name, so stale ones can be removed from a URL. */
  readonly scenarioParamNames: readonly string[]
  /** Fresh seed data, empty queues, forgotten idempotency keys; the scenario stays. */
  resetData: () => void
  /** Mutations accepted but not yet executed, in every region and environment. */
  queuedCount: () => number
}

export const MockControlContext = createContext<MockControlPort | null>(null)

/** The mock's control, or null when this build or test has no mock backend. */
export function useMockControl(): MockControlPort | null {
  return use(MockControlContext)
}

const noSubscription = () => () => undefined

/** The mock's current scenario, re-rendering on every change; null without a mock. */
export function useMockScenario(control: MockControlPort | null): MockScenario | null {
  return useSyncExternalStore(control ? control.subscribeScenario : noSubscription, () =>
    control ? control.getScenario() : null,
  )
}
