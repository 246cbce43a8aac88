import type { ApiIssue } from '@/api/contract'

/** What went wrong with a call, as a kind the UI can explain (see `describeApiError`). */
export type ApiErrorKind =
  | 'network' // no response at all (offline, DNS, CORS, refused)
  | 'unauthorized' // 401
  | 'not-found' // 404
  | 'validation' // 400
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'invalid-response' // a response we could not read as the contract says
  | 'http' // any other status

/** The one typed error every API call throws (aborts excepted: those stay DOMException). */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  readonly code: string
  readonly issues: ApiIssue[]
  /** Milliseconds the server asked us to wait (`Retry-After`), when it did. */
  readonly retryAfterMs: number | null
  readonly kind: ApiErrorKind
  /**
   * [OURS] The relay's own refusal code (`unauthenticated`, `forbidden_region`, `rate_limited`…)
   * when our relay answered instead of the upstream: then nothing was forwarded (relay.ts).
   */
  readonly relayCode: string | null

  constructor(init: {
    status: number
    code: string
    message: string
    issues?: ApiIssue[]
    retryAfterMs?: number | null
    relayCode?: string | null
    cause?: unknown
  }) {
    super(init.message, { cause: init.cause })
    this.status = init.status
    this.code = init.code
    this.issues = init.issues ?? []
    this.retryAfterMs = init.retryAfterMs ?? null
    this.kind = kindOf(init.status, init.code)
    this.relayCode = init.relayCode ?? null
  }

  /** Worth retrying with the same idempotency key: the request may not have been handled. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.kind === 'rate-limited' || this.kind === 'server'
  }
}

function kindOf(status: number, code: string): ApiErrorKind {
  // sandbox_mismatch: an answer from the other environment (see client.ts).
  if (code === 'invalid_response' || code === 'sandbox_mismatch') return 'invalid-response'
  if (status === 0) return 'network'
  if (status === 401) return 'unauthorized'
  if (status === 404) return 'not-found'
  if (status === 400 || status === 422) return 'validation'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server'
  return 'http'
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}
