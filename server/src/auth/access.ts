import type { AuthConfig, RelayConfig } from '../config.js'
import type { SessionRecord } from './session.js'

/**
 * What a counsellor may do, from one claim of the identity provider (RELAY_OIDC_ACCESS_CLAIM,
 * e.g. `groups` in Entra ID or `eduperson_entitlement` in SURFconext) and RELAY_ACCESS_RULES,
 * which maps values of that claim to regions, sandbox and roles. Several matching values add up:
 * a region is allowed when any rule names it, its sandbox when any rule naming it allows it.
 */
export type Access = Pick<SessionRecord, 'access' | 'defaultRegion' | 'roles'>

/** A claim's values: a string (some providers send one value, some space-separated) or strings. */
export function claimValues(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean)
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return null
}

/** The access the claim's values grant, or null when they grant no region at all. */
export function accessFrom(values: readonly string[], config: RelayConfig): Access | null {
  const auth: AuthConfig = config.auth
  const sandbox = new Map<string, boolean>()
  const roles = new Set<string>()
  for (const value of values) {
    const rule = auth.accessRules.get(value)
    if (!rule) continue
    for (const region of rule.regions)
      sandbox.set(region, (sandbox.get(region) ?? false) || rule.sandbox)
    for (const role of rule.roles) roles.add(role)
  }
  if (sandbox.size === 0) return null
  // In the order of RELAY_REGIONS, so the default is stable.
  const access = config.regions
    .filter((region) => sandbox.has(region.id))
    .map((region) => ({ region: region.id, sandbox: sandbox.get(region.id) ?? false }))
  const preferred = config.defaultRegion
  const defaultRegion =
    preferred !== null && sandbox.has(preferred) ? preferred : (access[0]?.region ?? '')
  return { access, defaultRegion, roles: [...roles].sort() }
}
