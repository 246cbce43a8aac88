// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  Browser,
  counsellorOf,
  eventually,
  signIn,
  startRecordingUpstream,
  startRedis,
  startRelay,
  startSignIn,
  type RunningRelay,
  type TestRedis,
} from './kit.js'

/**
 * Sign-in, sessions, authorization and cross-site protection, over real HTTP against a real
 * local identity provider (oidc-provider) and a real Redis.
 */
let redis: TestRedis
let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>
let relay: RunningRelay
let second: RunningRelay
let clock = Date.now()

beforeAll(async () => {
  redis = await startRedis()
  upstream = await startRecordingUpstream()
  const env = { RELAY_REDIS_URL: redis.url, RELAY_UPSTREAM_ORIGIN: upstream.url }
  relay = await startRelay(env, { now: () => clock })
  // A second instance on the same Redis and the same identity provider.
  second = await startRelay(env, { idp: relay.idp, now: () => clock })
})

afterAll(async () => {
  await second.close()
  await relay.close()
  await upstream.close()
  await redis.stop()
})

beforeEach(() => {
  clock = Date.now()
  upstream.requests.length = 0
  relay.idp.onTokenResponse = null
})

const INTERACTIONS = '/api/v2/candidates/rec1/interactions'

/** How many times Redis has run `command` so far (INFO commandstats). */
async function redisCalls(command: string): Promise<number> {
  const stats = await relay.redis.info('commandstats')
  return Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0)
}

describe('sign-in', () => {
  it('signs a counsellor in through the identity provider and says who it is', async () => {
    const { browser, callbackUrl } = await startSignIn(relay, 'anna', '/candidates/rec1?tab=2')
    expect(callbackUrl.searchParams.get('code')).toBeTruthy()
    const landing = await browser.fetch(callbackUrl)
    expect(landing.status).toBe(302)
    expect(landing.headers.get('location')).toBe('/candidates/rec1?tab=2')
    const setCookie = landing.headers.getSetCookie().join('\n')
    expect(setCookie).toMatch(/ct_session=.*HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)

    const anna = await counsellorOf(relay, browser, callbackUrl)
    const session = await anna.request('/auth/session')
    expect(session.status).toBe(200)
    const body = (await session.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      subject: 'anna',
      name: 'Anna de Vries',
      email: 'anna@utrecht.example',
      regions: [{ id: 'utrecht', name: 'utrecht', sandbox: true }],
      defaultRegion: 'utrecht',
      roles: ['counsellor'],
      csrfHeader: 'x-candidate-timeline',
    })
    expect(Date.parse(String(body.idleExpiresAt)) - clock).toBe(30 * 60 * 1000)
    expect(Date.parse(String(body.absoluteExpiresAt)) - clock).toBe(12 * 60 * 60 * 1000)
  })

  it('gives a fresh session id at each sign-in and ends the one before', async () => {
    const first = await signIn(relay, 'anna')
    const { callbackUrl } = await startSignIn(relay, 'anna', '/', first.browser)
    await first.browser.fetch(callbackUrl)
    const again = await counsellorOf(relay, first.browser, callbackUrl)
    expect(again.cookie).not.toBe(first.cookie)
    expect((await first.request('/auth/session')).status).toBe(401)
    expect((await again.request('/auth/session')).status).toBe(200)
  })

  it('refuses a replayed authorization response', async () => {
    const anna = await signIn(relay, 'anna')
    const replay = await anna.browser.fetch(anna.callbackUrl)
    expect(replay.status).toBe(400)
    expect(((await replay.json()) as { error: string }).error).toBe('sign_in_failed')
    expect(replay.headers.getSetCookie().join('')).not.toContain('ct_session=')
    // From another browser (no login cookie) too.
    const stranger = await new Browser().fetch(anna.callbackUrl)
    expect(stranger.status).toBe(400)
  })

  it('refuses a tampered ID token (its signature no longer holds)', async () => {
    relay.idp.onTokenResponse = (body) => {
      const [header, payload, signature] = String(body.id_token).split('.')
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >
      claims.sub = 'priya'
      body.id_token = [
        header,
        Buffer.from(JSON.stringify(claims)).toString('base64url'),
        signature,
      ].join('.')
    }
    const { browser, callbackUrl } = await startSignIn(relay, 'anna')
    const landing = await browser.fetch(callbackUrl)
    expect(landing.status).toBe(400)
    expect(landing.headers.getSetCookie().join('')).not.toContain('ct_session=')
    const refusal = relay.logs.lines.filter((line) => line.includes('token_or_id_token_refused'))
    expect(refusal.at(-1)).toMatch(/signature/i)
  })

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)'])(
    'never returns to %s after sign-in',
    async (returnTo) => {
      const { browser, callbackUrl } = await startSignIn(relay, 'anna', returnTo)
      const landing = await browser.fetch(callbackUrl)
      expect(landing.status).toBe(302)
      expect(landing.headers.get('location')).toBe('/')
    },
  )

  it('uses Secure __Host- cookies when the public URL is https', async () => {
    const https = await startRelay(
      { RELAY_REDIS_URL: redis.url, RELAY_PUBLIC_URL: 'https://relay.example.nl' },
      { idp: relay.idp },
    )
    try {
      const login = await fetch(`${https.url}/auth/login`, { redirect: 'manual' })
      expect(login.status).toBe(302)
      const cookie = login.headers.getSetCookie().join('\n')
      expect(cookie).toMatch(/^__Host-ct_login=/)
      expect(cookie).toMatch(/; Secure/)
      expect(cookie).toMatch(/; Path=\//)
      const target = new URL(login.headers.get('location') ?? '')
      expect(target.searchParams.get('redirect_uri')).toBe('https://relay.example.nl/auth/callback')
      expect(target.searchParams.get('code_challenge_method')).toBe('S256')
      expect(target.searchParams.get('nonce')).toBeTruthy()
    } finally {
      await https.close()
    }
  })

  it('refuses a person whose claim grants no region', async () => {
    const { browser, callbackUrl } = await startSignIn(relay, 'nora')
    const landing = await browser.fetch(callbackUrl)
    expect(landing.status).toBe(403)
    expect(((await landing.json()) as { error: string }).error).toBe('forbidden_no_access')
  })
})

describe('sessions', () => {
  it('answers 401 without a session, with a forged cookie, and never forwards', async () => {
    for (const cookie of [undefined, 'ct_session=abc.def', 'ct_session=forged-but-unsigned']) {
      const response = await fetch(`${relay.url}${INTERACTIONS}`, {
        headers: cookie ? { cookie } : {},
      })
      expect(response.status).toBe(401)
      expect(await response.json()).toMatchObject({
        error: 'unauthenticated',
        login: '/auth/login',
      })
    }
    const events = await fetch(`${relay.url}/events`)
    expect(events.status).toBe(401)
    expect(upstream.requests).toHaveLength(0)
  })

  it('ends a session after the idle timeout, and not before', async () => {
    const anna = await signIn(relay, 'anna')
    clock += 29 * 60 * 1000
    expect((await anna.request(INTERACTIONS)).status).toBe(200)
    clock += 29 * 60 * 1000 // activity above moved the idle deadline
    expect((await anna.request(INTERACTIONS)).status).toBe(200)
    clock += 31 * 60 * 1000
    expect((await anna.request(INTERACTIONS)).status).toBe(401)
  })

  it('ends a session at its absolute lifetime however active', async () => {
    const anna = await signIn(relay, 'anna')
    for (let hour = 0; hour < 11; hour += 1) {
      clock += 25 * 60 * 1000
      expect((await anna.request(INTERACTIONS)).status).toBe(200)
      clock += 25 * 60 * 1000
      expect((await anna.request(INTERACTIONS)).status).toBe(200)
    }
    clock += 2 * 60 * 60 * 1000 - 10 * 60 * 1000 // past 12 h since sign-in, within idle
    expect((await anna.request(INTERACTIONS)).status).toBe(401)
  })

  it('a sign-out on one instance ends the session on the other', async () => {
    const anna = await signIn(relay, 'anna')
    const onSecond = (path: string) =>
      fetch(`${second.url}${path}`, { headers: { cookie: anna.cookie } })
    expect((await onSecond(INTERACTIONS)).status).toBe(200)
    const out = await anna.request('/auth/logout', { method: 'POST' })
    expect(out.status).toBe(200)
    const body = (await out.json()) as { endSessionUrl: string | null }
    expect(body.endSessionUrl).toContain(`${relay.idp.issuer}/session/end`)
    expect((await onSecond(INTERACTIONS)).status).toBe(401)
    expect((await anna.request('/auth/session')).status).toBe(401)
  })

  it('forgets every copy when its tracking connection drops, so a sign-out meanwhile still counts', async () => {
    await eventually(() => second.sessionCache.live)
    const anna = await signIn(relay, 'anna')
    const onSecond = () =>
      fetch(`${second.url}${INTERACTIONS}`, { headers: { cookie: anna.cookie } })
    expect((await onSecond()).status).toBe(200)
    const gets = await redisCalls('get')
    expect((await onSecond()).status).toBe(200)
    expect(await redisCalls('get')).toBe(gets) // the copy is in use
    // Both instances' tracking connections go; the sign-out's invalidation reaches neither.
    const tracking = (await relay.redis.client('LIST')) as string
    for (const line of tracking.split('\n')) {
      const id = /^id=(\d+) .*name=relay-session-tracking /.exec(line)?.[1]
      if (id !== undefined) await relay.redis.client('KILL', 'ID', id)
    }
    expect((await anna.request('/auth/logout', { method: 'POST' })).status).toBe(200)
    expect((await onSecond()).status).toBe(401)
  })

  it('a sign-out on one instance ends at once the copy of the session the other keeps', async () => {
    // Also after the drop above: tracking comes back by itself, and with it the copies.
    await eventually(() => second.sessionCache.live)
    const anna = await signIn(relay, 'anna')
    const onSecond = () =>
      fetch(`${second.url}${INTERACTIONS}`, { headers: { cookie: anna.cookie } })
    expect((await onSecond()).status).toBe(200) // read from Redis, kept
    const gets = await redisCalls('get')
    expect((await onSecond()).status).toBe(200)
    expect(await redisCalls('get')).toBe(gets) // served from the copy: no Redis read
    expect((await anna.request('/auth/logout', { method: 'POST' })).status).toBe(200)
    expect((await onSecond()).status).toBe(401)
  })

  it('refuses a sign-out from another site', async () => {
    const anna = await signIn(relay, 'anna')
    const out = await fetch(`${relay.url}/auth/logout`, {
      method: 'POST',
      headers: { cookie: anna.cookie, origin: 'https://evil.example', 'x-candidate-timeline': '1' },
    })
    expect(out.status).toBe(403)
    expect((await anna.request('/auth/session')).status).toBe(200)
  })
})

describe('authorization and cross-site protection', () => {
  it('refuses Rijnmond to a Utrecht counsellor, on the proxy and on events', async () => {
    const anna = await signIn(relay, 'anna')
    const proxied = await anna.request(INTERACTIONS, { headers: { 'x-relay-region': 'rijnmond' } })
    expect(proxied.status).toBe(403)
    expect(await proxied.json()).toMatchObject({ error: 'forbidden_region' })
    const events = await anna.request('/events?region=rijnmond')
    expect(events.status).toBe(403)
    const write = await anna.request(`${INTERACTIONS}?idempotencyKey=k-r`, {
      method: 'POST',
      headers: { 'x-relay-region': 'rijnmond', 'content-type': 'application/json' },
      body: '[]',
    })
    expect(write.status).toBe(403)
    expect(upstream.requests).toHaveLength(0)
  })

  it('refuses the sandbox to a counsellor without sandbox rights, by prefix and by header', async () => {
    const ravi = await signIn(relay, 'ravi')
    expect((await ravi.request(INTERACTIONS)).status).toBe(200)
    const byPrefix = await ravi.request('/api/sandbox/candidates/rec1/interactions')
    expect(byPrefix.status).toBe(403)
    expect(await byPrefix.json()).toMatchObject({ error: 'forbidden_environment' })
    const byHeader = await ravi.request(INTERACTIONS, { headers: { 'x-api-sandbox': 'true' } })
    expect(byHeader.status).toBe(403)
    expect((await ravi.request('/api/sandbox/events')).status).toBe(403)
    expect(upstream.requests).toHaveLength(1)
  })

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example', 'x-candidate-timeline': '1' }],
    ['no app header', { origin: 'SELF' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', 'x-candidate-timeline': '1' }],
    ['neither Origin nor Sec-Fetch-Site', { 'x-candidate-timeline': '1' }],
  ])('refuses a write with %s', async (_name, extra: Record<string, string>) => {
    const anna = await signIn(relay, 'anna')
    const headers: Record<string, string> = {
      cookie: anna.cookie,
      'content-type': 'application/json',
    }
    for (const [key, value] of Object.entries(extra))
      headers[key] = value === 'SELF' ? relay.url : value
    const response = await fetch(`${relay.url}${INTERACTIONS}?idempotencyKey=k-x`, {
      method: 'POST',
      headers,
      body: '[]',
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: 'cross_site' })
    expect(upstream.requests).toHaveLength(0)
  })

  it('accepts a same-origin write by Sec-Fetch-Site when the browser sends no Origin', async () => {
    const anna = await signIn(relay, 'anna')
    const response = await fetch(`${relay.url}${INTERACTIONS}?idempotencyKey=k-same`, {
      method: 'POST',
      headers: {
        cookie: anna.cookie,
        'sec-fetch-site': 'same-origin',
        'x-candidate-timeline': '1',
        'content-type': 'application/json',
      },
      body: '[]',
    })
    expect(response.status).toBe(202)
  })
})

describe('another counsellor signs in in the same browser (decision 0076)', () => {
  // Tab A believes Anna is signed in; tab B of the same browser signed Bram in, so the shared
  // cookie is now Bram's. What reaches the relay from tab A: Bram's cookie, Anna's subject.
  it('refuses a write, a read and the events of a page that names another subject', async () => {
    const bram = await signIn(relay, 'bram')
    const asAnna = { 'x-relay-subject': 'anna' }
    const write = await bram.request(`${INTERACTIONS}?idempotencyKey=k-anna-1`, {
      method: 'POST',
      headers: { ...asAnna, 'content-type': 'application/json' },
      body: '[]',
    })
    expect(write.status).toBe(409)
    expect(await write.json()).toMatchObject({ error: 'session_changed' })
    const read = await bram.request(INTERACTIONS, { headers: asAnna })
    expect(read.status).toBe(409)
    const events = await bram.request('/events', { headers: asAnna })
    expect(events.status).toBe(409)
    const audit = await bram.request('/audit/candidates/rec1', { headers: asAnna })
    expect(audit.status).toBe(409)
    // Refused on the second instance too, and nothing reached the upstream.
    const elsewhere = await fetch(`${second.url}${INTERACTIONS}?idempotencyKey=k-anna-1`, {
      method: 'DELETE',
      headers: { ...bram.headers('DELETE'), origin: second.url, ...asAnna },
    })
    expect(elsewhere.status).toBe(409)
    expect(upstream.requests).toHaveLength(0)
  })

  it('passes the page whose subject is the session’s, and never forwards the header', async () => {
    const bram = await signIn(relay, 'bram')
    const write = await bram.request(`${INTERACTIONS}?idempotencyKey=k-bram-1`, {
      method: 'POST',
      headers: { 'x-relay-subject': 'bram', 'content-type': 'application/json' },
      body: '[]',
    })
    expect(write.status).toBe(202)
    expect(upstream.requests).toHaveLength(1)
    expect(upstream.requests[0]?.headers['x-relay-subject']).toBeUndefined()
  })

  it('asks the identity provider to ask who signs in when the app wants that', async () => {
    const login = await fetch(`${relay.url}/auth/login?returnTo=%2F&prompt=login`, {
      redirect: 'manual',
    })
    expect(new URL(String(login.headers.get('location'))).searchParams.get('prompt')).toBe('login')
    const odd = await fetch(`${relay.url}/auth/login?returnTo=%2F&prompt=none%20consent`, {
      redirect: 'manual',
    })
    expect(new URL(String(odd.headers.get('location'))).searchParams.has('prompt')).toBe(false)
  })
})

describe('logs', () => {
  it('never contain a cookie, code, state, token or secret', async () => {
    const tokens: string[] = []
    relay.idp.onTokenResponse = (body) => {
      tokens.push(String(body.id_token), String(body.access_token))
    }
    const anna = await signIn(relay, 'anna')
    expect(tokens).toHaveLength(2)
    await anna.request(INTERACTIONS)
    const secrets = [
      anna.cookie.split('=')[1] ?? 'x',
      anna.callbackUrl.searchParams.get('code') ?? 'x',
      anna.callbackUrl.searchParams.get('state') ?? 'x',
      relay.config.auth.clientSecret,
      relay.config.sessionSecret,
      ...tokens,
    ]
    const text = relay.logs.lines.join('\n')
    expect(text).toContain('signed in')
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./) // no JWT
  })
})
