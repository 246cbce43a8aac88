import type { FastifyReply } from 'fastify'
import type { ErrorBody } from '../../src/api/contract.js'

/** An answer by the relay itself, in the upstream's error shape so the app reads it the same. */
export function relayError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): FastifyReply {
  const body: ErrorBody = { statusCode: status, message, error: { code } }
  return reply.code(status).headers(headers).send(body)
}

/**
 * A refusal by the relay's sign-in, authorization, cross-site or rate-limit checks, in the shape
 * the relay ↔ app contract fixes: `{ error: "<code>", message, ...extra }`. A string `error` is
 * how the app tells these refusals from an upstream answer (whose `error` is an object). Each is
 * answered before anything is forwarded, so the write it refuses was not queued upstream.
 * `extra.retryAfterSeconds` is also sent as the `Retry-After` header.
 */
export function relayRefusal(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const retryAfter = extra.retryAfterSeconds
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter))
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ ...extra, error: code, message })
}
