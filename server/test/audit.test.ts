// @vitest-environment node
import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import {
  outcome,
  postCallback,
  SECRETS,
  signIn,
  startRedis,
  startRelay,
  useRelays,
  type Counsellor,
  type RecordingUpstream,
  type RunningRelay,
} from './kit.js'

/**
 * Who did what, and fair use: the audit trail of writes through the relay (outcome attached
 * when the signed callback arrives), its CSV export, and the per-counsellor write limit.
 */
let upstream: RecordingUpstream
let relay: RunningRelay
let second: RunningRelay
let anna: Counsellor
let bram: Counsellor

const LIMIT = 5

// Two instances; before each test an empty Redis and Anna and Bram signed in again.
useRelays(
  {
    instances: 2,
    env: { RELAY_WRITES_PER_MINUTE: String(LIMIT) },
    signIn: ['anna', 'bram'],
    freshEachTest: true,
  },
  (stage) => {
    ;({ upstream, relay } = stage)
    second = stage.instance(1)
    ;({ anna, bram } = stage.as)
  },
)

function write(who: Counsellor, method: string, path: string, key: string, body = '[]') {
  return who.request(`/api/v2${path}?idempotencyKey=${encodeURIComponent(key)}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(method === 'DELETE' ? {} : { body }),
  })
}

function callback(body: ReturnType<typeof outcome>) {
  return postCallback({
    relayUrl: relay.url,
    path: '/callbacks/utrecht/production',
    secret: SECRETS.utrechtSecret,
    body,
  })
}

type CandidateAudit = {
  interactions: Record<string, { createdBy?: { name: string }; editedBy?: { name: string } }>
  failures: {
    idempotencyKey: string
    operation: string
    by: { subject: string; name: string; at: string }
    reason: string
    interactionId?: string
  }[]
}

async function auditOf(who: Counsellor, candidateId: string): Promise<CandidateAudit> {
  const response = await who.request(`/audit/candidates/${candidateId}`)
  expect(response.status).toBe(200)
  return (await response.json()) as CandidateAudit
}

describe('audit trail', () => {
  it('records who logged, edited and failed to delete, with the outcome from the callback', async () => {
    expect((await write(anna, 'POST', '/candidates/rec1/interactions', 'k1')).status).toBe(202)
    // Recorded before the callback: nothing to show on the card yet.
    expect(await auditOf(anna, 'rec1')).toEqual({ interactions: {}, failures: [] })
    const created = outcome({
      idempotencyKey: 'k1',
      candidateId: 'rec1',
      recordIds: ['int1', 'int2'],
    })
    expect((await callback(created)).status).toBe(204)

    expect(
      (await write(bram, 'PATCH', '/candidates/rec1/interactions/int1', 'k2', '{}')).status,
    ).toBe(202)
    await callback(
      outcome({
        idempotencyKey: 'k2',
        operation: 'update',
        candidateId: 'rec1',
        recordIds: ['int1'],
      }),
    )
    expect((await write(bram, 'DELETE', '/candidates/rec1/interactions/int2', 'k3')).status).toBe(
      202,
    )
    await callback(
      outcome({
        idempotencyKey: 'k3',
        operation: 'delete',
        status: 'failed',
        candidateId: 'rec1',
        recordIds: [],
        error: { code: 'not_found', message: 'The interaction no longer exists.' },
      }),
    )

    // Anna sees Bram's edit and his failed change to the same candidate.
    const seen = await auditOf(anna, 'rec1')
    expect(seen.interactions.int1?.createdBy?.name).toBe('Anna de Vries')
    expect(seen.interactions.int1?.editedBy?.name).toBe('Bram Jansen')
    expect(seen.interactions.int2?.createdBy?.name).toBe('Anna de Vries')
    expect(seen.interactions.int2?.editedBy).toBeUndefined()
    expect(seen.failures).toEqual([
      {
        idempotencyKey: 'k3',
        operation: 'delete',
        by: { subject: 'bram', name: 'Bram Jansen', at: expect.any(String) as string },
        at: '2026-12-06T04:00:00.000Z',
        reason: 'not_found: The interaction no longer exists.',
        interactionId: 'int2',
      },
    ])

    const stored = await relay.redis.hgetall('audit:{utrecht:production}:write:k1')
    expect(stored).toMatchObject({
      subject: 'anna',
      name: 'Anna de Vries',
      region: 'utrecht',
      environment: 'production',
      operation: 'create',
      resource: 'interaction',
      candidateId: 'rec1',
      upstreamStatus: '202',
      outcome: 'succeeded',
      recordIds: 'int1 int2',
    })
  })

  it('keeps the first record when the same key is sent again', async () => {
    await write(anna, 'POST', '/candidates/rec1/interactions', 'again')
    await write(anna, 'POST', '/candidates/rec1/interactions', 'again')
    const stored = await relay.redis.hgetall('audit:{utrecht:production}:write:again')
    expect(stored.attempts).toBe('2')
    expect(stored.subject).toBe('anna')
  })

  it('answers audit questions only in a scope the counsellor may use', async () => {
    const ravi = await signIn(relay, 'ravi')
    const refused = await ravi.request('/audit/candidates/rec1', {
      headers: { 'x-relay-region': 'utrecht' },
    })
    expect(refused.status).toBe(403)
    expect((await fetch(`${relay.url}/audit/candidates/rec1`)).status).toBe(401)
  })

  it('exports the period as CSV for the privacy officer only, formulas defused', async () => {
    await write(anna, 'POST', '/candidates/rec1/interactions', '=HYPERLINK("https://evil.example")')
    await write(bram, 'POST', '/candidates/rec2/interactions', 'plain-key')
    const today = new Date().toISOString().slice(0, 10)
    const query = `/audit/export.csv?from=${today}&to=${today}&region=utrecht`

    const refused = await anna.request(query)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ error: 'forbidden_role' })

    const priya = await signIn(relay, 'priya')
    const response = await priya.request(query)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const lines = (await response.text()).trim().split('\n')
    expect(lines[0]).toBe(
      'time,region,environment,subject,name,operation,resource,candidateId,interactionId,idempotencyKey,attempts,upstreamStatus,outcome,recordIds,reason,completedAt',
    )
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('Anna de Vries')
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"")"`)
    expect(lines[2]).toContain('Bram Jansen')

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    const empty = await priya.request(`/audit/export.csv?from=${yesterday}&to=${yesterday}`)
    expect((await empty.text()).trim().split('\n')).toHaveLength(1)
    const bad = await priya.request('/audit/export.csv?from=2026-12-06&to=2026-01-01')
    expect(bad.status).toBe(400)
  })

  it('runs on a Redis that persists (append-only file), without a warning', async () => {
    const reply = await relay.redis.config('GET', 'appendonly')
    expect(reply[1]).toBe('yes')
    expect(relay.logs.lines.some((line) => line.includes('persistence'))).toBe(false)
  })

  it('keeps the trail across a Redis restart', async () => {
    const own = await startRedis()
    const ownRelay = await startRelay(
      { RELAY_REDIS_URL: own.url, RELAY_UPSTREAM_ORIGIN: upstream.url },
      { idp: relay.idp },
    )
    try {
      const who = await signIn(ownRelay, 'anna')
      await who.request('/api/v2/candidates/rec9/interactions?idempotencyKey=durable', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      })
    } finally {
      await ownRelay.close()
      await own.stop({ keepData: true })
    }
    const restarted = await startRedis({ dir: own.dir })
    const reader = new Redis(restarted.url)
    try {
      expect(await reader.hget('audit:{utrecht:production}:write:durable', 'name')).toBe(
        'Anna de Vries',
      )
    } finally {
      reader.disconnect()
      await restarted.stop()
    }
  })
})

describe('write rate limit', () => {
  it('limits a burst from one counsellor across instances, and not a colleague', async () => {
    const answers: number[] = []
    for (let i = 0; i < LIMIT; i += 1) {
      answers.push(
        (await write(anna, 'POST', '/candidates/rec1/interactions', `burst-${i}`)).status,
      )
    }
    expect(answers).toEqual(Array.from({ length: LIMIT }, () => 202))
    const limited = await write(anna, 'POST', '/candidates/rec1/interactions', 'burst-over')
    expect(limited.status).toBe(429)
    const body = (await limited.json()) as {
      error: string
      message: string
      retryAfterSeconds: number
    }
    expect(body.error).toBe('rate_limited')
    expect(body.retryAfterSeconds).toBeGreaterThan(0)
    expect(limited.headers.get('retry-after')).toBe(String(body.retryAfterSeconds))
    // The other instance shares the count (Redis).
    const elsewhere = await fetch(
      `${second.url}/api/v2/candidates/rec1/interactions?idempotencyKey=burst-second`,
      { method: 'POST', headers: { ...anna.headers('POST'), origin: second.url }, body: '[]' },
    )
    expect(elsewhere.status).toBe(429)
    // Reads go on; a colleague of the same region writes on.
    expect((await anna.request('/api/v2/candidates/rec1/interactions')).status).toBe(200)
    expect((await write(bram, 'POST', '/candidates/rec1/interactions', 'bram-1')).status).toBe(202)
    // Nothing refused reached the upstream, nor the audit trail.
    expect(upstream.requests.filter((r) => r.method === 'POST')).toHaveLength(LIMIT + 1)
    expect(await relay.redis.exists('audit:{utrecht:production}:write:burst-over')).toBe(0)
  })
})
