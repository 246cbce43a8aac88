import { z } from 'zod'
import { ENVIRONMENTS, mutationOutcomeSchema, type Environment } from '@/api/contract'
import { jsonObjectSchema, jsonValueSchema } from '@/mocks/json'
import { REGION_IDS, type RegionId } from '@/mocks/regions'

/**
 * Everything the mock holds, as one serialisable value: the datasets per region and environment,
 * the queued mutations and the idempotency keys. The browser demo persists it, so a reload keeps
 * both the data and what is still queued; it is parsed with zod on load, never trusted.
 */
const regionIdSchema = z.enum(REGION_IDS)

export const storedCandidateSchema = z
  .object({
    id: z.string().min(1),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .catchall(jsonValueSchema)
export type StoredCandidate = z.infer<typeof storedCandidateSchema>

export const storedInteractionSchema = z
  .object({
    id: z.string().min(1),
    candidateId: z.string().min(1),
    type: z.array(z.string()),
    performedAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .catchall(jsonValueSchema)
export type StoredInteraction = z.infer<typeof storedInteractionSchema>

export const datasetSchema = z.object({
  candidates: z.array(storedCandidateSchema),
  interactions: z.array(storedInteractionSchema),
})
export type Dataset = z.infer<typeof datasetSchema>

/** What a queued mutation will do once the engine gets to it (validated before queueing). */
export const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create-candidates'), payloads: z.array(jsonObjectSchema) }),
  z.object({
    kind: z.literal('update-candidate'),
    candidateId: z.string(),
    patch: jsonObjectSchema,
  }),
  z.object({
    kind: z.literal('create-interactions'),
    candidateId: z.string(),
    payloads: z.array(jsonObjectSchema),
  }),
  z.object({
    kind: z.literal('update-interaction'),
    candidateId: z.string(),
    interactionId: z.string(),
    patch: jsonObjectSchema,
  }),
  z.object({
    kind: z.literal('delete-interaction'),
    candidateId: z.string(),
    interactionId: z.string(),
  }),
])
export type Command = z.infer<typeof commandSchema>

export const queuedMutationSchema = z.object({
  seq: z.number().int(),
  idempotencyKey: z.string().min(1),
  region: regionIdSchema,
  environment: z.enum(ENVIRONMENTS),
  callbackUrl: z.string().nullable(),
  acceptedAt: z.string(),
  /** Attempts made so far (transient failures are retried inside the engine). */
  attempts: z.number().int().min(0),
  command: commandSchema,
})
export type QueuedMutation = z.infer<typeof queuedMutationSchema>

/** One idempotency key: it stays known after execution, so a replay never runs twice. */
export const keyRecordSchema = z.object({
  status: z.enum(['queued', 'succeeded', 'failed']),
  outcome: z.nullable(mutationOutcomeSchema),
})

export const STATE_VERSION = 1

export const mockStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  /** The `now` the seed data was generated against (ms). */
  anchor: z.number(),
  nextSeq: z.number().int(),
  datasets: z.record(z.string(), datasetSchema),
  queues: z.record(z.string(), z.array(queuedMutationSchema)),
  keys: z.record(z.string(), keyRecordSchema),
})
export type MockState = z.infer<typeof mockStateSchema>

export type Scope = { region: RegionId; environment: Environment }

export function scopeKey(scope: Scope): string {
  return `${scope.region}:${scope.environment}`
}

export function idempotencyRecordKey(scope: Scope, idempotencyKey: string): string {
  return `${scopeKey(scope)}:${idempotencyKey}`
}

export function emptyState(anchor: number): MockState {
  return { version: STATE_VERSION, anchor, nextSeq: 1, datasets: {}, queues: {}, keys: {} }
}
