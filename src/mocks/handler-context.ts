import type { HttpResponse } from 'msw'
import type { Environment, ErrorBody } from '@/api/contract'
import type { MutationEngine } from '@/mocks/engine'
import { authenticate, environmentOf } from '@/mocks/http'
import type { ReadLimiter } from '@/mocks/read-limiter'
import type { RegionDefinition } from '@/mocks/regions'
import type { ScenarioStore } from '@/mocks/scenario'
import type { Scope } from '@/mocks/state'
import type { MockStore } from '@/mocks/store'

/** Counts requests per `METHOD /path/:template`, so e2e tests can assert how often we called. */
export class RequestCounter {
  #counts = new Map<string, number>()

  add(method: string, template: string): void {
    const key = `${method} ${template}`
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1)
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.#counts)
  }

  reset(): void {
    this.#counts.clear()
  }
}

export type HandlerDeps = {
  store: MockStore
  engine: MutationEngine
  scenario: ScenarioStore
  limiter: ReadLimiter
  counter: RequestCounter
  /** Regions+environments whose `/schema` was already served (the first call is slow). */
  warmSchemas: Set<string>
}

export type RequestScope = Scope & { regionDefinition: RegionDefinition }

/** Counts the request, resolves its environment and authenticates its key. */
export function begin(
  deps: HandlerDeps,
  request: Request,
  prefixEnvironment: Environment,
  template: string,
): { scope: RequestScope } | { response: HttpResponse<ErrorBody>; environment: Environment } {
  deps.counter.add(request.method, template)
  const environment = environmentOf(request, prefixEnvironment)
  const auth = authenticate(request, environment)
  if ('response' in auth) return { response: auth.response, environment }
  return { scope: { region: auth.region.id, environment, regionDefinition: auth.region } }
}

/** A path parameter as one non-empty string (msw gives `string | readonly string[] | undefined`). */
export function param(
  params: Record<string, string | readonly string[] | undefined>,
  name: string,
): string {
  const value = params[name]
  return typeof value === 'string' ? value : ''
}
