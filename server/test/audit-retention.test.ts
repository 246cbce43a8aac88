// @vitest-environment node
import type { Redis } from 'ioredis'
import { beforeEach, describe, expect, it } from 'vitest'
import { AuditTrail, type WriteRecord } from '../src/audit.js'
import { loadConfig } from '../src/config.js'
import { testEnv, useRedisClient } from './kit.js'

/**
 * The audit trail keeps a write for RELAY_AUDIT_RETENTION_DAYS: its record expires by Redis's
 * own TTL, and the next write of the scope trims the sorted indexes. Tested with a short
 * retention on a real Redis, with two trails (two relay instances) on it.
 */
const RETENTION_MS = 60_000
const SCOPE = { region: 'utrecht', environment: 'production' } as const
let client: Redis

useRedisClient((started) => {
  client = started
})
beforeEach(async () => {
  await client.flushall()
})

const write = (key: string, at: number, candidateId = 'rec1'): WriteRecord => ({
  idempotencyKey: key,
  subject: 'anna',
  name: 'Anna de Vries',
  at,
  operation: 'create',
  resource: 'interaction',
  candidateId,
  interactionId: null,
})

describe('audit retention', () => {
  it('removes a write older than the retention, and trims the indexes on the next write', async () => {
    const now = Date.now()
    const first = new AuditTrail(client, RETENTION_MS)
    const second = new AuditTrail(client, RETENTION_MS)
    // Recorded (e.g. by an instance whose clock or queue lagged) already past its retention.
    await first.recordWrite(SCOPE, write('old', now - RETENTION_MS - 1000))
    expect(await client.exists('audit:{utrecht:production}:write:old')).toBe(0)
    await second.recordWrite(SCOPE, write('recent', now))
    expect(await client.zrange('audit:{utrecht:production}:log', 0, -1)).toEqual(['recent'])
    expect(await client.zrange('audit:{utrecht:production}:candidate:rec1', 0, -1)).toEqual([
      'recent',
    ])
    expect((await first.between(SCOPE, 0, now + 1)).map((w) => w.idempotencyKey)).toEqual([
      'recent',
    ])
    expect((await second.forCandidate(SCOPE, 'rec1')).map((w) => w.idempotencyKey)).toEqual([
      'recent',
    ])
  })

  it('gives every key of the trail an expiry within the retention', async () => {
    const now = Date.now()
    const trail = new AuditTrail(client, RETENTION_MS)
    await trail.recordWrite(SCOPE, write('k1', now))
    for (const key of [
      'audit:{utrecht:production}:write:k1',
      'audit:{utrecht:production}:log',
      'audit:{utrecht:production}:candidate:rec1',
    ]) {
      const ttl = await client.pttl(key)
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(RETENTION_MS)
    }
    // The outcome (and a new candidate's index) keep that expiry; they do not restart it.
    await trail.attachOutcome(SCOPE, {
      idempotencyKey: 'k1',
      status: 'succeeded',
      operation: 'create',
      resource: 'interaction',
      recordIds: ['int1'],
      candidateId: 'cand-new',
      completedAt: new Date(now).toISOString(),
    })
    expect(await client.pttl('audit:{utrecht:production}:write:k1')).toBeLessThanOrEqual(
      RETENTION_MS,
    )
    const candidateTtl = await client.pttl('audit:{utrecht:production}:candidate:cand-new')
    expect(candidateTtl).toBeGreaterThan(0)
    expect(candidateTtl).toBeLessThanOrEqual(RETENTION_MS)
  })

  it('two instances recording the same write at once keep one record', async () => {
    const now = Date.now()
    const trails = [new AuditTrail(client, RETENTION_MS), new AuditTrail(client, RETENTION_MS)]
    await Promise.all(trails.map((trail) => trail.recordWrite(SCOPE, write('same', now))))
    expect(await client.zcard('audit:{utrecht:production}:log')).toBe(1)
    expect(await client.hget('audit:{utrecht:production}:write:same', 'attempts')).toBe('2')
  })

  it('is a setting: 400 days unless RELAY_AUDIT_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig(testEnv()).auditRetentionDays).toBe(400)
    expect(loadConfig(testEnv({ RELAY_AUDIT_RETENTION_DAYS: '30' })).auditRetentionDays).toBe(30)
  })
})
