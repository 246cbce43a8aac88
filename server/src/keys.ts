import type { Environment } from '../../src/api/contract.js'

/**
 * Redis key names. All keys of one region+environment share the hash tag `{region:environment}`,
 * so a Redis Cluster keeps them on one slot (and a multi-key command on them stays legal).
 */
export type Scope = { region: string; environment: Environment }

export function scopeTag(scope: Scope): string {
  return `{${scope.region}:${scope.environment}}`
}

/** The Redis Stream of mutation outcomes of one region+environment. */
export function eventsKey(scope: Scope): string {
  return `events:${scopeTag(scope)}`
}

/** A callback nonce already seen in this region+environment (kept with a TTL). */
export function nonceKey(scope: Scope, nonce: string): string {
  return `nonce:${scopeTag(scope)}:${nonce}`
}

/** The field of a stream entry that holds the outcome's JSON. */
export const STREAM_FIELD = 'outcome'
