// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { relayErrorBodySchema } from '../../src/api/contract.js'
import { startRedis, startRelay, type RunningRelay, type TestRedis } from './kit.js'

/**
 * `/auth/login` and `/auth/callback` are limited per client address, in Redis. Behind a proxy
 * named in RELAY_TRUSTED_PROXIES the address is the one it forwards; without one, a client's
 * own X-Forwarded-For is ignored.
 */
let redis: TestRedis
let behindProxy: RunningRelay
let direct: RunningRelay

beforeAll(async () => {
  redis = await startRedis()
  const env = { RELAY_REDIS_URL: redis.url, RELAY_SIGN_INS_PER_MINUTE: '3' }
  // The tests connect from 127.0.0.1: as the load balancer would.
  behindProxy = await startRelay({ ...env, RELAY_TRUSTED_PROXIES: '127.0.0.1/32' })
  direct = await startRelay(env, { idp: behindProxy.idp })
})

afterAll(async () => {
  await direct.close()
  await behindProxy.close()
  await redis.stop()
})

function login(relay: RunningRelay, forwardedFor?: string, path = '/auth/login?returnTo=%2F') {
  return fetch(`${relay.url}${path}`, {
    redirect: 'manual',
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  })
}

describe('sign-in rate limit', () => {
  it('limits one client address behind the trusted proxy, and not its neighbour', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await login(behindProxy, '203.0.113.5')).status).toBe(302)
    const refused = await login(behindProxy, '203.0.113.5')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    const body = relayErrorBodySchema.parse(await refused.json())
    expect(body).toMatchObject({ error: 'rate_limited', mayHaveReachedUpstream: false })
    expect(body.retryAfterSeconds).toBeGreaterThan(0)
    // Another counsellor behind the same load balancer is not affected.
    expect((await login(behindProxy, '203.0.113.6')).status).toBe(302)
  })

  it('ignores a spoofed X-Forwarded-For when no proxy is trusted', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1) statuses.push((await login(direct, `198.51.100.${i}`)).status)
    expect(statuses).toEqual([302, 302, 302, 429])
  })

  it('limits the sign-in callback too', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1)
      statuses.push((await login(behindProxy, '203.0.113.9', '/auth/callback?state=x')).status)
    expect(statuses).toEqual([400, 400, 400, 429])
  })

  it('holds across instances: the count is in Redis', async () => {
    const other = await startRelay(
      {
        RELAY_REDIS_URL: redis.url,
        RELAY_SIGN_INS_PER_MINUTE: '3',
        RELAY_TRUSTED_PROXIES: '127.0.0.1',
      },
      { idp: behindProxy.idp },
    )
    try {
      expect((await login(behindProxy, '203.0.113.20')).status).toBe(302)
      expect((await login(other, '203.0.113.20')).status).toBe(302)
      expect((await login(behindProxy, '203.0.113.20')).status).toBe(302)
      expect((await login(other, '203.0.113.20')).status).toBe(429)
    } finally {
      await other.close()
    }
  })
})
