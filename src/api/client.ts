import type * as z from 'zod/mini'
import {
  API_PREFIX,
  HEADER_API_KEY,
  HEADER_RETRY_AFTER,
  HEADER_SANDBOX,
  candidateEnvelopeSchema,
  candidateListSchema,
  errorBodySchema,
  relayErrorBodySchema,
  interactionListSchema,
  parseRetryAfter,
  paths,
  schemaEnvelopeSchema,
  type Candidate,
  type CandidateList,
  type Environment,
  type Interaction,
  type JsonSchemaDocument,
  type SandboxMode,
  type SchemaOperation,
} from '@/api/contract'
import { ApiError, isAbortError } from '@/api/errors'
import {
  HEADER_RELAY_CSRF,
  HEADER_RELAY_REGION,
  HEADER_RELAY_SUBJECT,
  QUERY_RELAY_REGION,
} from '@/api/relay'
import { parseJson, type ParsedJson } from '@/lib/json'

export type ApiConfig = {
  /** Origin of the API ('' = this page's origin, where the mock answers). */
  origin: string
  apiKey: string
  environment: Environment
  sandboxMode: SandboxMode
  /** The region the key belongs to; scopes every cache key. */
  region: string
  /**
   * [OURS] Behind our relay (same origin): no key (the relay adds it), the session's region by
   * header, the relay's CSRF header, and its own refusals read as such (src/api/relay.ts).
   */
  relay?: { region: string; subject: string }
  /** Longest wait for an answer (headers and body), in ms; default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number
  fetch?: typeof fetch
}

/** A request that has had no complete answer after this long is given up as a timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000

/** The upstream answered from another environment than the one asked for. */
export const SANDBOX_MISMATCH = 'sandbox_mismatch'

/** What every cache key starts with, so environments and regions never share data. */
export type ApiScope = { environment: Environment; region: string }

export type RequestInput = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | undefined | null>
  body?: unknown
  signal?: AbortSignal | undefined
  accept?: string
}

export type ApiClient = ReturnType<typeof createApiClient>

/** Every envelope carries `meta.sandboxEnabled` ([DOC]); `request` checks it. */
type EnvelopeShape = z.ZodMiniType<{ meta: { sandboxEnabled: boolean } }>

export function createApiClient(config: ApiConfig) {
  const doFetch = config.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args))
  const scope: ApiScope = { environment: config.environment, region: config.region }
  const isSandbox = config.environment === 'sandbox'
  const prefix =
    isSandbox && config.sandboxMode === 'prefix' ? API_PREFIX.sandbox : API_PREFIX.production

  function url(path: string, query: RequestInput['query']): string {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
    }
    // [OURS] the relay's event stream takes the region from the query too (EventSource cannot
    // send headers; this client can, and sends both).
    if (config.relay && path === paths.events) params.set(QUERY_RELAY_REGION, config.relay.region)
    const search = params.toString()
    return `${config.origin}${prefix}${path}${search ? `?${search}` : ''}`
  }

  function headers(input: RequestInput): Headers {
    const h = new Headers({ accept: input.accept ?? 'application/json' })
    if (config.relay) {
      h.set(HEADER_RELAY_REGION, config.relay.region)
      h.set(HEADER_RELAY_CSRF, '1')
      if (config.relay.subject !== '') h.set(HEADER_RELAY_SUBJECT, config.relay.subject)
    } else {
      h.set(HEADER_API_KEY, config.apiKey)
    }
    if (isSandbox && config.sandboxMode === 'header') h.set(HEADER_SANDBOX, 'true')
    if (input.body !== undefined) h.set('content-type', 'application/json')
    return h
  }

  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const relayRefusalListeners = new Set<(error: ApiError) => void>()

  /**
   * Runs `read` on the response of a request, within the timeout (which covers reading the body
   * too). Throws ApiError for a non-2xx answer, no answer, or the timeout; aborts stay aborts.
   */
  async function exchange<T>(
    input: RequestInput,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout
    const timedOut = () =>
      new ApiError({
        status: 0,
        code: 'timeout',
        message: `The server did not answer within ${Math.round(timeoutMs / 1000)} s.`,
      })
    let response: Response
    try {
      response = await doFetch(url(input.path, input.query), {
        method: input.method,
        headers: headers(input),
        body: input.body === undefined ? null : JSON.stringify(input.body),
        signal,
      })
    } catch (error) {
      if (input.signal?.aborted) throw error
      if (timeout.aborted) throw timedOut()
      if (isAbortError(error)) throw error
      throw new ApiError({
        status: 0,
        code: 'network_error',
        message: 'The server could not be reached (offline, blocked by the browser, or refused).',
        cause: error,
      })
    }
    if (!response.ok) {
      const error = await toApiError(response, config.relay !== undefined)
      if (error.relayCode !== null) for (const listener of relayRefusalListeners) listener(error)
      throw error
    }
    try {
      return await read(response)
    } catch (error) {
      if (!input.signal?.aborted && timeout.aborted) throw timedOut()
      throw error
    }
  }

  /** Sends a request; returns the raw response when it is 2xx, throws ApiError otherwise. */
  function send(input: RequestInput): Promise<Response> {
    return exchange(input, (response) => Promise.resolve(response))
  }

  const mismatchListeners = new Set<(error: ApiError) => void>()

  /** An envelope from the other environment is never data of this one. */
  function checkEnvironment(sandboxEnabled: boolean, status: number): void {
    if (sandboxEnabled === isSandbox) return
    const error = new ApiError({
      status,
      code: SANDBOX_MISMATCH,
      message: isSandbox
        ? 'A sandbox request was answered from production: something between this app and the API drops the sandbox setting.'
        : 'A production request was answered from the sandbox.',
    })
    for (const listener of mismatchListeners) listener(error)
    throw error
  }

  function request<S extends EnvelopeShape>(schema: S, input: RequestInput): Promise<z.infer<S>> {
    return exchange(input, async (response) => {
      const body = await parseBody(response, schema)
      checkEnvironment(body.meta.sandboxEnabled, response.status)
      return body
    })
  }

  return {
    config,
    scope,
    send,
    /** A request whose 2xx response `read` turns into a result (writes: src/api/writes.ts). */
    exchange,
    /** Calls back whenever a read is answered from the other environment (the journal halts). */
    subscribeSandboxMismatch: (listener: (error: ApiError) => void) => {
      mismatchListeners.add(listener)
      return () => {
        mismatchListeners.delete(listener)
      }
    },
    /** Calls back on every refusal by the relay itself (signed out, forbidden, rate limited). */
    subscribeRelayRefusal: (listener: (error: ApiError) => void) => {
      relayRefusalListeners.add(listener)
      return () => {
        relayRefusalListeners.delete(listener)
      }
    },
    /** Full URL of a path, for callers that stream (the events port). */
    url: (path: string) => url(path, undefined),
    headers: (accept: string) => headers({ method: 'GET', path: '', accept }),

    getSchema: async (
      operation: SchemaOperation,
      signal?: AbortSignal,
    ): Promise<JsonSchemaDocument> =>
      (
        await request(schemaEnvelopeSchema, {
          method: 'GET',
          path: paths.schema,
          query: { operation: operation === 'update' ? 'update' : undefined },
          signal,
        })
      ).data,

    listCandidates: (
      page: { pageSize: number; cursor?: string | null },
      signal?: AbortSignal,
    ): Promise<CandidateList> =>
      request(candidateListSchema, {
        method: 'GET',
        path: paths.candidates,
        query: { pageSize: page.pageSize, cursor: page.cursor },
        signal,
      }),

    findCandidate: async (
      by: { email?: string; phone?: string },
      signal?: AbortSignal,
    ): Promise<Candidate> =>
      (
        await request(candidateEnvelopeSchema, {
          method: 'GET',
          path: paths.findCandidate,
          query: { email: by.email, phone: by.phone },
          signal,
        })
      ).data,

    getCandidate: async (id: string, signal?: AbortSignal): Promise<Candidate> =>
      (await request(candidateEnvelopeSchema, { method: 'GET', path: paths.candidate(id), signal }))
        .data,

    listInteractions: async (candidateId: string, signal?: AbortSignal): Promise<Interaction[]> =>
      (
        await request(interactionListSchema, {
          method: 'GET',
          path: paths.interactions(candidateId),
          signal,
        })
      ).data,
  }
}

async function readJson(response: Response): Promise<ParsedJson> {
  return parseJson(await response.text())
}

export async function parseBody<S extends z.ZodMiniType>(
  response: Response,
  schema: S,
): Promise<z.infer<S>> {
  const json = await readJson(response)
  if (!json.ok) {
    const type = response.headers.get('content-type') ?? 'no content type'
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: `Expected JSON from the API but got ${type}. ${
        type.includes('html')
          ? 'The request reached a web page instead of the API (is the mock backend running?).'
          : ''
      }`.trim(),
    })
  }
  const parsed = schema.safeParse(json.value)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: `The API answered in an unexpected shape${
        first ? ` (${first.path.join('.') || 'body'}: ${first.message})` : ''
      }.`,
      cause: parsed.error,
    })
  }
  return parsed.data
}

async function toApiError(response: Response, isRelay: boolean): Promise<ApiError> {
  const retryAfterMs = parseRetryAfter(response.headers.get(HEADER_RETRY_AFTER))
  const json = await readJson(response).catch(() => ({ ok: false as const }))
  const own = isRelay && json.ok ? relayErrorBodySchema.safeParse(json.value) : null
  if (own?.success) {
    const { error, message, retryAfterSeconds, mayHaveReachedUpstream } = own.data
    return new ApiError({
      status: response.status,
      code: error,
      message,
      // Only an answer given before anything was forwarded is a refusal by the relay (the
      // journal's rule for it: journal-sender.ts). A gateway error after forwarding began is
      // like the upstream's own 502/504: the write may be queued, same key only.
      relayCode: mayHaveReachedUpstream === true ? null : error,
      retryAfterMs: retryAfterSeconds === undefined ? retryAfterMs : retryAfterSeconds * 1000,
    })
  }
  const body = json.ok ? errorBodySchema.safeParse(json.value) : null
  if (body?.success) {
    return new ApiError({
      status: response.status,
      code: body.data.error.code,
      message: body.data.message,
      issues: body.data.error.issues ?? [],
      retryAfterMs,
    })
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    message: response.statusText || `HTTP ${response.status}`,
    retryAfterMs,
  })
}
