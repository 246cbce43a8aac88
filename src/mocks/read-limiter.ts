import type { RegionId } from '@/mocks/regions'
import type { ScenarioStore } from '@/mocks/scenario'

export type ReadRejection = { status: 429 | 500; retryAfterSeconds: number | null }

/**
 * [DOC] reads are rate-limited by the shared Airtable backend (~5/s) and then fail with 429 or
 * 500. The scenario decides: fail the next N reads, or enforce a per-region reads-per-second
 * budget over a sliding one-second window (only reads that got through count).
 */
export class ReadLimiter {
  readonly #scenario: ScenarioStore
  readonly #clock: () => number
  readonly #recent = new Map<RegionId, number[]>()

  constructor(scenario: ScenarioStore, clock: () => number) {
    this.#scenario = scenario
    this.#clock = clock
  }

  check(region: RegionId): ReadRejection | null {
    const readErrors = this.#scenario.current.readErrors
    if (readErrors?.mode === 'next' && readErrors.remaining > 0) {
      const remaining = readErrors.remaining - 1
      this.#scenario.set({ readErrors: remaining > 0 ? { ...readErrors, remaining } : null })
      return { status: readErrors.status, retryAfterSeconds: readErrors.status === 429 ? 1 : null }
    }
    const now = this.#clock()
    const recent = (this.#recent.get(region) ?? []).filter((at) => now - at < 1000)
    if (readErrors?.mode === 'burst' && recent.length >= readErrors.perSecond) {
      this.#recent.set(region, recent)
      return { status: 429, retryAfterSeconds: 1 }
    }
    recent.push(now)
    this.#recent.set(region, recent)
    return null
  }

  reset(): void {
    this.#recent.clear()
  }
}
