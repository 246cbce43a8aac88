import type * as z from 'zod/mini'
import {
  API_PREFIX,
  HEADER_API_KEY,
  HEADER_RETRY_AFTER,
  HEADER_SANDBOX,
  QUERY_CALLBACK_URL,
  QUERY_IDEMPOTENCY_KEY,
  acceptedSchema,
  candidateEnvelopeSchema,
  candidateListSchema,
  errorBodySchema,
  interactionListSchema,
  parseRetryAfter,
  paths,
  schemaEnvelopeSchema,
  type Accepted,
  type Candidate,
  type CandidateList,
  type Environment,
  type Interaction,
  type JsonSchemaDocument,
  type SandboxMode,
  type SchemaOperation,
} from '@/api/contract'
import { ApiError, isAbortError } from '@/api/errors'
import { parseJson, type ParsedJson } from '@/lib/json'

export type ApiConfig = {
  /** Origin of the API ('' = this page's origin, where the mock answers). */
  origin: string
  apiKey: string
  environment: Environment
  sandboxMode: SandboxMode
  /** The region the key belongs to; scopes every cache key. */
  region: string
  fetch?: typeof fetch
}

/** What every cache key starts with, so environments and regions never share data. */
export type ApiScope = { environment: Environment; region: string }

export type WriteOptions = {
  idempotencyKey: string
  callbackUrl?: string
  signal?: AbortSignal
}

type RequestInput = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | undefined | null>
  body?: unknown
  signal?: AbortSignal | undefined
  accept?: string
}

export type ApiClient = ReturnType<typeof createApiClient>

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
    const search = params.toString()
    return `${config.origin}${prefix}${path}${search ? `?${search}` : ''}`
  }

  function headers(input: RequestInput): Headers {
    const h = new Headers({ accept: input.accept ?? 'application/json' })
    h.set(HEADER_API_KEY, config.apiKey)
    if (isSandbox && config.sandboxMode === 'header') h.set(HEADER_SANDBOX, 'true')
    if (input.body !== undefined) h.set('content-type', 'application/json')
    return h
  }

  /** Sends a request; returns the raw response when it is 2xx, throws ApiError otherwise. */
  async function send(input: RequestInput): Promise<Response> {
    let response: Response
    try {
      response = await doFetch(url(input.path, input.query), {
        method: input.method,
        headers: headers(input),
        body: input.body === undefined ? null : JSON.stringify(input.body),
        signal: input.signal ?? null,
      })
    } catch (error) {
      if (isAbortError(error)) throw error
      throw new ApiError({
        status: 0,
        code: 'network_error',
        message: 'The server could not be reached (offline, blocked by the browser, or refused).',
        cause: error,
      })
    }
    if (!response.ok) throw await toApiError(response)
    return response
  }

  async function request<S extends z.ZodMiniType>(
    schema: S,
    input: RequestInput,
  ): Promise<z.infer<S>> {
    const response = await send(input)
    return parseBody(response, schema)
  }

  function write(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    options: WriteOptions,
  ): Promise<Accepted> {
    return request(acceptedSchema, {
      method,
      path,
      body,
      signal: options.signal,
      query: {
        [QUERY_IDEMPOTENCY_KEY]: options.idempotencyKey,
        [QUERY_CALLBACK_URL]: options.callbackUrl,
      },
    })
  }

  return {
    config,
    scope,
    send,
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

    createCandidates: (payloads: readonly unknown[], options: WriteOptions) =>
      write('POST', paths.candidates, payloads, options),

    updateCandidate: (id: string, patch: Record<string, unknown>, options: WriteOptions) =>
      write('PATCH', paths.candidate(id), patch, options),

    createInteractions: (
      candidateId: string,
      payloads: readonly unknown[],
      options: WriteOptions,
    ) => write('POST', paths.interactions(candidateId), payloads, options),

    updateInteraction: (
      candidateId: string,
      interactionId: string,
      patch: Record<string, unknown>,
      options: WriteOptions,
    ) => write('PATCH', paths.interaction(candidateId, interactionId), patch, options),

    deleteInteraction: (candidateId: string, interactionId: string, options: WriteOptions) =>
      write('DELETE', paths.interaction(candidateId, interactionId), undefined, options),
  }
}

async function readJson(response: Response): Promise<ParsedJson> {
  return parseJson(await response.text())
}

async function parseBody<S extends z.ZodMiniType>(
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

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterMs = parseRetryAfter(response.headers.get(HEADER_RETRY_AFTER))
  const json = await readJson(response).catch(() => ({ ok: false as const }))
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
