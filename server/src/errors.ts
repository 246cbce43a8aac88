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
