import * as z from 'zod/mini'
import { API_PREFIX } from '@/api/contract'

/** Why a typed base URL was refused; the settings form turns each into a sentence. */
export type BaseUrlProblem = 'empty' | 'not-a-url' | 'protocol' | 'credentials' | 'query'

export type BaseUrlResult = { ok: true; baseUrl: string } | { ok: false; problem: BaseUrlProblem }

const PREFIXES = Object.values(API_PREFIX)

/**
 * What a user types as the API's address, turned into what the client puts before `/api/v2`:
 * `https://host[:port][/path]` without a trailing slash. A pasted documented base URL
 * (`…/api/v2` or `…/api/sandbox`) is accepted and its prefix dropped, since the environment
 * decides the prefix. Credentials, a query or a fragment are refused: a key belongs in the key
 * field, never in a URL.
 */
export function parseBaseUrl(input: string): BaseUrlResult {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, problem: 'empty' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { ok: false, problem: 'not-a-url' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: 'protocol' }
  if (url.username || url.password) return { ok: false, problem: 'credentials' }
  if (url.search || url.hash || trimmed.includes('?') || trimmed.includes('#'))
    return { ok: false, problem: 'query' }
  let path = url.pathname.replace(/\/+$/, '')
  for (const prefix of PREFIXES) {
    if (path.endsWith(prefix)) path = path.slice(0, -prefix.length)
  }
  return { ok: true, baseUrl: `${url.origin}${path}` }
}

/** A stored or typed base URL, normalised; invalid ones fail with the problem as message. */
export const baseUrlSchema = z.pipe(
  z.string(),
  z.transform((value: string, ctx) => {
    const result = parseBaseUrl(value)
    if (result.ok) return result.baseUrl
    ctx.issues.push({ code: 'custom', message: result.problem, input: value })
    return z.NEVER
  }),
)

/** Loopback addresses count as secure contexts: an https page may still call them over http. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  )
}

/** `host[:port]` of a base URL, for showing which server is in use. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host
  } catch {
    return baseUrl
  }
}
