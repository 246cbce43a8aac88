import type { FastifyRequest } from 'fastify'
import { HEADER_SANDBOX, type Environment } from '../../src/api/contract.js'
import type { RegionConfig, RelayConfig } from './config.js'

/**
 * Which region a browser works in. Until counsellor sign-in exists (issue 12, which will take it
 * from the session), the app names it in this header, or the relay's default region applies
 * (RELAY_DEFAULT_REGION, or the only configured region). The relay is loopback-only until then.
 */
export const HEADER_RELAY_REGION = 'x-relay-region'

export type RequestRegion = { ok: true; region: RegionConfig } | { ok: false; message: string }

export function regionOf(request: FastifyRequest, config: RelayConfig): RequestRegion {
  const header = request.headers[HEADER_RELAY_REGION]
  const named = typeof header === 'string' && header.trim() !== '' ? header.trim() : null
  const id = named ?? config.defaultRegion
  if (id === null) {
    return {
      ok: false,
      message: `Name the region in the ${HEADER_RELAY_REGION} header; this relay serves several.`,
    }
  }
  const region = config.regions.find((candidate) => candidate.id === id)
  return region
    ? { ok: true, region }
    : { ok: false, message: 'This relay does not serve that region.' }
}

/** [DOC] `/api/sandbox` selects sandbox; on `/api/v2` the `x-api-sandbox: true` header does. */
export function environmentOf(request: FastifyRequest, byPrefix: Environment): Environment {
  if (byPrefix === 'sandbox') return 'sandbox'
  const header = request.headers[HEADER_SANDBOX]
  return typeof header === 'string' && header.trim().toLowerCase() === 'true'
    ? 'sandbox'
    : 'production'
}
