import { z } from 'zod'
import type { Scenario, ScenarioPatch } from '@/mocks/scenario'

/**
 * Scenario by URL, for demos and e2e: `?mock.latency=2000&mock.failureRate=0.3&mock.events=off
 * &mock.stuck=1&mock.drop=1&mock.readErrors=429x5&mock.schemaDelay=3000&mock.writeDelay=2000`. A value that does not
 * parse is ignored with a warning, never half-applied.
 */
export const SCENARIO_PARAMS = {
  latencyMs: 'mock.latency',
  failureRate: 'mock.failureRate',
  eventsEnabled: 'mock.events',
  stuckQueue: 'mock.stuck',
  dropNextWrite: 'mock.drop',
  readErrors: 'mock.readErrors',
  schemaDelayMs: 'mock.schemaDelay',
  writeAnswerDelayMs: 'mock.writeDelay',
} as const

const milliseconds = z
  .string()
  .regex(/^\d{1,6}$/, 'expected whole milliseconds, e.g. 1500')
  .transform(Number)
const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off'])
  .transform((value) => value === '1' || value === 'true' || value === 'on')

const parsers = {
  latencyMs: milliseconds,
  schemaDelayMs: milliseconds,
  writeAnswerDelayMs: milliseconds,
  failureRate: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, 'expected a number from 0 to 1, e.g. 0.3')
    .transform(Number),
  eventsEnabled: flag,
  stuckQueue: flag,
  dropNextWrite: flag,
  readErrors: z.string().transform((value, ctx) => {
    if (value === 'off' || value === '0') return null
    const next = /^(429|500)x(\d{1,3})$/.exec(value)
    if (next)
      return {
        mode: 'next' as const,
        status: next[1] === '500' ? 500 : 429,
        remaining: Number(next[2]),
      }
    const burst = /^burst(?::(\d{1,3}))?$/.exec(value)
    if (burst) return { mode: 'burst' as const, perSecond: Math.max(1, Number(burst[1] ?? 5)) }
    ctx.addIssue({ code: 'custom', message: 'expected 429xN, 500xN, burst, burst:N or off' })
    return z.NEVER
  }),
} satisfies { [K in keyof typeof SCENARIO_PARAMS]: z.ZodType<ScenarioPatch[K], string> }

export function parseScenarioParams(
  search: string | URLSearchParams,
  warn: (message: string) => void = (message) => {
    console.warn(message)
  },
): ScenarioPatch {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const patch: ScenarioPatch = {}
  for (const field of Object.keys(SCENARIO_PARAMS) as (keyof typeof SCENARIO_PARAMS)[]) {
    const raw = params.get(SCENARIO_PARAMS[field])
    if (raw === null) continue
    const parsed = parsers[field].safeParse(raw)
    if (parsed.success) Object.assign(patch, { [field]: parsed.data })
    else
      warn(
        `[mock] ignoring ${SCENARIO_PARAMS[field]}=${raw}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      )
  }
  return patch
}

/**
 * The other direction, for the QA panel's "copy link to this scenario": the `mock.*` parameters
 * that turn `defaults` into `scenario` (only the fields that differ), so that
 * `parseScenarioParams` of the result, applied on `defaults`, gives `scenario` back.
 */
export function formatScenarioParams(
  scenario: Scenario,
  defaults: Scenario,
): Record<string, string> {
  const params: Record<string, string> = {}
  for (const field of Object.keys(SCENARIO_PARAMS) as (keyof typeof SCENARIO_PARAMS)[]) {
    if (JSON.stringify(scenario[field]) === JSON.stringify(defaults[field])) continue
    params[SCENARIO_PARAMS[field]] = formatValue(scenario, field)
  }
  return params
}

function formatValue(scenario: Scenario, field: keyof typeof SCENARIO_PARAMS): string {
  switch (field) {
    case 'eventsEnabled':
      return scenario.eventsEnabled ? 'on' : 'off'
    case 'stuckQueue':
      return scenario.stuckQueue ? '1' : '0'
    case 'dropNextWrite':
      return scenario.dropNextWrite ? '1' : '0'
    case 'readErrors': {
      const errors = scenario.readErrors
      if (!errors) return 'off'
      return errors.mode === 'next'
        ? `${errors.status}x${errors.remaining}`
        : `burst:${errors.perSecond}`
    }
    default:
      return String(scenario[field])
  }
}
