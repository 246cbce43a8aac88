import * as z from 'zod/mini'
import { ENVIRONMENTS, MAX_BATCH, OPERATIONS, RESOURCES, issueSchema } from '@/api/contract'
import type { ApiErrorKind } from '@/api/errors'

/**
 * One journal entry = one logical write (one idempotency key). It is what we persist before the
 * request goes out, so every field must survive JSON and is parsed with zod on the way back in.
 * Timestamps are epoch milliseconds.
 */
export const JOURNAL_PHASES = [
  'sending',
  'queued',
  'confirmed',
  'unsent',
  'failed',
  'stale',
] as const

/** The API's error kinds (a mapped type, so a new ApiErrorKind must be added here). */
const API_ERROR_KINDS: { [K in ApiErrorKind]: K } = {
  network: 'network',
  unauthorized: 'unauthorized',
  'not-found': 'not-found',
  validation: 'validation',
  'rate-limited': 'rate-limited',
  server: 'server',
  'invalid-response': 'invalid-response',
  http: 'http',
}
/**
 * Plus ours: `outcome` (the engine failed the write), `dependency` (its create never came),
 * `contract` (the upstream accepted it but answered against what we assume of it: another key
 * echoed, the other environment).
 */
export const journalErrorKindSchema = z.enum({
  ...API_ERROR_KINDS,
  outcome: 'outcome',
  dependency: 'dependency',
  contract: 'contract',
} as const)

export const journalErrorSchema = z.object({
  kind: journalErrorKindSchema,
  code: z.string(),
  message: z.string(),
  issues: z.optional(z.array(issueSchema)),
})
export type JournalError = z.infer<typeof journalErrorSchema>

export const journalScopeSchema = z.object({
  environment: z.enum(ENVIRONMENTS),
  region: z.string().check(z.minLength(1)),
})

/** A payload row or patch: whatever the schema-driven form produced (JSON values). */
export const payloadObjectSchema = z.record(z.string(), z.unknown())
export type PayloadObject = z.infer<typeof payloadObjectSchema>

/** A target that is itself a still-pending create: row `index` of the entry `createKey`. */
export const targetRefSchema = z.object({
  createKey: z.string().check(z.minLength(1)),
  index: z.int().check(z.nonnegative()),
})

const timestamp = z.int().check(z.nonnegative())

export const journalEntrySchema = z
  .object({
    key: z.string().check(z.minLength(1)),
    scope: journalScopeSchema,
    resource: z.enum(RESOURCES),
    operation: z.enum(OPERATIONS),
    candidateId: z.nullable(z.string().check(z.minLength(1))),
    targetId: z.nullable(z.string().check(z.minLength(1))),
    targetRef: z.nullable(targetRefSchema),
    payload: z.nullable(
      z.union([
        z.array(payloadObjectSchema).check(z.minLength(1), z.maxLength(MAX_BATCH)),
        payloadObjectSchema,
      ]),
    ),
    previous: z.nullable(payloadObjectSchema),
    baselineIds: z.nullable(z.array(z.string())),
    schemaVersion: z.nullable(z.string()),
    createdAt: timestamp,
    updatedAt: timestamp,
    sentAt: z.nullable(timestamp),
    acceptedAt: z.nullable(timestamp),
    confirmedAt: z.nullable(timestamp),
    /** When the data first showed the result; the entry is dropped a little later. */
    seenAt: z.nullable(timestamp),
    attempts: z.int().check(z.nonnegative()),
    /**
     * An attempt went out and no answer proved it was refused: the upstream may have queued it.
     * Then only the same key may go out again ("Edit & resubmit" under a new key could run the
     * change twice). Cleared by a refusal that proves nothing was queued (contract.ts).
     */
    mayHaveReached: z._default(z.boolean(), false),
    nextAttemptAt: z.nullable(timestamp),
    deadlineAt: z.nullable(timestamp),
    phase: z.enum(JOURNAL_PHASES),
    error: z.nullable(journalErrorSchema),
    recordIds: z.array(z.string()),
  })
  .check(
    z.superRefine((entry, ctx) => {
      const problem = shapeProblem(entry)
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: entry })
    }),
  )
export type JournalEntry = z.infer<typeof journalEntrySchema>

/** Rules zod's field types cannot say: which operation carries which payload and target. */
function shapeProblem(entry: z.infer<typeof journalEntrySchema>): string | null {
  const { resource, operation, payload } = entry
  if (operation === 'create' && !Array.isArray(payload)) return 'a create carries an array'
  if (operation === 'update' && (payload === null || Array.isArray(payload)))
    return 'an update carries one object'
  if (operation === 'delete' && payload !== null) return 'a delete carries no payload'
  if (resource === 'interaction' && entry.candidateId === null)
    return 'an interaction write names its candidate'
  if (resource === 'candidate' && operation === 'create' && entry.candidateId !== null)
    return 'a candidate create has no candidate id yet'
  if (operation !== 'create' && entry.targetId === null && entry.targetRef === null)
    return 'an update or delete names its target'
  if (resource === 'candidate' && operation === 'delete') return 'candidates cannot be deleted'
  return null
}
