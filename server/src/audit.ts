import { stringify } from 'csv-stringify/sync'
import type { FastifyInstance } from 'fastify'
import type { ChainableCommander, Redis } from 'ioredis'
import { z } from 'zod'
import { ENVIRONMENTS, type MutationOutcome } from '../../src/api/contract.js'
import type { SessionStore } from './auth/session.js'
import type { RelayConfig } from './config.js'
import { relayRefusal } from './errors.js'
import { scopeTag, type Scope } from './keys.js'
import { admit, environmentOf, refuseUnauthenticated } from './scope.js'

/**
 * Who did what: every write through the relay is recorded (counsellor, time, region,
 * environment, operation, idempotency key, candidate and interaction ids) before it is
 * forwarded; the upstream's status is added when it answers, and the outcome with its record ids
 * when the signed callback arrives. Kept in Redis, which must persist (AOF, `appendonly yes`)
 * for the trail to survive a restart; the relay warns at start when it does not.
 *
 * Keys (hash tag per region+environment, like the event streams):
 * - `audit:{r:e}:write:<idempotencyKey>` hash: one write, first record wins (a resend under
 *   the same key is the same write upstream, and only counts `attempts`);
 * - `audit:{r:e}:candidate:<candidateId>` sorted set of a candidate's writes by time;
 * - `audit:{r:e}:log` sorted set of all writes by time (the CSV export reads it).
 *
 * Retention (RELAY_AUDIT_RETENTION_DAYS): a write's hash expires (PEXPIREAT) that long after the
 * write, by Redis itself; each new write trims the older members from the two sorted sets of its
 * scope and moves their expiry on, so a scope nobody writes to any more vanishes whole. All of it
 * is idempotent, so any number of relay instances may do it at once without harm, and none needs
 * a timer or a lock. A member whose hash has expired but is not trimmed yet is skipped on reading.
 */

export const OPERATIONS_BY_METHOD: Record<string, 'create' | 'update' | 'delete'> = {
  POST: 'create',
  PATCH: 'update',
  PUT: 'update',
  DELETE: 'delete',
}

export type WriteRecord = {
  idempotencyKey: string
  subject: string
  name: string
  at: number
  operation: 'create' | 'update' | 'delete'
  resource: 'candidate' | 'interaction'
  candidateId: string | null
  interactionId: string | null
}

const storedSchema = z.object({
  idempotencyKey: z.string(),
  subject: z.string(),
  name: z.string(),
  at: z.coerce.number(),
  region: z.string(),
  environment: z.enum(ENVIRONMENTS),
  operation: z.enum(['create', 'update', 'delete']),
  resource: z.enum(['candidate', 'interaction']),
  candidateId: z.string().optional(),
  interactionId: z.string().optional(),
  attempts: z.coerce.number().optional(),
  upstreamStatus: z.string().optional(),
  outcome: z.enum(['succeeded', 'failed']).optional(),
  recordIds: z.string().optional(),
  reason: z.string().optional(),
  completedAt: z.string().optional(),
})
type Stored = z.infer<typeof storedSchema>

const writeKey = (scope: Scope, key: string) => `audit:${scopeTag(scope)}:write:${key}`
const candidateKey = (scope: Scope, id: string) => `audit:${scopeTag(scope)}:candidate:${id}`
const logKey = (scope: Scope) => `audit:${scopeTag(scope)}:log`

/**
 * KEYS[1] the write's record, KEYS[2] (when the outcome names a candidate) that candidate's
 * index; ARGV: candidate id or '', idempotency key, retention in ms, then field/value pairs.
 * A new candidate's index goes with its first write's retention, unless written to again.
 */
const ATTACH_OUTCOME = `
local at = redis.call('HGET', KEYS[1], 'at')
if not at then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
if KEYS[2] then
  redis.call('HSETNX', KEYS[1], 'candidateId', ARGV[1])
  redis.call('ZADD', KEYS[2], at, ARGV[2])
  redis.call('PEXPIREAT', KEYS[2], tonumber(at) + tonumber(ARGV[3]), 'NX')
end
return 1
`

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * 400 days: a full year of work plus a month, so a yearly review (or a complaint about last
 * year's intake) still finds who did what, while the trail — personal data about counsellors —
 * is not kept for ever (GDPR storage limitation). A region's privacy officer may choose another
 * term; exports taken before records expire are theirs to keep.
 */
export const DEFAULT_AUDIT_RETENTION_DAYS = 400

export class AuditTrail {
  readonly #redis: Redis
  readonly #retentionMs: number

  constructor(redis: Redis, retentionMs: number = DEFAULT_AUDIT_RETENTION_DAYS * DAY_MS) {
    this.#redis = redis
    this.#retentionMs = retentionMs
  }

  /** Records a write before it is forwarded. Throws when Redis cannot take it. */
  async recordWrite(scope: Scope, write: WriteRecord): Promise<void> {
    const key = writeKey(scope, write.idempotencyKey)
    const expiresAt = write.at + this.#retentionMs
    const older = `(${String(write.at - this.#retentionMs)}`
    const fresh = await this.#redis.hsetnx(key, 'idempotencyKey', write.idempotencyKey)
    if (fresh === 0) {
      await this.#redis.hincrby(key, 'attempts', 1)
      return
    }
    const fields: Record<string, string> = {
      subject: write.subject,
      name: write.name,
      at: String(write.at),
      region: scope.region,
      environment: scope.environment,
      operation: write.operation,
      resource: write.resource,
      attempts: '1',
    }
    if (write.candidateId !== null) fields.candidateId = write.candidateId
    if (write.interactionId !== null) fields.interactionId = write.interactionId
    const log = logKey(scope)
    const multi = this.#redis
      .multi()
      .hset(key, fields)
      .pexpireat(key, expiresAt)
      .zadd(log, write.at, write.idempotencyKey)
      .zremrangebyscore(log, '-inf', older)
      .pexpireat(log, expiresAt)
    if (write.candidateId !== null) {
      const candidate = candidateKey(scope, write.candidateId)
      multi
        .zadd(candidate, write.at, write.idempotencyKey)
        .zremrangebyscore(candidate, '-inf', older)
        .pexpireat(candidate, expiresAt)
    }
    await multi.exec()
  }

  /** The upstream's answer to the write (202 accepted, a refusal, or a relay error). */
  async noteUpstreamStatus(scope: Scope, idempotencyKey: string, status: number): Promise<void> {
    await this.#redis.hset(writeKey(scope, idempotencyKey), 'upstreamStatus', String(status))
  }

  /** Adds a callback's outcome to the write it reports on (writes not made here are ignored). */
  async attachOutcome(scope: Scope, outcome: MutationOutcome): Promise<void> {
    const pipeline = this.#redis.pipeline()
    this.queueOutcome(pipeline, scope, outcome)
    const [result] = (await pipeline.exec()) ?? []
    if (result?.[0]) throw result[0]
  }

  /**
   * Queues the outcome's update as one script on `pipeline`, so a callback can send it in the
   * same round trip as its stream append (callbacks.ts). The script reads the write's time and
   * updates its record and its candidate's index in one step: nothing happens for a write this
   * relay did not record.
   */
  queueOutcome(pipeline: ChainableCommander, scope: Scope, outcome: MutationOutcome): void {
    const fields = [
      'outcome',
      outcome.status,
      'recordIds',
      outcome.recordIds.join(' '),
      'completedAt',
      outcome.completedAt,
    ]
    if (outcome.error) fields.push('reason', `${outcome.error.code}: ${outcome.error.message}`)
    const keys = [writeKey(scope, outcome.idempotencyKey)]
    // A candidate created here learns its id only now.
    if (outcome.candidateId !== null) keys.push(candidateKey(scope, outcome.candidateId))
    pipeline.eval(
      ATTACH_OUTCOME,
      keys.length,
      ...keys,
      outcome.candidateId ?? '',
      outcome.idempotencyKey,
      String(this.#retentionMs),
      ...fields,
    )
  }

  async #load(scope: Scope, keys: readonly string[]): Promise<Stored[]> {
    if (keys.length === 0) return []
    const pipeline = this.#redis.pipeline()
    for (const key of keys) pipeline.hgetall(writeKey(scope, key))
    const results = (await pipeline.exec()) ?? []
    const out: Stored[] = []
    for (const [error, value] of results) {
      if (error) throw error
      const parsed = storedSchema.safeParse(value)
      if (parsed.success) out.push(parsed.data)
    }
    return out
  }

  async forCandidate(scope: Scope, candidateId: string): Promise<Stored[]> {
    return this.#load(scope, await this.#redis.zrange(candidateKey(scope, candidateId), 0, -1))
  }

  async between(scope: Scope, fromMs: number, toMs: number): Promise<Stored[]> {
    const keys = await this.#redis.zrangebyscore(logKey(scope), fromMs, `(${toMs}`)
    return this.#load(scope, keys)
  }

  /** Warns (once, at start) when Redis does not persist: the trail would not survive a restart. */
  async persistenceOn(): Promise<boolean | null> {
    try {
      const reply = await this.#redis.config('GET', 'appendonly')
      return reply[1] === 'yes'
    } catch {
      return null // managed Redis often refuses CONFIG; the README says what to check
    }
  }
}

type Actor = { subject: string; name: string; at: string }

const actor = (write: Stored): Actor => ({
  subject: write.subject,
  name: write.name,
  at: new Date(write.at).toISOString(),
})

/** The contract's `GET /audit/candidates/:id` body from a candidate's recorded writes. */
export function candidateAudit(writes: readonly Stored[]) {
  const interactions: Record<string, { createdBy?: Actor; editedBy?: Actor }> = {}
  const failures: {
    idempotencyKey: string
    operation: Stored['operation']
    by: Actor
    at: string
    reason: string
    interactionId?: string
  }[] = []
  for (const write of [...writes].sort((a, b) => a.at - b.at)) {
    if (write.outcome === 'failed') {
      failures.push({
        idempotencyKey: write.idempotencyKey,
        operation: write.operation,
        by: actor(write),
        at: write.completedAt ?? new Date(write.at).toISOString(),
        reason: write.reason ?? 'failed',
        ...(write.interactionId ? { interactionId: write.interactionId } : {}),
      })
      continue
    }
    if (write.outcome !== 'succeeded' || write.resource !== 'interaction') continue
    if (write.operation === 'create') {
      for (const id of (write.recordIds ?? '').split(' ').filter(Boolean)) {
        interactions[id] = { ...interactions[id], createdBy: actor(write) }
      }
    } else if (write.operation === 'update' && write.interactionId) {
      interactions[write.interactionId] = {
        ...interactions[write.interactionId],
        editedBy: actor(write),
      }
    }
  }
  return { interactions, failures }
}

const exportQuerySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  region: z.string().optional(),
})

const MAX_EXPORT_DAYS = 366

/**
 * `GET /audit/candidates/:candidateId`: who created and last edited each interaction of the
 * candidate through the relay, and failed changes (scope and session as for the proxy).
 * `GET /audit/export.csv?from&to&region`: the region's trail for a period (UTC days, both
 * inclusive), for the role `privacy-officer` only. Cells that a spreadsheet would run as a
 * formula are escaped (csv-stringify's `escape_formulas`).
 */
export function auditRoutes(
  app: FastifyInstance,
  deps: { config: RelayConfig; sessions: SessionStore; audit: AuditTrail },
): void {
  const { sessions, audit } = deps
  app.get<{ Params: { candidateId: string } }>(
    '/audit/candidates/:candidateId',
    async (request, reply) => {
      const granted = await admit(request, reply, deps, environmentOf(request, 'production'))
      if (granted === null) return reply
      const writes = await audit.forCandidate(granted.scope, request.params.candidateId)
      return reply.header('cache-control', 'no-store').send(candidateAudit(writes))
    },
  )

  app.get('/audit/export.csv', async (request, reply) => {
    const session = await sessions.get(request, true)
    if (session === null) return refuseUnauthenticated(reply)
    const query = exportQuerySchema.safeParse(request.query)
    if (!query.success) {
      return relayRefusal(
        reply,
        400,
        'bad_period',
        'Give the period as from=YYYY-MM-DD and to=YYYY-MM-DD.',
      )
    }
    const regionId = query.data.region ?? session.defaultRegion
    const allowed = session.access.find((entry) => entry.region === regionId)
    if (!session.roles.includes('privacy-officer') || !allowed) {
      return relayRefusal(
        reply,
        403,
        'forbidden_role',
        'Only the privacy officer of this region may export the audit trail.',
      )
    }
    const fromMs = Date.parse(`${query.data.from}T00:00:00Z`)
    const toMs = Date.parse(`${query.data.to}T00:00:00Z`) + DAY_MS
    if (!(toMs > fromMs) || toMs - fromMs > MAX_EXPORT_DAYS * DAY_MS) {
      return relayRefusal(
        reply,
        400,
        'bad_period',
        `The period must run forwards and span at most ${MAX_EXPORT_DAYS} days.`,
      )
    }
    const environments = allowed.sandbox ? ENVIRONMENTS : (['production'] as const)
    const rows: Stored[] = []
    for (const environment of environments) {
      rows.push(...(await audit.between({ region: regionId, environment }, fromMs, toMs)))
    }
    rows.sort((a, b) => a.at - b.at)
    const csv = stringify(
      rows.map((row) => ({
        time: new Date(row.at).toISOString(),
        region: row.region,
        environment: row.environment,
        subject: row.subject,
        name: row.name,
        operation: row.operation,
        resource: row.resource,
        candidateId: row.candidateId ?? '',
        interactionId: row.interactionId ?? '',
        idempotencyKey: row.idempotencyKey,
        attempts: row.attempts ?? 1,
        upstreamStatus: row.upstreamStatus ?? '',
        outcome: row.outcome ?? '',
        recordIds: row.recordIds ?? '',
        reason: row.reason ?? '',
        completedAt: row.completedAt ?? '',
      })),
      {
        header: true,
        escape_formulas: true,
        columns: [
          'time',
          'region',
          'environment',
          'subject',
          'name',
          'operation',
          'resource',
          'candidateId',
          'interactionId',
          'idempotencyKey',
          'attempts',
          'upstreamStatus',
          'outcome',
          'recordIds',
          'reason',
          'completedAt',
        ],
      },
    )
    request.log.info(
      { subject: session.subject, region: regionId, rows: rows.length },
      'audit export',
    )
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="audit-${regionId}-${query.data.from}-${query.data.to}.csv"`,
      )
      .send(csv)
  })
}
