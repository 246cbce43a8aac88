// @vitest-environment node
import { parseOutcome } from '../../src/api/events.js'
import { EVENT_RESYNC } from '../../src/api/contract.js'
import { describe, expect, it, onTestFinished } from 'vitest'
import { EVENT_READY } from '../src/events.js'
import { eventsKey, STREAM_FIELD } from '../src/keys.js'
import {
  deliverTo,
  keysOf,
  postSigned,
  reconnectingClient as reconnectingRawClient,
  signedCallback,
  spawnRelay,
  type ReconnectingClient,
} from './fleet.js'
import {
  eventually,
  openSse as openRawSse,
  outcome,
  startRelay,
  useRelays,
  type Counsellor,
  type RecordingUpstream,
  type RunningRelay,
  type TestRedis,
} from './kit.js'

/** Two relay instances on one Redis, as behind a load balancer without sticky sessions. */
let redis: TestRedis
let upstream: RecordingUpstream
let a: RunningRelay
let b: RunningRelay
/** Signed in (at A) before each test; her session lives in the shared Redis, so B takes it too. */
let anna: Counsellor

useRelays(
  {
    instances: 2,
    // Each stream checks its session at every heartbeat.
    env: { RELAY_HEARTBEAT_SECONDS: '1' },
    signIn: ['anna'],
    freshEachTest: true,
  },
  (stage) => {
    ;({ redis, upstream, relay: a } = stage)
    b = stage.instance(1)
    anna = stage.as.anna
  },
)

/** Streams opened as Anna's browser opens them: with her session cookie. */
const openSse = (url: string, headers: Record<string, string> = {}) =>
  openRawSse(url, { cookie: anna.cookie, ...headers })

const reconnectingClient = (
  urls: readonly string[],
  options: Parameters<typeof reconnectingRawClient>[1] = {},
) =>
  reconnectingRawClient(urls, {
    ...options,
    headers: { cookie: anna.cookie, ...options.headers },
  })

const UTRECHT = { region: 'utrecht', environment: 'production' } as const

function expectEachOnceInOrder(client: ReconnectingClient, keys: readonly string[]): void {
  expect(keysOf(client.received)).toEqual(keys)
  expect(new Set(client.received.map((event) => event.id)).size).toBe(keys.length)
}

describe('several relay instances on one Redis', () => {
  it('brings a callback received by instance A to a browser connected to instance B', async () => {
    const onB = await openSse(`${b.url}/api/v2/events`)
    const onA = await openSse(`${a.url}/api/v2/events`)
    expect((await deliverTo(a.url, 'via-a')).status).toBe(204)
    const [event] = await onB.waitFor(1)
    const [same] = await onA.waitFor(1)
    onA.close()
    onB.close()
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({ idempotencyKey: 'via-a' })
    expect(same?.id).toBe(event?.id)
  })

  it('refuses a nonce replayed to the other instance, and the outcome reaches a browser once', async () => {
    const client = reconnectingClient([b.url + '/api/v2/events'])
    await eventually(() => client.opened === 1)
    const signed = await signedCallback('once')
    expect((await postSigned(a.url, signed)).status).toBe(204)
    const replayed = await postSigned(b.url, signed)
    expect(replayed.status).toBe(409)
    expect(await replayed.json()).toMatchObject({ error: 'replayed_nonce' })
    expect((await deliverTo(b.url, 'marker')).status).toBe(204)
    await eventually(() => client.received.length >= 2)
    client.close()
    expectEachOnceInOrder(client, ['once', 'marker'])
  })

  it('resumes on the other instance from Last-Event-ID: every missed event, in order, none twice', async () => {
    const first = await openSse(`${a.url}/api/v2/events`)
    await deliverTo(a.url, 'a1')
    const [seen] = await first.waitFor(1)
    first.close()
    for (const [i, relay] of [a, b, a, b].entries()) await deliverTo(relay.url, `missed-${i}`)

    const back = await openSse(`${b.url}/api/v2/events`, { 'last-event-id': seen?.id ?? '' })
    await back.waitFor(4)
    await deliverTo(a.url, 'live')
    const all = await back.waitFor(5)
    back.close()
    expect(all.map((event) => parseOutcome(event.data)?.idempotencyKey)).toEqual([
      'missed-0',
      'missed-1',
      'missed-2',
      'missed-3',
      'live',
    ])
    expect(new Set(all.map((event) => event.id)).size).toBe(5)
  })

  it('gives a new stream a resume point, so a client that saw no outcome yet misses none on the other instance', async () => {
    const c = await startRelay(
      { RELAY_REDIS_URL: redis.url, RELAY_UPSTREAM_ORIGIN: upstream.url },
      { idp: a.idp },
    )
    const urls = [`${c.url}/api/v2/events`, `${b.url}/api/v2/events`]
    const client = reconnectingClient(urls)
    await eventually(() => client.others.includes(EVENT_READY))
    // The stream ends before any outcome; two arrive while the client is away.
    await c.close()
    await deliverTo(b.url, 'while-away-1')
    await deliverTo(b.url, 'while-away-2')
    await eventually(() => client.received.length === 2)
    client.close()
    expect(client.openedAt).toEqual(urls)
    expectEachOnceInOrder(client, ['while-away-1', 'while-away-2'])
  })

  it('ends the streams on B of a counsellor who signs out on A, and B then refuses to reopen them', async () => {
    const client = reconnectingClient([`${b.url}/api/v2/events`])
    await eventually(() => client.opened === 1)
    const out = await anna.request('/auth/logout', { method: 'POST' })
    expect(out.status).toBe(200)
    await out.body?.cancel()
    const refused = await fetch(`${b.url}/api/v2/events`, { headers: { cookie: anna.cookie } })
    expect(refused.status).toBe(401)
    // The open stream ends at B's next heartbeat; its reconnects are refused, so it stays at one.
    await eventually(() => client.ended > 0)
    expect((await deliverTo(a.url, 'after-sign-out')).status).toBe(204)
    await new Promise((resolve) => setTimeout(resolve, 300))
    client.close()
    expect(client.opened).toBe(1)
    expect(client.received).toHaveLength(0)
  })

  it('keeps what is younger than the retention, trims what is older, and sends resync for a trimmed id', async () => {
    const key = eventsKey(UTRECHT)
    const now = Date.now()
    const data = JSON.stringify(outcome({ idempotencyKey: 'old' }))
    // 250 outcomes from 20 minutes ago (whole stream nodes, which is what `~` trims), then 50
    // from 10 minutes ago; the retention is 15 minutes.
    const pipeline = a.redis.pipeline()
    for (let i = 1; i <= 250; i += 1)
      pipeline.xadd(key, `${now - 20 * 60_000}-${i}`, STREAM_FIELD, data)
    for (let i = 1; i <= 50; i += 1)
      pipeline.xadd(
        key,
        `${now - 10 * 60_000}-${i}`,
        STREAM_FIELD,
        JSON.stringify(outcome({ idempotencyKey: `recent-${i}` })),
      )
    await pipeline.exec()
    expect((await deliverTo(a.url, 'new')).status).toBe(204)

    const kept = await a.redis.xrange(key, '-', '+')
    const keptIds = kept.map(([id]) => id)
    const cutoff = now - 15 * 60_000
    expect(keptIds.filter((id) => Number(id.split('-')[0]) >= cutoff)).toHaveLength(51)
    expect(keptIds.length).toBeLessThan(301)

    const tooOld = reconnectingClient([`${b.url}/api/v2/events`], {
      headers: { 'last-event-id': `${now - 20 * 60_000}-1` },
    })
    await eventually(() => tooOld.others.length > 0)
    tooOld.close()
    expect(tooOld.others[0]).toBe(EVENT_RESYNC)
    expect(tooOld.received).toHaveLength(0)

    const recent = await openSse(`${b.url}/api/v2/events`, {
      'last-event-id': `${now - 10 * 60_000}-48`,
    })
    const replayed = await recent.waitFor(3)
    recent.close()
    expect(replayed.map((event) => event.event)).toEqual(['mutation', 'mutation', 'mutation'])
    expect(replayed.map((event) => parseOutcome(event.data)?.idempotencyKey)).toEqual([
      'recent-49',
      'recent-50',
      'new',
    ])
  })
})

describe('an instance that goes away', () => {
  it('is killed with 500 streams open: they reconnect to the other and miss nothing', async () => {
    // Both relays are processes of their own: this one then holds only the 500 clients' sockets,
    // within the usual limit of 1,024 open files.
    const env = {
      RELAY_REDIS_URL: redis.url,
      RELAY_UPSTREAM_ORIGIN: upstream.url,
      RELAY_OIDC_ISSUER: a.idp.issuer,
    }
    const [doomed, survivor] = await Promise.all([spawnRelay(env), spawnRelay(env)])
    onTestFinished(() => {
      doomed.child.kill('SIGKILL')
      survivor.child.kill('SIGKILL')
    })
    const urls = [`${doomed.url}/api/v2/events`, `${survivor.url}/api/v2/events`]
    const clients = Array.from({ length: 500 }, () => reconnectingClient(urls))
    await eventually(() => clients.every((client) => client.opened === 1))

    const keys: string[] = []
    const deliver = async (key: string) => {
      // The load balancer sends a callback to a live instance; the engine retries a refusal.
      for (const relay of [doomed.url, survivor.url]) {
        const status = await deliverTo(relay, key).then(
          (response) => response.status,
          () => 0,
        )
        if (status === 204) {
          keys.push(key)
          return
        }
      }
      throw new Error(`no instance took ${key}`)
    }
    for (let i = 0; i < 10; i += 1) await deliver(`before-${i}`)
    await eventually(() => clients.every((client) => client.received.length === 10))
    doomed.child.kill('SIGKILL')
    expect(await doomed.exited).toBe('SIGKILL')
    for (let i = 0; i < 10; i += 1) await deliver(`after-${i}`)

    await eventually(() => clients.every((client) => client.received.length >= keys.length))
    for (const client of clients) client.close()
    for (const client of clients) {
      expectEachOnceInOrder(client, keys)
      expect(client.openedAt.at(-1)).toBe(urls[1])
    }
  }, 60_000)

  it('on SIGTERM stops taking connections, tells its streams to reconnect elsewhere and exits in time', async () => {
    const leaving = await spawnRelay({
      RELAY_REDIS_URL: redis.url,
      RELAY_UPSTREAM_ORIGIN: upstream.url,
      RELAY_OIDC_ISSUER: a.idp.issuer,
    })
    onTestFinished(() => {
      leaving.child.kill('SIGKILL')
    })
    const urls = [`${leaving.url}/api/v2/events`, `${b.url}/api/v2/events`]
    const clients = Array.from({ length: 50 }, () => reconnectingClient(urls, { retryMs: 60_000 }))
    await eventually(() => clients.every((client) => client.opened === 1))
    await deliverTo(leaving.url, 'before')
    await eventually(() => clients.every((client) => client.received.length === 1))

    leaving.child.kill('SIGTERM')
    // 0: it stopped by itself; past 10 s main.ts ends the process with 1 instead.
    expect(await leaving.exited).toBe(0)
    await expect(fetch(`${leaving.url}/healthz`)).rejects.toThrow()
    // Each client waited the server's retry hint (not its own 60 s) and came back on B.
    await eventually(() => clients.every((client) => client.opened === 2))
    await deliverTo(b.url, 'after')
    await eventually(() => clients.every((client) => client.received.length === 2))
    for (const client of clients) client.close()
    for (const client of clients) {
      expectEachOnceInOrder(client, ['before', 'after'])
      expect(client.openedAt).toEqual(urls)
    }
  }, 30_000)
})
