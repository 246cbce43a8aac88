import {
  SCENARIO_FIELDS,
  SCENARIO_SETTINGS,
  type Scenario,
  type ScenarioField,
  type ScenarioPatch,
} from '@/mocks/scenario'

/**
 * Scenario by URL, for demos and e2e: `?mock.latency=2000&mock.failureRate=0.3&mock.events=off
 * &mock.stuck=1&mock.drop=1&mock.readErrors=429x5&mock.schemaDelay=3000&mock.writeDelay=2000`.
 * Each parameter and its reading are declared with its setting (scenario.ts). A value that does
 * not parse is ignored with a warning, never half-applied.
 */
export const SCENARIO_PARAM_NAMES: readonly string[] = SCENARIO_FIELDS.map(
  (field) => SCENARIO_SETTINGS[field].param,
)

export function parseScenarioParams(
  search: string | URLSearchParams,
  warn: (message: string) => void = (message) => {
    console.warn(message)
  },
): ScenarioPatch {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const patch: ScenarioPatch = {}
  for (const field of SCENARIO_FIELDS) {
    const { param, fromParam } = SCENARIO_SETTINGS[field]
    const raw = params.get(param)
    if (raw === null) continue
    const parsed = fromParam.safeParse(raw)
    if (parsed.success) Object.assign(patch, { [field]: parsed.data })
    else warn(`[mock] ignoring ${param}=${raw}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
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
  for (const field of SCENARIO_FIELDS) {
    if (JSON.stringify(scenario[field]) === JSON.stringify(defaults[field])) continue
    params[SCENARIO_SETTINGS[field].param] = formatValue(scenario, field)
  }
  return params
}

function formatValue(scenario: Scenario, field: ScenarioField): string {
  // A setting's `toParam` takes that setting's own value; the field ties the two together.
  const toParam = SCENARIO_SETTINGS[field].toParam as (value: Scenario[ScenarioField]) => string
  return toParam(scenario[field])
}
