// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CALLBACK_HEADERS, EVENT_MUTATION } from '../../src/api/contract.js'
import { eventsKey } from '../src/keys.js'
import {
  outcome,
  openSse,
  signIn,
  postCallback,
  SECRETS,
  startRedis,
  startRelay,
  type RunningRelay,
  type TestRedis,
} from './kit.js'

let redis: TestRedis
let relay: RunningRelay

beforeAll(async () => {
  redis = await startRedis()
  relay = await startRelay({ RELAY_REDIS_URL: redis.url, RELAY_CALLBACK_BODY_LIMIT_BYTES: '2048' })
})

afterAll(async () => {
  await relay.close()
  await redis.stop()
})

beforeEach(async () => {
  await relay.redis.flushall()
  relay.logs.lines.length = 0
})

const PATH = '/callbacks/utrecht/production'
const streamLength = () =>
  relay.redis.xlen(eventsKey({ region: 'utrecht', environment: 'production' }))
const refusals = () => relay.logs.lines.filter((line) => line.includes('"callback refused"'))

describe('callback endpoint', () => {
  it('takes a correctly signed outcome into the region+environment stream and answers 204', async () => {
    const body = outcome()
    const response = await postCallback({
      relayUrl: relay.url,
      path: PATH,
      secret: SECRETS.utrechtSecret,
      body,
    })
    expect(response.status).toBe(204)
    const entries = await relay.redis.xrange(
      eventsKey({ region: 'utrecht', environment: 'production' }),
      '-',
      '+',
    )
    expect(entries).toHaveLength(1)
    expect(JSON.parse(entries[0]?.[1][1] ?? 'null')).toEqual(body)
  })

  type Case = [
    string,
    Parameters<typeof postCallback>[0]['tamper'] | undefined,
    Partial<Parameters<typeof postCallback>[0]>,
    number,
  ]
  const cases: Case[] = [
    [
      'a forged signature',
      (signed) => {
        signed.headers[CALLBACK_HEADERS.signature] =
          `v2=${Buffer.from('forged').toString('base64')}`
      },
      {},
      401,
    ],
    ['a wrong secret', undefined, { secret: 'whsec_someone_else_entirely' }, 401],
    ["the other region's secret", undefined, { secret: SECRETS.rijnmondSecret }, 401],
    [
      'an altered body',
      (signed) => {
        signed.body = signed.body.replace('succeeded', 'failed')
      },
      {},
      401,
    ],
    [
      'an altered query',
      (signed) => {
        signed.url = `${signed.url}?extra=1`
      },
      {},
      401,
    ],
    ['a query that was signed but not sent', undefined, { signedPath: `${PATH}?a=1` }, 401],
    [
      'a timestamp 6 minutes old',
      undefined,
      { timestamp: Math.floor(Date.now() / 1000) - 360 },
      401,
    ],
    [
      'a timestamp 6 minutes ahead',
      undefined,
      { timestamp: Math.floor(Date.now() / 1000) + 360 },
      401,
    ],
    ['an unknown region', undefined, { path: '/callbacks/amsterdam/production' }, 404],
    ['an unknown environment', undefined, { path: '/callbacks/utrecht/staging' }, 404],
    [
      'no signature at all',
      (signed) => {
        signed.headers = Object.fromEntries(
          Object.entries(signed.headers).filter(([name]) => name !== CALLBACK_HEADERS.signature),
        )
      },
      {},
      401,
    ],
  ]

  it.each(cases)(
    'refuses %s, stores nothing and logs it once without the secret',
    async (_name, tamper, overrides, status) => {
      const response = await postCallback({
        relayUrl: relay.url,
        path: PATH,
        secret: SECRETS.utrechtSecret,
        body: outcome(),
        ...(tamper ? { tamper } : {}),
        ...overrides,
      })
      expect(response.status).toBe(status)
      expect(await streamLength()).toBe(0)
      expect(refusals()).toHaveLength(1)
      for (const line of relay.logs.lines) {
        expect(line).not.toContain(SECRETS.utrechtSecret)
        expect(line).not.toContain('v2=')
      }
    },
  )

  it('refuses a replayed nonce, even with a fresh valid signature', async () => {
    const first = await postCallback({
      relayUrl: relay.url,
      path: PATH,
      secret: SECRETS.utrechtSecret,
      body: outcome(),
      nonce: 'n-1',
    })
    expect(first.status).toBe(204)
    const again = await postCallback({
      relayUrl: relay.url,
      path: PATH,
      secret: SECRETS.utrechtSecret,
      body: outcome(),
      nonce: 'n-1',
    })
    expect(again.status).toBe(409)
    expect(await streamLength()).toBe(1)
    expect(refusals()).toHaveLength(1)
    expect(refusals()[0]).toContain('replayed_nonce')
  })

  it('adds the outcome to the audit trail after the one-step append; a failed audit update is completed by the redelivery, the stream keeps one entry', async () => {
    const auditKey = 'audit:{utrecht:production}:write:k-audit'
    const body = outcome({ idempotencyKey: 'k-audit', recordIds: ['rec789'] })
    const deliver = () =>
      postCallback({
        relayUrl: relay.url,
        path: PATH,
        secret: SECRETS.utrechtSecret,
        body,
        nonce: 'n-audit',
      })
    // A value of the wrong type makes the audit update fail (WRONGTYPE) after the script ran.
    await relay.redis.set(auditKey, 'not an audit record')
    const failed = await deliver()
    expect(failed.status).toBe(503)
    expect(failed.headers.get('retry-after')).toBe('5')
    expect(await streamLength()).toBe(1)

    // The write's record as the proxy leaves it; the engine then delivers the same callback again.
    await relay.redis.del(auditKey)
    await relay.redis.hset(auditKey, { idempotencyKey: 'k-audit', at: '1000', name: 'Anna' })
    const again = await deliver()
    expect(again.status).toBe(409)
    expect(await streamLength()).toBe(1)
    expect(await relay.redis.hgetall(auditKey)).toMatchObject({
      outcome: 'succeeded',
      recordIds: 'rec789',
      name: 'Anna',
    })
  })

  it('refuses an oversize body before checking anything else', async () => {
    const big = outcome({
      recordIds: Array.from({ length: 200 }, (_, i) => `rec${String(i).padStart(14, '0')}`),
    })
    const response = await postCallback({
      relayUrl: relay.url,
      path: PATH,
      secret: SECRETS.utrechtSecret,
      body: big,
    })
    expect(response.status).toBe(413)
    expect(await streamLength()).toBe(0)
    expect(refusals()).toHaveLength(1)
  })

  it('refuses a signed body that is not a mutation outcome', async () => {
    const response = await postCallback({
      relayUrl: relay.url,
      path: PATH,
      secret: SECRETS.utrechtSecret,
      body: outcome(),
      tamper: () => undefined,
    })
    expect(response.status).toBe(204)
    const bad = await postCallback({
      relayUrl: relay.url,
      path: PATH,
      secret: SECRETS.utrechtSecret,
      body: { ...outcome(), status: 'maybe' } as unknown as ReturnType<typeof outcome>,
    })
    expect(bad.status).toBe(400)
    expect(await streamLength()).toBe(1)
  })

  it('lets no refused callback reach a browser of the region', async () => {
    const anna = await signIn(relay, 'anna')
    const client = await openSse(`${relay.url}/api/v2/events`, { cookie: anna.cookie })
    await postCallback({
      relayUrl: relay.url,
      path: PATH,
      secret: SECRETS.rijnmondSecret,
      body: outcome({ idempotencyKey: 'refused' }),
    })
    await postCallback({
      relayUrl: relay.url,
      path: PATH,
      secret: SECRETS.utrechtSecret,
      body: outcome({ idempotencyKey: 'taken' }),
    })
    const [event] = await client.waitFor(1)
    client.close()
    expect(event?.event).toBe(EVENT_MUTATION)
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({ idempotencyKey: 'taken' })
    expect(client.raw()).not.toContain('refused')
  })

  it('answers a retryable 503 when Redis is unavailable', async () => {
    const other = await startRedis()
    const broken = await startRelay({ RELAY_REDIS_URL: other.url })
    await other.stop()
    try {
      const response = await postCallback({
        relayUrl: broken.url,
        path: PATH,
        secret: SECRETS.utrechtSecret,
        body: outcome(),
      })
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('5')
      const ready = await fetch(`${broken.url}/readyz`)
      expect(ready.status).toBe(503)
      expect(await ready.json()).toMatchObject({ checks: { redis: 'failing' } })
    } finally {
      await broken.close()
    }
  })
})
