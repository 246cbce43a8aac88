/**
 * The upstream contract: the ONLY module that knows the Onderwijsregio API v2's paths, headers,
 * envelopes and the choices we had to guess. Every guess is marked [ASSUMED] (see
 * docs/upstream.md); the mock backend imports these same definitions so it follows the
 * same choices. [DOC] marks documented behaviour, [OURS] our own extensions (mock, relay).
 */
import * as z from 'zod/mini'

// ---------------------------------------------------------------------------------------------
// Environments, paths, headers
// ---------------------------------------------------------------------------------------------

export const ENVIRONMENTS = ['production', 'sandbox'] as const
export type Environment = (typeof ENVIRONMENTS)[number]

/** [DOC] `/api/v2` for production; `/api/sandbox` replaces it when sandbox is chosen by prefix. */
export const API_PREFIX: Record<Environment, string> = {
  production: '/api/v2',
  sandbox: '/api/sandbox',
}

/** [DOC] sandbox is chosen by header on a normal request, or by the path prefix. */
export const SANDBOX_MODES = ['header', 'prefix'] as const
export type SandboxMode = (typeof SANDBOX_MODES)[number]

/** [DOC] the upstream's public base URL (origin part; the prefix above follows it). */
export const UPSTREAM_ORIGIN = 'https://onderwijsregio.onderwijsin.nl'

export const HEADER_API_KEY = 'x-api-key' // [DOC] (`api-key` is deprecated upstream)
export const HEADER_SANDBOX = 'x-api-sandbox' // [DOC] value "true"
export const HEADER_RETRY_AFTER = 'retry-after'

export const paths = {
  schema: '/schema',
  candidates: '/candidates',
  findCandidate: '/candidates/find',
  candidate: (id: string) => `/candidates/${encodeURIComponent(id)}`,
  interactions: (candidateId: string) =>
    `/candidates/${encodeURIComponent(candidateId)}/interactions`,
  interaction: (candidateId: string, interactionId: string) =>
    `/candidates/${encodeURIComponent(candidateId)}/interactions/${encodeURIComponent(interactionId)}`,
  /** [OURS] Server-Sent Events with mutation outcomes; served by the mock and by our relay. */
  events: '/events',
} as const

/** Path templates in msw's `:param` syntax, for the mock's handlers. */
export const pathTemplates = {
  schema: '/schema',
  candidates: '/candidates',
  findCandidate: '/candidates/find',
  candidate: '/candidates/:candidateId',
  interactions: '/candidates/:candidateId/interactions',
  interaction: '/candidates/:candidateId/interactions/:interactionId',
  events: '/events',
} as const

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/** [DOC] `pageSize` of the candidate list is at most 100. */
export const MAX_PAGE_SIZE = 100
/** [ASSUMED] page size when the client sends none. */
export const DEFAULT_PAGE_SIZE = 25
/** [DOC] the interactions list returns at most 100 records. */
export const INTERACTIONS_LIST_LIMIT = 100
/**
 * [ASSUMED] which 100: the list is ordered by `performedAt`, newest first, and cut after 100
 * (ties broken by `createdAt`, newest first). The mock's handler implements this order, and
 * compareListOrder below reads it.
 */

/** A record's or payload's fields; only `performedAt` and `createdAt` are read. */
type ListOrderValues = Readonly<Record<string, unknown>>

const instantOf = (value: unknown): number | null => {
  if (typeof value !== 'string') return null
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : at
}

/**
 * Where a record with `values` sorts against `other` in the interactions list, by
 * the list order above [ASSUMED]: `before` = nearer the top (newer), `after` = further down,
 * `unknown` when a date is missing or unreadable (or both dates are equal), so a caller that
 * concludes from a record's absence can refuse to.
 */
export function compareListOrder(
  values: ListOrderValues,
  other: ListOrderValues,
): 'before' | 'after' | 'unknown' {
  const compare = (a: number | null, b: number | null) =>
    a === null || b === null ? 'unknown' : a > b ? 'before' : a < b ? 'after' : 'tie'
  const byPerformedAt = compare(instantOf(values['performedAt']), instantOf(other['performedAt']))
  if (byPerformedAt !== 'tie') return byPerformedAt
  const byCreatedAt = compare(instantOf(values['createdAt']), instantOf(other['createdAt']))
  return byCreatedAt === 'tie' ? 'unknown' : byCreatedAt
}
/** [DOC] batch creates take 1 to 10 payloads. */
export const MIN_BATCH = 1
export const MAX_BATCH = 10

// ---------------------------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------------------------

/** [DOC] every response says whether sandbox was used. */
export const metaSchema = z.looseObject({ sandboxEnabled: z.boolean() })

const envelope = <T extends z.ZodMiniType>(data: T) =>
  z.looseObject({ statusCode: z.int(), message: z.string(), data, meta: metaSchema })

/**
 * [ASSUMED] a stored candidate: the create payload's fields plus `id`, `createdAt`, `updatedAt`.
 * Region-specific fields pass through untouched.
 */
export const candidateSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.optional(z.nullable(z.string())),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type Candidate = z.infer<typeof candidateSchema>

/**
 * [ASSUMED] a stored interaction: the payload fields plus `id` (Airtable-like `rec…`),
 * `candidateId`, `createdAt`, `updatedAt`. Region-specific fields pass through untouched.
 */
export const interactionSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  candidateId: z.string().check(z.minLength(1)),
  type: z.array(z.string()),
  performedAt: z.string().check(z.minLength(1)),
  summary: z.optional(z.nullable(z.string())),
  notes: z.optional(z.nullable(z.string())),
  duration: z.optional(z.nullable(z.number())),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type Interaction = z.infer<typeof interactionSchema>

/** [DOC] list: `data` plus `meta.cursor`, null on the last page. */
export const candidateListSchema = z.looseObject({
  statusCode: z.int(),
  message: z.string(),
  data: z.array(candidateSchema),
  meta: z.looseObject({ sandboxEnabled: z.boolean(), cursor: z.nullable(z.string()) }),
})
export type CandidateList = z.infer<typeof candidateListSchema>

/**
 * `GET /candidates/{id}`; [ASSUMED] also `GET /candidates/find`, which answers with the first
 * match in list order, or 404 (`not_found`) when nothing matches.
 */
export const candidateEnvelopeSchema = envelope(candidateSchema)
export const interactionListSchema = envelope(z.array(interactionSchema))

/** A JSON Schema document; its inner shape is read by the schema-form engine. */
export const jsonSchemaDocumentSchema = z.record(z.string(), z.unknown())
export type JsonSchemaDocument = z.infer<typeof jsonSchemaDocumentSchema>

/** [ASSUMED] `/schema` answers in the usual envelope with the JSON Schema as `data`. */
export const schemaEnvelopeSchema = envelope(jsonSchemaDocumentSchema)

/**
 * [ASSUMED] a response's `meta` may name the region the key belongs to, as
 * `region: { id, name }`. Not documented, so always optional: "test connection" uses it to spot
 * a key of another region than the one the user expects; the mock sends it on `/schema`.
 */
export const metaRegionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
})
export type MetaRegion = z.infer<typeof metaRegionSchema>

export function regionFromMeta(meta: unknown): MetaRegion | null {
  const parsed = z.looseObject({ region: metaRegionSchema }).safeParse(meta)
  return parsed.success ? parsed.data.region : null
}

/** [ASSUMED] where the interaction item schema sits inside the candidate schema. */
export const INTERACTION_ITEM_SCHEMA_PATH = ['properties', 'interactions', 'items'] as const

/**
 * [ASSUMED] `?operation=update` returns the candidate schema with every field optional; its
 * `properties.interactions.items` is the interaction PATCH schema (all fields optional, same
 * constraints). Inline interactions are still refused on a candidate PATCH ([DOC]).
 */
export const SCHEMA_OPERATIONS = ['create', 'update'] as const
export type SchemaOperation = (typeof SCHEMA_OPERATIONS)[number]

/** [DOC] the 202 body of every write. */
export const acceptedSchema = envelope(
  z.looseObject({
    status: z.literal('accepted'),
    idempotencyKey: z.string().check(z.minLength(1)),
    message: z.string(),
  }),
)
export type Accepted = z.infer<typeof acceptedSchema>
export const ACCEPTED_MESSAGE = 'The mutation request has been accepted for processing.'

/** [ASSUMED] an issue's path points at the offending item and field, e.g. `[0, "performedAt"]`. */
export const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
})
export type ApiIssue = z.infer<typeof issueSchema>

/** [ASSUMED] error codes the upstream uses (400, 401, 404, 429, 500). */
export const ERROR_CODES = [
  'validation_error',
  'unauthorized',
  'not_found',
  'rate_limited',
  'internal_error',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** [ASSUMED] `{ statusCode, message, error: { code, issues? }, meta }`. */
export const errorBodySchema = z.looseObject({
  statusCode: z.int(),
  message: z.string(),
  error: z.looseObject({ code: z.string(), issues: z.optional(z.array(issueSchema)) }),
  meta: z.optional(metaSchema),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

/**
 * [OURS] The one shape of every answer our relay (server/) gives itself: its sign-in, scope,
 * cross-site and rate refusals, its path, method and size checks, its own 404s, its callback
 * refusals and its gateway errors. A string `error` (a code) tells it from the upstream's errors
 * above, whose `error` is an object; what the upstream answers is passed through untouched.
 * `mayHaveReachedUpstream` says what the answer proves for exactly once:
 * - false (or absent, as from relays before it was added): answered BEFORE anything was
 *   forwarded, so this request was certainly not queued upstream;
 * - true: a gateway error after forwarding began (502 unreachable, 504 timeout): a write may
 *   have been queued, so it goes out again only under the same key.
 * `retryAfterSeconds` is also sent as `Retry-After`; a refusal may carry more fields (`login`).
 */
export const relayErrorBodySchema = z.looseObject({
  error: z.string().check(z.minLength(1)),
  message: z.string(),
  mayHaveReachedUpstream: z.optional(z.boolean()),
  retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
})
export type RelayErrorBody = z.infer<typeof relayErrorBodySchema>

// ---------------------------------------------------------------------------------------------
// Writes: idempotency, callbacks, bodies
// ---------------------------------------------------------------------------------------------

/**
 * [ASSUMED] `idempotencyKey` and `callbackUrl` travel as query parameters of the write request,
 * so they work the same for array bodies, PATCH and DELETE.
 */
export const QUERY_IDEMPOTENCY_KEY = 'idempotencyKey'
export const QUERY_CALLBACK_URL = 'callbackUrl'

/**
 * [ASSUMED] a replayed `idempotencyKey` is answered with its first 202 before anything else is
 * checked (auth of the same key aside). So a definite refusal of a key — a 4xx other than 408 and
 * 429 — proves that nothing was ever queued under it, even when an earlier attempt with the same
 * key got no answer. 5xx, 408, 429, timeouts and network errors prove nothing: the write may
 * have been queued.
 */
export function refusalProvesNotQueued(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429
}

// [ASSUMED] batch creates take a JSON array body; PATCH one object; DELETE no body (client.ts
// sends, and the mock's write handlers expect, exactly that).

export const OPERATIONS = ['create', 'update', 'delete'] as const
export type Operation = (typeof OPERATIONS)[number]
export const RESOURCES = ['candidate', 'interaction'] as const
export type Resource = (typeof RESOURCES)[number]

/** [ASSUMED] the callback body; [OURS] the `/events` stream pushes the same object as `data`. */
export const mutationOutcomeSchema = z.object({
  idempotencyKey: z.string().check(z.minLength(1)),
  status: z.enum(['succeeded', 'failed']),
  operation: z.enum(OPERATIONS),
  resource: z.enum(RESOURCES),
  candidateId: z.nullable(z.string()),
  recordIds: z.array(z.string()),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  completedAt: z.iso.datetime({ offset: true }),
})
export type MutationOutcome = z.infer<typeof mutationOutcomeSchema>

/** [OURS] the SSE event name of a mutation outcome on `/events`. */
export const EVENT_MUTATION = 'mutation'

/**
 * [OURS] the SSE event a relay sends instead of a replay when the events after `Last-Event-ID`
 * are no longer kept: the client must re-read what it cares about.
 */
export const EVENT_RESYNC = 'resync'

/** [DOC] callback signature headers. */
export const CALLBACK_HEADERS = {
  timestamp: 'x-mutationengine-timestamp',
  nonce: 'x-mutationengine-nonce',
  signature: 'x-mutationengine-signature',
} as const

/**
 * [ASSUMED] the signed string is `${timestamp}.${nonce}.${pathAndQuery}.${rawBody}`, the
 * timestamp in Unix seconds, the signature `v2=<base64 HMAC-SHA256>` with the region's secret.
 */
export function callbackSigningString(input: {
  timestamp: number
  nonce: string
  pathAndQuery: string
  rawBody: string
}): string {
  return `${input.timestamp}.${input.nonce}.${input.pathAndQuery}.${input.rawBody}`
}

async function hmacBase64(secret: string, message: string): Promise<string> {
  const enc = new TextEncoder()
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(message)))
  let binary = ''
  for (const byte of mac) binary += String.fromCharCode(byte)
  return btoa(binary)
}

export type SignedCallback = {
  url: string
  headers: Record<string, string>
  body: string
}

/** Signs a callback body the way the upstream does (per the [ASSUMED] string above). */
export async function signCallback(input: {
  secret: string
  callbackUrl: string
  body: MutationOutcome
  timestamp: number
  nonce: string
}): Promise<SignedCallback> {
  const url = new URL(input.callbackUrl)
  const rawBody = JSON.stringify(input.body)
  const signature = await hmacBase64(
    input.secret,
    callbackSigningString({
      timestamp: input.timestamp,
      nonce: input.nonce,
      pathAndQuery: `${url.pathname}${url.search}`,
      rawBody,
    }),
  )
  return {
    url: input.callbackUrl,
    body: rawBody,
    headers: {
      'content-type': 'application/json',
      [CALLBACK_HEADERS.timestamp]: String(input.timestamp),
      [CALLBACK_HEADERS.nonce]: input.nonce,
      [CALLBACK_HEADERS.signature]: `v2=${signature}`,
    },
  }
}

/** Verifies a signed callback (what our relay does before pushing it onto `/events`). */
export async function verifyCallback(input: {
  secret: string
  callbackUrl: string
  headers: Record<string, string | undefined>
  rawBody: string
  nowSeconds: number
  toleranceSeconds?: number
  /**
   * HMAC-SHA256 of `message` with `secret`, base64 (default: WebCrypto, which works in a browser
   * too). A server may pass its platform's synchronous HMAC: WebCrypto's `sign` runs on a worker
   * thread and costs a thread hop per callback.
   */
  hmac?: (secret: string, message: string) => string | Promise<string>
}): Promise<boolean> {
  const timestamp = Number(input.headers[CALLBACK_HEADERS.timestamp])
  const nonce = input.headers[CALLBACK_HEADERS.nonce]
  const given = input.headers[CALLBACK_HEADERS.signature]
  if (!Number.isFinite(timestamp) || !nonce || !given?.startsWith('v2=')) return false
  if (Math.abs(input.nowSeconds - timestamp) > (input.toleranceSeconds ?? 300)) return false
  const url = new URL(input.callbackUrl)
  const expected = await (input.hmac ?? hmacBase64)(
    input.secret,
    callbackSigningString({
      timestamp,
      nonce,
      pathAndQuery: `${url.pathname}${url.search}`,
      rawBody: input.rawBody,
    }),
  )
  return timingSafeEqual(`v2=${expected}`, given)
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/** [ASSUMED] `Retry-After` comes as seconds or an HTTP date ([DOC] on 429). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
