import * as z from 'zod/mini'
import { HEADER_SANDBOX, OPERATIONS } from '@/api/contract'
import type { ApiClient } from '@/api/client'
import { ApiError } from '@/api/errors'

/**
 * [OURS] The relay's audit trail for one candidate (who did what): `GET /audit/candidates/:id`
 * on the relay's own origin, scoped like the proxy (region header from the client, the sandbox
 * header for the sandbox). Only a relay answers it; the app asks only when it runs behind one.
 */
const actorSchema = z.object({
  subject: z.string(),
  name: z.string(),
  at: z.string(),
})

const auditSchema = z.object({
  interactions: z.record(
    z.string(),
    z.object({ createdBy: z.optional(actorSchema), editedBy: z.optional(actorSchema) }),
  ),
  failures: z.array(
    z.object({
      idempotencyKey: z.string(),
      operation: z.enum(OPERATIONS),
      by: actorSchema,
      at: z.string(),
      reason: z.string(),
      interactionId: z.optional(z.string()),
    }),
  ),
})

export type CandidateAudit = z.infer<typeof auditSchema>
export type AuditFailure = CandidateAudit['failures'][number]

export async function fetchCandidateAudit(
  api: ApiClient,
  candidateId: string,
  signal: AbortSignal,
): Promise<CandidateAudit> {
  const headers = api.headers('application/json')
  if (api.scope.environment === 'sandbox') headers.set(HEADER_SANDBOX, 'true')
  const url = `${api.config.origin}/audit/candidates/${encodeURIComponent(candidateId)}`
  const init: RequestInit = { headers, signal }
  const response = await (api.config.fetch ? api.config.fetch(url, init) : fetch(url, init))
  const parsed = response.ok ? auditSchema.safeParse(await response.json()) : null
  if (!parsed?.success) {
    throw new ApiError({
      status: response.status,
      code: 'audit_unavailable',
      message: 'The relay could not say who made these changes.',
    })
  }
  return parsed.data
}
