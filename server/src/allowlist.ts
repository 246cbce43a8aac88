import { API_PREFIX, pathTemplates, type Environment } from '../../src/api/contract.js'

/**
 * The upstream endpoints the relay forwards ([DOC] api.md, "Endpoints"): each path template of
 * the contract with the methods documented for it. Anything else under the API prefixes is
 * answered by the relay itself and never reaches the upstream. `/events` is the relay's own.
 */
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

type EndpointName = Exclude<keyof typeof pathTemplates, 'events'>

const ALLOWED: Record<EndpointName, readonly Method[]> = {
  schema: ['GET'],
  candidates: ['GET', 'POST'],
  findCandidate: ['GET'],
  candidate: ['GET', 'PATCH'],
  interactions: ['GET', 'POST'],
  interaction: ['PATCH', 'DELETE'],
}

type Compiled = { name: EndpointName; pattern: RegExp; methods: readonly Method[] }

/** `:param` matches one non-empty segment; `/candidates/find` is tried before `/candidates/:id`. */
const compiled: Compiled[] = (Object.keys(ALLOWED) as EndpointName[]).map((name) => ({
  name,
  pattern: new RegExp(`^${pathTemplates[name].replace(/:[A-Za-z]+/g, '[^/]+')}$`),
  methods: ALLOWED[name],
}))

export type Match =
  | { ok: true; endpoint: EndpointName; write: boolean }
  | { ok: false; status: 404 | 405; message: string }

/** Matches the path after the API prefix (e.g. `/candidates/rec1/interactions`). */
export function matchEndpoint(method: string, path: string): Match {
  const found = compiled.filter((entry) => entry.pattern.test(path))
  if (found.length === 0) {
    return { ok: false, status: 404, message: 'This relay does not forward that path.' }
  }
  const entry = found.find((candidate) => (candidate.methods as readonly string[]).includes(method))
  if (!entry) {
    return {
      ok: false,
      status: 405,
      message: `This relay does not forward ${method} on that path.`,
    }
  }
  return { ok: true, endpoint: entry.name, write: method !== 'GET' }
}

export type SplitUrl = { environment: Environment; byPrefix: boolean; path: string; query: string }

/** Splits a raw request URL into prefix environment, path after the prefix, and raw query. */
export function splitApiUrl(rawUrl: string): SplitUrl | null {
  const q = rawUrl.indexOf('?')
  const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q)
  const query = q === -1 ? '' : rawUrl.slice(q + 1)
  for (const environment of ['production', 'sandbox'] as const) {
    const prefix = API_PREFIX[environment]
    if (pathname.startsWith(`${prefix}/`)) {
      return {
        environment,
        byPrefix: environment === 'sandbox',
        path: pathname.slice(prefix.length),
        query,
      }
    }
  }
  return null
}

/**
 * Refuses path tricks before anything is matched: dot segments, empty segments, backslashes,
 * encoded slashes or backslashes, encoded dots, and double encoding (`%25`). Each segment must
 * decode cleanly. Returns a sentence saying what was wrong, or null when the path is clean.
 */
export function pathTrick(path: string): string | null {
  if (/%(2f|5c|25|2e|00)/i.test(path)) return 'Encoded slashes, dots or percent signs are refused.'
  if (path.includes('\\')) return 'Backslashes are refused.'
  const segments = path.split('/').slice(1)
  for (const segment of segments) {
    if (segment === '') return 'Empty path segments are refused.'
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return 'The path is not validly encoded.'
    }
    if (decoded === '.' || decoded === '..') return 'Dot segments are refused.'
    if (Array.from(decoded, (char) => char.charCodeAt(0)).some((code) => code < 0x20)) {
      return 'Control characters are refused.'
    }
  }
  return null
}
