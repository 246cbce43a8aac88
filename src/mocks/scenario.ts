import { z } from 'zod'

/**
 * How the mock misbehaves, for demos and tests: engine latency, transient failures the engine
 * retries, no events stream, a stuck queue, a lost or slow write response, failing reads.
 */
const readErrorsSchema = z.discriminatedUnion('mode', [
  /** The next `remaining` reads answer `status` (429 with Retry-After: 1, or 500). */
  z.object({
    mode: z.literal('next'),
    status: z.union([z.literal(429), z.literal(500)]),
    remaining: z.number().int().min(0),
  }),
  /** Realistic rate limit: more than `perSecond` reads per second per region answer 429. */
  z.object({ mode: z.literal('burst'), perSecond: z.number().int().min(1) }),
])
export type ReadErrors = z.infer<typeof readErrorsSchema>

export const scenarioSchema = z.object({
  /** Delay before the engine executes each queued mutation (and the base of its retry backoff). */
  latencyMs: z.number().int().min(0),
  /** Chance that one execution attempt fails transiently (retried inside the engine). */
  failureRate: z.number().min(0).max(1),
  /** false: `/events` answers 503, so clients must poll. */
  eventsEnabled: z.boolean(),
  /** true: nothing executes until it is set back to false; then the queues resume. */
  stuckQueue: z.boolean(),
  /** true: the next accepted write is queued, but its response is lost (network error). */
  dropNextWrite: z.boolean(),
  readErrors: readErrorsSchema.nullable(),
  /** Delay of the first `/schema` call per region and environment ([DOC] "takes 3–5 s"). */
  schemaDelayMs: z.number().int().min(0),
  /**
   * Delay of a write's HTTP answer (the 202, or a 400), not of its execution: the write is
   * queued at once and the engine may run it before the client hears back (a slow network).
   */
  writeAnswerDelayMs: z.number().int().min(0),
})
export type Scenario = z.infer<typeof scenarioSchema>
export const scenarioPatchSchema = scenarioSchema.partial()
export type ScenarioPatch = z.infer<typeof scenarioPatchSchema>

export const DEFAULT_SCENARIO: Scenario = {
  latencyMs: 0,
  failureRate: 0,
  eventsEnabled: true,
  stuckQueue: false,
  dropNextWrite: false,
  readErrors: null,
  schemaDelayMs: 0,
  writeAnswerDelayMs: 0,
}

type Listener = (next: Scenario, previous: Scenario) => void

export class ScenarioStore {
  #current: Scenario
  readonly #listeners = new Set<Listener>()

  constructor(initial: Scenario) {
    this.#current = initial
  }

  get current(): Scenario {
    return this.#current
  }

  /** Validates (callers may be e2e scripts), merges and notifies. */
  set(patch: ScenarioPatch): void {
    const parsed = scenarioPatchSchema.parse(patch)
    const previous = this.#current
    const defined = Object.fromEntries(
      Object.entries<unknown>(parsed).filter(([, v]) => v !== undefined),
    )
    this.#current = scenarioSchema.parse({ ...previous, ...defined })
    for (const listener of this.#listeners) listener(this.#current, previous)
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
