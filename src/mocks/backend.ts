import type { HttpHandler } from 'msw'
import type { Environment } from '@/api/contract'
import { candidateInteractions, getCandidate, sortedCandidates } from '@/mocks/db'
import { MutationEngine } from '@/mocks/engine'
import { RequestCounter, type HandlerDeps } from '@/mocks/handler-context'
import { createHandlers } from '@/mocks/handlers'
import { noopPersistence, type PersistenceAdapter } from '@/mocks/persistence'
import { ReadLimiter } from '@/mocks/read-limiter'
import type { RegionId } from '@/mocks/regions'
import {
  DEFAULT_SCENARIO,
  ScenarioStore,
  type Scenario,
  type ScenarioPatch,
} from '@/mocks/scenario'
import type { StoredCandidate, StoredInteraction } from '@/mocks/state'
import { MockStore } from '@/mocks/store'

export type MockBackendOptions = {
  /**
   * The clock. A number or Date freezes it (tests); a function is read on every use. Seed data
   * is generated relative to the clock's value when the backend is created (or reset).
   */
  now?: number | Date | (() => number)
  /** Engine latency per mutation; default 0 (the browser demo uses 1500). */
  latencyMs?: number
  /** The rest of the starting scenario; `reset()` returns to it. */
  scenario?: ScenarioPatch
  persistence?: PersistenceAdapter
  /** Drives transient failures, new ids, server-made keys and nonces (not the seed data). */
  random?: () => number
  /** See createHandlers: '' = page origin (default where `location` exists), '*' = any origin. */
  baseUrl?: string
}

/** Read-only looks into the data, for tests and the demo console (not through HTTP). */
export type MockDb = {
  candidates(region: RegionId, environment: Environment): StoredCandidate[]
  candidate(region: RegionId, environment: Environment, id: string): StoredCandidate | undefined
  /** Every interaction of the candidate (not capped at 100), newest first. */
  interactions(region: RegionId, environment: Environment, candidateId: string): StoredInteraction[]
}

export type MockBackend = {
  handlers: HttpHandler[]
  engine: MutationEngine
  db: MockDb
  scenario: ScenarioStore
  setScenario(patch: ScenarioPatch): void
  getScenario(): Scenario
  /** New seed data, empty queues, forgotten idempotency keys; the scenario stays. */
  resetData(): void
  /** resetData() plus the starting scenario, request counts and rate-limit windows. */
  reset(): void
  requestCounts(): Record<string, number>
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const clock = toClock(options.now)
  const random = options.random ?? Math.random
  const scenario = new ScenarioStore({
    ...DEFAULT_SCENARIO,
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
  })
  if (options.scenario) scenario.set(options.scenario)
  const base = scenario.current
  const store = new MockStore(options.persistence ?? noopPersistence, clock)
  const engine = new MutationEngine({ store, scenario, clock, random })
  const counter = new RequestCounter()
  const limiter = new ReadLimiter(scenario, clock)
  const deps: HandlerDeps = { store, engine, scenario, limiter, counter, warmSchemas: new Set() }
  const baseUrl = options.baseUrl ?? (typeof location === 'undefined' ? '*' : '')

  const resetData = () => {
    engine.reset()
    store.reset()
  }

  return {
    handlers: createHandlers(deps, baseUrl),
    engine,
    db: {
      candidates: (region, environment) => sortedCandidates(store.dataset({ region, environment })),
      candidate: (region, environment, id) =>
        getCandidate(store.dataset({ region, environment }), id),
      interactions: (region, environment, candidateId) =>
        candidateInteractions(store.dataset({ region, environment }), candidateId),
    },
    scenario,
    setScenario: (patch) => {
      scenario.set(patch)
    },
    getScenario: () => scenario.current,
    resetData,
    reset: () => {
      resetData()
      scenario.set(base)
      limiter.reset()
      counter.reset()
      deps.warmSchemas.clear()
    },
    requestCounts: () => counter.snapshot(),
  }
}

function toClock(now: MockBackendOptions['now']): () => number {
  if (now === undefined) return () => Date.now()
  if (typeof now === 'function') return now
  const fixed = now instanceof Date ? now.getTime() : now
  return () => fixed
}
