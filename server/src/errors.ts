import type { FastifyReply } from 'fastify'
import type { RelayErrorBody } from '../../src/api/contract.js'

/**
 * Every answer the relay gives itself has ONE shape, declared in the contract module
 * (`relayErrorBodySchema`, which the app reads): `{ error: "<code>", message,
 * mayHaveReachedUpstream, ...extra }`. A string `error` is how the app tells these from an
 * upstream answer (whose `error` is an object); what the upstream answers is passed through
 * untouched. `extra.retryAfterSeconds` is also sent as the `Retry-After` header.
 */
function answer(
  reply: FastifyReply,
  status: number,
  body: RelayErrorBody & { mayHaveReachedUpstream: boolean },
): FastifyReply {
  const retryAfter = body.retryAfterSeconds
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter))
  return reply.code(status).header('cache-control', 'no-store').send(body)
}

/**
 * A refusal answered BEFORE anything was forwarded upstream — sign-in, authorization,
 * cross-site, rate limit, a path, method or body the relay will not pass, an unknown route, a
 * refused callback — so the request it refuses was certainly not queued upstream.
 */
export function relayRefusal(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return answer(reply, status, { ...extra, error: code, message, mayHaveReachedUpstream: false })
}

/**
 * A gateway error after forwarding began (the upstream could not be reached or did not answer
 * in time): a write may have been queued upstream, so it may only go out again under its key.
 */
export function gatewayError(
  reply: FastifyReply,
  status: 502 | 504,
  code: string,
  message: string,
): FastifyReply {
  return answer(reply, status, { error: code, message, mayHaveReachedUpstream: true })
}
