import { createApiClient } from '@/api/client'
import {
  paths,
  regionFromMeta,
  schemaEnvelopeSchema,
  type Environment,
  type MetaRegion,
  type SandboxMode,
} from '@/api/contract'
import { isAbortError, isApiError } from '@/api/errors'
import { isLoopbackHost } from '@/config/base-url'
import { isConnectAllowed } from '@/config/csp'
import { parseJson } from '@/lib/json'

export type ConnectionTestInput = {
  /** Base URL before `/api/v2`; '' = this page's origin (the built-in mock). */
  origin: string
  apiKey: string
  environment: Environment
  sandboxMode: SandboxMode
  /** The region the user expects the key to open (name or id); null = no expectation. */
  expectedRegion: string | null
}

/** Every way a test can end, each with its own plain-words explanation in the UI. */
export type ConnectionTestOutcome =
  | { kind: 'ok'; region: MetaRegion | null }
  | { kind: 'wrong-region'; region: MetaRegion; expected: string }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' }
  /** The origin answered a plain request, but the browser would not let us read the API call. */
  | { kind: 'cors' }
  /** Neither the API call nor a plain request got an answer. */
  | { kind: 'unreachable' }
  | { kind: 'timeout'; seconds: number }
  /** This build's Content-Security-Policy does not allow the origin. */
  | { kind: 'blocked-by-policy'; allowed: string[] }
  | { kind: 'mixed-content' }
  /** Something answered, but not like the API (an HTML page, a 404, another shape). */
  | { kind: 'not-the-api'; detail: string }
  | { kind: 'sandbox-ignored' }
  | { kind: 'rate-limited' }
  | { kind: 'server'; status: number }
  | { kind: 'http'; status: number }

export type ConnectionTestDeps = {
  fetch?: typeof fetch
  /** The page's origin and protocol (defaults: `window.location`). */
  pageOrigin?: string
  pageProtocol?: string
  /** `connect-src` of this build's CSP; empty = no CSP. */
  cspConnectSources?: readonly string[]
  timeoutMs?: number
  signal?: AbortSignal
}

const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Reads `/schema` the way the app will (same key header, same sandbox choice) and says what
 * happened. A browser reports "blocked by CORS" and "nothing there" as the same TypeError; to
 * tell them apart as far as a page can, a failed call is followed by a plain `no-cors` request
 * to the same URL, which needs no permission: if that gets an answer, the server is there and
 * CORS is the likely reason. The UI says honestly that this is a best reading.
 */
export async function testConnection(
  input: ConnectionTestInput,
  deps: ConnectionTestDeps = {},
): Promise<ConnectionTestOutcome> {
  const doFetch = deps.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args))
  const pageOrigin = deps.pageOrigin ?? window.location.origin
  const pageProtocol = deps.pageProtocol ?? window.location.protocol
  const csp = deps.cspConnectSources ?? []
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const api = probeClient(input, doFetch)
  const target = new URL(api.url(paths.schema), pageOrigin)

  if (pageProtocol === 'https:' && target.protocol === 'http:' && !isLoopbackHost(target.hostname))
    return { kind: 'mixed-content' }
  if (!isConnectAllowed(target.href, csp, pageOrigin))
    return { kind: 'blocked-by-policy', allowed: csp.map((s) => (s === "'self'" ? pageOrigin : s)) }

  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort()
  }, timeoutMs)
  const stopOuter = forwardAbort(deps.signal, controller)
  try {
    const response = await api.send({
      method: 'GET',
      path: paths.schema,
      signal: controller.signal,
    })
    return await readSchemaResponse(response, input)
  } catch (error) {
    if (isAbortError(error)) {
      if (deps.signal?.aborted) throw error
      return { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) }
    }
    if (!isApiError(error)) throw error
    switch (error.kind) {
      case 'network':
        return (await answersPlainRequest(doFetch, target.href, timeoutMs))
          ? { kind: 'cors' }
          : { kind: 'unreachable' }
      case 'unauthorized':
        return { kind: 'unauthorized' }
      case 'not-found':
        return { kind: 'not-the-api', detail: `${error.status} at ${target.pathname}` }
      case 'rate-limited':
        return { kind: 'rate-limited' }
      case 'server':
        return { kind: 'server', status: error.status }
      case 'invalid-response':
        return { kind: 'not-the-api', detail: error.message }
      default:
        return error.status === 403 ? { kind: 'forbidden' } : { kind: 'http', status: error.status }
    }
  } finally {
    clearTimeout(timer)
    stopOuter()
  }
}

function probeClient(input: ConnectionTestInput, doFetch?: typeof fetch) {
  return createApiClient({
    origin: input.origin,
    apiKey: input.apiKey,
    environment: input.environment,
    sandboxMode: input.sandboxMode,
    region: 'connection-test',
    ...(doFetch ? { fetch: doFetch } : {}),
  })
}

/** The absolute URL a test reads (for the explanation; it never contains the key). */
export function testedUrl(input: ConnectionTestInput, pageOrigin: string): string {
  return new URL(probeClient(input).url(paths.schema), pageOrigin).href
}

async function readSchemaResponse(
  response: Response,
  input: ConnectionTestInput,
): Promise<ConnectionTestOutcome> {
  const text = await response.text()
  const json = parseJson(text)
  if (!json.ok) {
    const type = response.headers.get('content-type') ?? 'no content type'
    return { kind: 'not-the-api', detail: `not JSON but ${type}` }
  }
  const parsed = schemaEnvelopeSchema.safeParse(json.value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      kind: 'not-the-api',
      detail: `unexpected shape${issue ? ` at ${issue.path.join('.') || 'body'}` : ''}`,
    }
  }
  if (input.environment === 'sandbox' && !parsed.data.meta.sandboxEnabled)
    return { kind: 'sandbox-ignored' }
  const region = regionFromMeta(parsed.data.meta)
  return withExpectedRegion({ kind: 'ok', region }, input.expectedRegion)
}

/**
 * A working key of another region than the one expected becomes `wrong-region` (and back, when
 * the expectation changes): the settings form re-checks as the user edits the region field.
 */
export function withExpectedRegion(
  outcome: ConnectionTestOutcome,
  expectedRegion: string | null,
): ConnectionTestOutcome {
  if (outcome.kind !== 'ok' && outcome.kind !== 'wrong-region') return outcome
  const expected = expectedRegion?.trim() ?? ''
  const { region } = outcome
  if (region && expected && !sameRegion(region, expected))
    return { kind: 'wrong-region', region, expected }
  return { kind: 'ok', region }
}

function sameRegion(region: MetaRegion, expected: string): boolean {
  const wanted = normalise(expected)
  return normalise(region.id) === wanted || normalise(region.name) === wanted
}

function normalise(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ')
}

/** A `no-cors` GET needs no CORS permission: it resolves (opaquely) whenever a server answers. */
async function answersPlainRequest(
  doFetch: typeof fetch,
  url: string,
  timeoutMs: number,
): Promise<boolean> {
  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort()
  }, timeoutMs)
  try {
    await doFetch(url, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    })
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

function forwardAbort(outer: AbortSignal | undefined, inner: AbortController): () => void {
  if (!outer) return () => undefined
  const abort = () => {
    inner.abort()
  }
  outer.addEventListener('abort', abort, { once: true })
  return () => {
    outer.removeEventListener('abort', abort)
  }
}
