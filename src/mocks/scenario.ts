import { z } from 'zod'

/**
 * How the mock misbehaves, for demos and tests: engine latency, transient failures the engine
 * retries, no events stream, a stuck queue, a lost or slow write response, failing reads, a slow
 * first schema.
 *
 * Each setting is declared once, below: its value's schema and default, its `mock.*` URL
 * parameter both ways, the QA panel's control for it and the README's line. The scenario's zod
 * schema, the defaults, the URL parsing (scenario-params.ts), the QA panel (which reads
 * `SCENARIO_CONTROLS` through the mock's control port) and the README table (checked by
 * scenario-readme.test.ts) all come from here; the panel's strings are typed by setting name, so
 * a new setting without them does not compile.
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

/** Which QA panel control edits a setting, and in which of its groups. */
export type ScenarioControlKind = 'milliseconds' | 'rate' | 'switch' | 'readErrors'
export type ScenarioControlGroup = 'engine' | 'network'

type SettingSpec<T> = {
  schema: z.ZodType<T>
  default: T
  /** The URL parameter, and how its text becomes a value (an error message says what fits). */
  param: `mock.${string}`
  fromParam: z.ZodType<T, string>
  toParam: (value: T) => string
  control: { kind: ScenarioControlKind; group: ScenarioControlGroup }
  /** The README's line: an example of the parameter's value, and what it does. */
  readme: { example: string; effect: string }
}

const setting = <T>(spec: SettingSpec<T>): SettingSpec<T> => spec

const milliseconds = z
  .string()
  .regex(/^\d{1,6}$/, 'expected whole milliseconds, e.g. 1500')
  .transform(Number)
const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off'])
  .transform((value) => value === '1' || value === 'true' || value === 'on')
const wholeMs = z.number().int().min(0)

export const SCENARIO_SETTINGS = {
  /** Delay before the engine executes each queued mutation (and the base of its retry backoff). */
  latencyMs: setting({
    schema: wholeMs,
    default: 0,
    param: 'mock.latency',
    fromParam: milliseconds,
    toParam: String,
    control: { kind: 'milliseconds', group: 'engine' },
    readme: {
      example: 'MS',
      effect: 'how long the engine waits before it executes each queued mutation',
    },
  }),
  /** Chance that one execution attempt fails transiently (retried inside the engine). */
  failureRate: setting({
    schema: z.number().min(0).max(1),
    default: 0,
    param: 'mock.failureRate',
    fromParam: z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, 'expected a number from 0 to 1, e.g. 0.3')
      .transform(Number),
    toParam: String,
    control: { kind: 'rate', group: 'engine' },
    readme: {
      example: '0..1',
      effect: 'chance that an execution attempt fails transiently (the engine retries)',
    },
  }),
  /** true: nothing executes until it is set back to false; then the queues resume. */
  stuckQueue: setting({
    schema: z.boolean(),
    default: false,
    param: 'mock.stuck',
    fromParam: flag,
    toParam: (value) => (value ? '1' : '0'),
    control: { kind: 'switch', group: 'engine' },
    readme: { example: '1', effect: 'the queue accepts but never executes' },
  }),
  /** false: `/events` answers 503, so clients must poll. */
  eventsEnabled: setting({
    schema: z.boolean(),
    default: true,
    param: 'mock.events',
    fromParam: flag,
    toParam: (value) => (value ? 'on' : 'off'),
    control: { kind: 'switch', group: 'engine' },
    readme: { example: 'off', effect: 'the `/events` stream is unavailable, so the app must poll' },
  }),
  /** Delay of the first `/schema` call per region and environment ([DOC] "takes 3–5 s"). */
  schemaDelayMs: setting({
    schema: wholeMs,
    default: 0,
    param: 'mock.schemaDelay',
    fromParam: milliseconds,
    toParam: String,
    control: { kind: 'milliseconds', group: 'engine' },
    readme: {
      example: 'MS',
      effect: 'the first `/schema` read per region and environment takes MS (upstream: 3–5 s)',
    },
  }),
  /**
   * Delay of a write's HTTP answer (the 202, or a 400), not of its execution: the write is
   * queued at once and the engine may run it before the client hears back (a slow network).
   */
  writeAnswerDelayMs: setting({
    schema: wholeMs,
    default: 0,
    param: 'mock.writeDelay',
    fromParam: milliseconds,
    toParam: String,
    control: { kind: 'milliseconds', group: 'network' },
    readme: {
      example: 'MS',
      effect: "a write's answer (202 or 400) arrives MS later; the write is queued at once",
    },
  }),
  /** true: the next accepted write is queued, but its response is lost (network error). */
  dropNextWrite: setting({
    schema: z.boolean(),
    default: false,
    param: 'mock.drop',
    fromParam: flag,
    toParam: (value) => (value ? '1' : '0'),
    control: { kind: 'switch', group: 'network' },
    readme: {
      example: '1',
      effect: 'the next write is queued but its response is lost (tests idempotent retry)',
    },
  }),
  readErrors: setting<ReadErrors | null>({
    schema: readErrorsSchema.nullable(),
    default: null,
    param: 'mock.readErrors',
    fromParam: z.string().transform((value, ctx) => {
      if (value === 'off' || value === '0') return null
      const next = /^(429|500)x(\d{1,3})$/.exec(value)
      if (next)
        return {
          mode: 'next' as const,
          status: next[1] === '500' ? (500 as const) : (429 as const),
          remaining: Number(next[2]),
        }
      const burst = /^burst(?::(\d{1,3}))?$/.exec(value)
      if (burst) return { mode: 'burst' as const, perSecond: Math.max(1, Number(burst[1] ?? 5)) }
      ctx.addIssue({ code: 'custom', message: 'expected 429xN, 500xN, burst, burst:N or off' })
      return z.NEVER
    }),
    toParam: (value) => {
      if (!value) return 'off'
      return value.mode === 'next'
        ? `${value.status}x${value.remaining}`
        : `burst:${value.perSecond}`
    },
    control: { kind: 'readErrors', group: 'network' },
    readme: {
      example: '429x5',
      effect:
        'the next 5 reads fail with 429 + `Retry-After` (or `500x3`; `burst:N`: over N reads a second get 429)',
    },
  }),
}

type Settings = typeof SCENARIO_SETTINGS
export type ScenarioField = keyof Settings
export type Scenario = { [K in ScenarioField]: Settings[K]['default'] }

/** The settings in declaration order (the QA panel's and the README's order). */
export const SCENARIO_FIELDS = Object.keys(SCENARIO_SETTINGS) as ScenarioField[]

function mapSettings<R>(pick: (field: ScenarioField) => R): { [K in ScenarioField]: R } {
  return Object.fromEntries(SCENARIO_FIELDS.map((field) => [field, pick(field)])) as {
    [K in ScenarioField]: R
  }
}

export const scenarioSchema: z.ZodType<Scenario> = z.object(
  mapSettings((field) => SCENARIO_SETTINGS[field].schema as z.ZodType<Scenario[ScenarioField]>),
) as z.ZodType<Scenario>
export type ScenarioPatch = Partial<Scenario>
export const scenarioPatchSchema: z.ZodType<ScenarioPatch> = z.object(
  mapSettings((field) =>
    (SCENARIO_SETTINGS[field].schema as z.ZodType<Scenario[ScenarioField]>).optional(),
  ),
) as z.ZodType<ScenarioPatch>

/** Checked against the schema here, so a default that does not fit fails at once. */
export const DEFAULT_SCENARIO: Scenario = scenarioSchema.parse(
  mapSettings((field) => SCENARIO_SETTINGS[field].default),
)

/** What the QA panel draws, in order; it reaches the app through the mock's control port. */
export const SCENARIO_CONTROLS = SCENARIO_FIELDS.map((field) => ({
  field,
  ...SCENARIO_SETTINGS[field].control,
}))
export type ScenarioControl = (typeof SCENARIO_CONTROLS)[number]

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
