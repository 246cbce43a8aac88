import { ENVIRONMENTS, type Environment, type MutationOutcome } from '@/api/contract'
import type { MockBackend } from '@/mocks/backend'
import { regionById, type RegionId } from '@/mocks/regions'
import type { Scenario, ScenarioPatch } from '@/mocks/scenario'
import type { QueuedMutation, StoredCandidate, StoredInteraction } from '@/mocks/state'

/** What e2e tests (and curious demo-givers) can reach on `window.__candidateTimelineMock`. */
export type MockControl = {
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
}

export function controlFor(backend: MockBackend): MockControl {
  return {
    setScenario: (patch) => {
      backend.setScenario(patch)
    },
    getScenario: () => backend.getScenario(),
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
  }
}

/** e2e scripts call these untyped, so check the strings instead of trusting them. */
function scopeArgs(region: string, environment: string): [RegionId, Environment] {
  const known = regionById(region)
  const env = ENVIRONMENTS.find((candidate) => candidate === environment)
  if (!known || !env) throw new Error(`Unknown mock region/environment: ${region}/${environment}`)
  return [known.id, env]
}
