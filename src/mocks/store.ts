import type { PersistenceAdapter } from '@/mocks/persistence'
import { regionById } from '@/mocks/regions'
import { seedDataset } from '@/mocks/seed'
import {
  emptyState,
  mockStateSchema,
  scopeKey,
  type Dataset,
  type MockState,
  type Scope,
} from '@/mocks/state'
import { parseJson } from '@/lib/json'

/**
 * Holds the mock's whole state and writes it through the persistence adapter. Datasets are
 * seeded lazily on first use, from the state's `anchor`, so seeding is deterministic and a
 * region nobody opens costs nothing.
 */
export class MockStore {
  state: MockState
  readonly #persistence: PersistenceAdapter
  readonly #now: () => number

  constructor(persistence: PersistenceAdapter, now: () => number) {
    this.#persistence = persistence
    this.#now = now
    this.state = restore(persistence) ?? emptyState(now())
  }

  dataset(scope: Scope): Dataset {
    const key = scopeKey(scope)
    const existing = this.state.datasets[key]
    if (existing) return existing
    const region = regionById(scope.region)
    if (!region) throw new Error(`Unknown mock region ${scope.region}`)
    const seeded = seedDataset(region, scope.environment, this.state.anchor)
    this.state.datasets[key] = seeded
    return seeded
  }

  save(): void {
    this.#persistence.save(JSON.stringify(this.state))
  }

  /** Fresh seed data (anchored at the current time), empty queues, forgotten keys. */
  reset(): void {
    this.state = emptyState(this.#now())
    this.#persistence.clear()
  }
}

function restore(persistence: PersistenceAdapter): MockState | null {
  const raw = persistence.load()
  if (raw === null) return null
  const json = parseJson(raw)
  if (json.ok) {
    const parsed = mockStateSchema.safeParse(json.value)
    if (parsed.success) return parsed.data
    console.warn('[mock] ignoring stored mock state: it does not have the expected shape')
  } else {
    console.warn('[mock] ignoring stored mock state: it is not valid JSON')
  }
  return null
}
