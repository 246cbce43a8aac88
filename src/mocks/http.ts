import { HttpResponse } from 'msw'
import {
  ACCEPTED_MESSAGE,
  HEADER_API_KEY,
  HEADER_RETRY_AFTER,
  HEADER_SANDBOX,
  type Accepted,
  type ApiIssue,
  type Environment,
  type ErrorBody,
  type ErrorCode as UpstreamErrorCode,
} from '@/api/contract'
import { regionByApiKey, type RegionDefinition } from '@/mocks/regions'

/** Response helpers shared by the handlers: envelopes, errors, environment and auth. */

export type Meta = { sandboxEnabled: boolean }

export function metaFor(environment: Environment): Meta {
  return { sandboxEnabled: environment === 'sandbox' }
}

/** [DOC] `/api/sandbox` selects sandbox; on `/api/v2` the `x-api-sandbox: true` header does. */
export function environmentOf(request: Request, prefixEnvironment: Environment): Environment {
  if (prefixEnvironment === 'sandbox') return 'sandbox'
  return request.headers.get(HEADER_SANDBOX)?.trim().toLowerCase() === 'true'
    ? 'sandbox'
    : 'production'
}

/** The upstream's codes, plus [OURS] `unavailable` for an `/events` stream that is off. */
export type ErrorCode = UpstreamErrorCode | 'unavailable'

export function errorResponse(
  environment: Environment,
  status: number,
  code: ErrorCode,
  message: string,
  options: { issues?: ApiIssue[]; headers?: Record<string, string> } = {},
): HttpResponse<ErrorBody> {
  const error =
    options.issues && options.issues.length > 0 ? { code, issues: options.issues } : { code }
  return HttpResponse.json(
    { statusCode: status, message, error, meta: metaFor(environment) },
    { status, headers: options.headers },
  )
}

export function badRequest(environment: Environment, message: string, issues: ApiIssue[] = []) {
  return errorResponse(environment, 400, 'validation_error', message, { issues })
}

export function okResponse(
  environment: Environment,
  message: string,
  data: unknown,
  meta: Record<string, unknown> = {},
) {
  return HttpResponse.json({
    statusCode: 200,
    message,
    data,
    meta: { ...metaFor(environment), ...meta },
  })
}

/** [DOC] the 202 body of every write; a replayed key gets exactly this again. */
export function acceptedResponse(
  environment: Environment,
  idempotencyKey: string,
): HttpResponse<Accepted> {
  return HttpResponse.json(
    {
      statusCode: 202,
      message: ACCEPTED_MESSAGE,
      data: { status: 'accepted', idempotencyKey, message: ACCEPTED_MESSAGE },
      meta: metaFor(environment),
    },
    { status: 202 },
  )
}

export function rateLimited(
  environment: Environment,
  status: 429 | 500,
  retryAfterSeconds: number | null,
) {
  if (status === 500) {
    return errorResponse(
      environment,
      500,
      'internal_error',
      'The backend is overloaded; try again later.',
    )
  }
  return errorResponse(
    environment,
    429,
    'rate_limited',
    'Too many requests; slow down and retry.',
    {
      headers: { [HEADER_RETRY_AFTER]: String(retryAfterSeconds ?? 1) },
    },
  )
}

/**
 * [DOC] `x-api-key` names the region; missing or unknown → 401. The deprecated `api-key` header
 * is not read, so a client still sending it finds out here rather than upstream.
 */
export function authenticate(
  request: Request,
  environment: Environment,
): { region: RegionDefinition } | { response: HttpResponse<ErrorBody> } {
  const key = request.headers.get(HEADER_API_KEY)
  if (!key) {
    const deprecated = request.headers.has('api-key') ? ' (the deprecated api-key is not read)' : ''
    const message = `Missing ${HEADER_API_KEY} header${deprecated}.`
    return { response: errorResponse(environment, 401, 'unauthorized', message) }
  }
  const region = regionByApiKey(key)
  if (!region) {
    return { response: errorResponse(environment, 401, 'unauthorized', 'Unknown API key.') }
  }
  return { region }
}
