import { ENVIRONMENTS, type Environment, type MutationOutcome } from '@/api/contract'
import type { MockControlPort } from '@/config/mock-control'
import type { MockBackend } from '@/mocks/backend'
import { regionById, type RegionId } from '@/mocks/regions'
import { SCENARIO_CONTROLS, type Scenario, type ScenarioPatch } from '@/mocks/scenario'
import { SCENARIO_PARAM_NAMES, formatScenarioParams } from '@/mocks/scenario-params'
import {
  commandSchema,
  type QueuedMutation,
  type StoredCandidate,
  type StoredInteraction,
} from '@/mocks/state'

/**
 * The mock's runtime control: the app's QA panel gets it through `MockControlPort` (every mock
 * build), e2e tests on `window.__candidateTimelineMock` (`VITE_EXPOSE_MOCK=true` builds only).
 */
export type MockControl = MockControlPort & {
  setScenario(patch: ScenarioPatch): void
  getScenario(): Scenario
  /** New seed data, empty queues, starting scenario, zero request counts. */
  reset(): void
  resetData(): void
  /** Requests per `METHOD /template`, e.g. `GET /candidates/:candidateId/interactions`. */
  requestCounts(): Record<string, number>
  findCandidates(region: string, environment: string): StoredCandidate[]
  /** Every interaction of the candidate (not capped), newest first. */
  findInteractions(region: string, environment: string, candidateId: string): StoredInteraction[]
  queued(): QueuedMutation[]
  outcomes(): MutationOutcome[]
  idle(): Promise<void>
  /**
   * Queues a write as if a colleague in another browser sent it (a key this page never made),
   * so its outcome reaches this page's `/events` like any other. Each tab runs its own mock, so
   * this is how a test (or the console of an e2e build) shows a colleague's change live.
   */
  colleagueWrite(region: string, environment: string, command: unknown): string
}

/** `defaults`: the scenario a fresh page starts with, which scenario links are relative to. */
export function controlFor(
  backend: MockBackend,
  defaults: Scenario = backend.getScenario(),
): MockControl {
  return {
    setScenario: (patch) => {
      backend.setScenario(patch)
    },
    getScenario: () => backend.getScenario(),
    defaultScenario: () => defaults,
    subscribeScenario: (listener) =>
      backend.scenario.subscribe(() => {
        listener()
      }),
    scenarioSearchParams: () => formatScenarioParams(backend.getScenario(), defaults),
    controls: SCENARIO_CONTROLS,
    scenarioParamNames: SCENARIO_PARAM_NAMES,
    queuedCount: () => backend.engine.queued().length,
    reset: () => {
      backend.reset()
    },
    resetData: () => {
      backend.resetData()
    },
    requestCounts: () => backend.requestCounts(),
    findCandidates: (region, environment) =>
      structuredClone(backend.db.candidates(...scopeArgs(region, environment))),
    findInteractions: (region, environment, candidateId) =>
      structuredClone(backend.db.interactions(...scopeArgs(region, environment), candidateId)),
    queued: () => backend.engine.queued(),
    outcomes: () => backend.engine.outcomes.map(({ outcome }) => outcome),
    idle: () => backend.engine.idle(),
    colleagueWrite: (region, environment, command) => {
      const [known, env] = scopeArgs(region, environment)
      return backend.engine.enqueue({
        region: known,
        environment: env,
        idempotencyKey: null,
        callbackUrl: null,
        command: commandSchema.parse(command),
      }).idempotencyKey
    },
  }
}

/** e2e scripts call these untyped, so check the strings instead of trusting them. */
function scopeArgs(region: string, environment: string): [RegionId, Environment] {
  const known = regionById(region)
  const env = ENVIRONMENTS.find((candidate) => candidate === environment)
  if (!known || !env) throw new Error(`Unknown mock region/environment: ${region}/${environment}`)
  return [known.id, env]
}
