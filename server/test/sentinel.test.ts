// @vitest-environment node
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventsKey } from '../src/keys.js'
import {
  deliverTo,
  keysOf,
  postSigned,
  reconnectingClient,
  signedCallback,
  type ReconnectingClient,
} from './fleet.js'
import {
  eventually,
  freePort,
  signIn,
  startRecordingUpstream,
  startRedis,
  startRelay,
  type Counsellor,
  type RunningRelay,
  type TestRedis,
} from './kit.js'

/**
 * The relay on Redis Sentinel (RELAY_REDIS_SENTINELS): real redis-servers, a primary and its
 * replica, and a real sentinel watching them. A failover moves the primary; the relays must
 * follow it by themselves, every connection of theirs, and lose or double nothing.
 */

const NAME = 'relay-primary'

type TestSentinel = {
  address: string
  client: Redis
  /** Where the sentinel says the primary is now (its port). */
  primaryPort(): Promise<number>
  stop(): Promise<void>
}

/** `redis-server --sentinel` watching `primary`; ready once it also knows the replica. */
async function startSentinel(primary: TestRedis): Promise<TestSentinel> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'relay-sentinel-'))
  const conf = join(dir, 'sentinel.conf')
  const primaryPort = new URL(primary.url).port
  writeFileSync(
    conf,
    [
      `port ${String(port)}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor ${NAME} 127.0.0.1 ${primaryPort} 1`,
      `sentinel down-after-milliseconds ${NAME} 1000`,
      `sentinel failover-timeout ${NAME} 10000`,
      '',
    ].join('\n'),
  )
  const child = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve()
    }),
  )
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, protocol: 2 })
  client.on('error', () => undefined)
  const sentinel: TestSentinel = {
    address: `127.0.0.1:${String(port)}`,
    client,
    async primaryPort() {
      const reply = (await client.call('SENTINEL', 'get-master-addr-by-name', NAME)) as string[]
      return Number(reply[1])
    },
    async stop() {
      client.disconnect()
      child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await eventually(async () => {
    try {
      if (client.status !== 'ready') await client.connect()
      const replicas = (await client.call('SENTINEL', 'replicas', NAME)) as unknown[]
      return replicas.length > 0
    } catch {
      return false
    }
  })
  return sentinel
}

/** The names of the relay connections (CLIENT SETNAME) open on one Redis server. */
async function relayConnectionsOn(server: Redis): Promise<string[]> {
  const list = (await server.call('CLIENT', 'LIST')) as string
  return list
    .split('\n')
    .map((line) => /name=(\S*)/.exec(line)?.[1] ?? '')
    .filter((name) => name.startsWith('relay'))
    .sort()
}

let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>
beforeAll(async () => {
  upstream = await startRecordingUpstream()
})
afterAll(async () => {
  await upstream.close()
})

/** Resolves once `check` holds; fails when it still does not after `ms`. */
async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what}: not within ${String(ms)} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

type SentinelStage = {
  primary: TestRedis
  replica: TestRedis
  sentinel: TestSentinel
  onPrimary: Redis
  onReplica: Redis
  a: RunningRelay
  b: RunningRelay
  anna: Counsellor
  /** A counsellor's read at one instance (her session checked there). */
  read: (relayUrl: string) => Promise<Response>
  /** Anna's stream, open at B. */
  client: ReconnectingClient
  /** Stops the primary as a crash or an outage would (its data stays on disk). */
  stopPrimary(): Promise<void>
  close(): Promise<void>
}

/** Each relay's own connection, its session tracking, and B's event reader (A has no stream). */
const CONNECTIONS = [
  'relay',
  'relay',
  'relay-events',
  'relay-session-tracking',
  'relay-session-tracking',
]

/**
 * A primary, its replica and a sentinel; relays A and B on the sentinel; Anna signed in at A with
 * her stream open at B; one outcome ('before') delivered, seen, and copied to the replica.
 */
async function sentinelStage(): Promise<SentinelStage> {
  // The replica gets its first full copy at once (Redis waits 5 s for more replicas by default).
  const primary = await startRedis({ args: ['--repl-diskless-sync-delay', '0'] })
  const replica = await startRedis({
    args: ['--replicaof', '127.0.0.1', new URL(primary.url).port],
  })
  const sentinel = await startSentinel(primary)
  const onPrimary = new Redis(primary.url, { protocol: 2 })
  const onReplica = new Redis(replica.url, { protocol: 2 })
  onPrimary.on('error', () => undefined) // the second test stops it
  const env = {
    RELAY_REDIS_URL: '',
    RELAY_REDIS_SENTINELS: sentinel.address,
    RELAY_REDIS_SENTINEL_NAME: NAME,
    RELAY_UPSTREAM_ORIGIN: upstream.url,
  }
  const a = await startRelay(env)
  const b = await startRelay(env, { idp: a.idp })
  const anna = await signIn(a, 'anna')
  const read = (relayUrl: string) =>
    fetch(`${relayUrl}/api/v2/candidates`, { headers: { cookie: anna.cookie } })
  const client = reconnectingClient([`${b.url}/api/v2/events`], {
    headers: { cookie: anna.cookie },
  })
  let isPrimaryStopped = false
  const stage: SentinelStage = {
    primary,
    replica,
    sentinel,
    onPrimary,
    onReplica,
    a,
    b,
    anna,
    read,
    client,
    async stopPrimary() {
      isPrimaryStopped = true
      await primary.stop({ keepData: true })
    },
    async close() {
      client.close()
      await b.close()
      await a.close()
      onPrimary.disconnect()
      onReplica.disconnect()
      await sentinel.stop()
      await replica.stop()
      if (!isPrimaryStopped) await primary.stop()
    },
  }
  await eventually(() => client.opened === 1)
  expect((await deliverTo(a.url, 'before')).status).toBe(204)
  await eventually(() => client.received.length === 1)
  expect((await read(b.url)).status).toBe(200) // B keeps a copy of her session now
  await eventually(async () => (await relayConnectionsOn(onPrimary)).join() === CONNECTIONS.join())
  expect(await relayConnectionsOn(onReplica)).toEqual([])
  // The replica has everything written so far (see the README on what a failover can lose):
  // a write of this connection, acknowledged by the replica, comes after all of the relays'.
  await onPrimary.set('test:copied-up-to-here', '1')
  expect(await onPrimary.call('WAIT', '1', '10000')).toBe(1)
  return stage
}

/** After the switch: a callback goes in once, reaches the stream, and sign-out still spans B. */
async function expectEverythingGoesOn(stage: SentinelStage): Promise<void> {
  const { a, b, anna, read, client } = stage
  const received = client.received.length
  // Refused (503) while A has no primary: the engine delivers the same bytes again.
  const after = await signedCallback('after')
  await eventually(async () => (await postSigned(a.url, after)).status === 204)
  await eventually(() => client.received.length === received + 1)
  // Every connection of both relays is on the new primary (B's on its own reconnect schedule):
  // the event reader, and the session tracking, so invalidations come from where writes go.
  await eventually(
    async () => (await relayConnectionsOn(stage.onReplica)).join() === CONNECTIONS.join(),
  )
  await eventually(async () => (await fetch(`${a.url}/readyz`)).status === 200)
  await eventually(async () => (await fetch(`${b.url}/readyz`)).status === 200)
  // The callback's nonce is on the new primary: the same bytes at B are a replay.
  expect((await postSigned(b.url, after)).status).toBe(409)

  // Her session survived; signing out on A ends it on B at once (B's copy is invalidated).
  await eventually(async () => (await read(b.url)).status === 200)
  const out = await anna.request('/auth/logout', { method: 'POST' })
  expect(out.status).toBe(200)
  await out.body?.cancel()
  expect((await read(b.url)).status).toBe(401)
}

describe('Redis Sentinel moves the primary', () => {
  it('planned (SENTINEL FAILOVER): every relay connection follows at once, and nothing is lost or twice', async () => {
    const stage = await sentinelStage()
    try {
      const replicaPort = Number(new URL(stage.replica.url).port)
      await eventually(async () => {
        try {
          await stage.sentinel.client.call('SENTINEL', 'failover', NAME)
          return true
        } catch {
          return false // NOGOODSLAVE until the sentinel has seen the replica in sync
        }
      })
      await eventually(async () => (await stage.sentinel.primaryPort()) === replicaPort)
      // The old primary (a replica now) still answers reads; left to itself, the sentinel
      // cuts its clients off only when it reconfigures it, about 10 s later. The relays leave on
      // the sentinel's announcement, so no session invalidation or event comes late from it.
      await within(5000, 'the relays leave the old primary', async () => {
        return (await relayConnectionsOn(stage.onPrimary)).length === 0
      })
      await expectEverythingGoesOn(stage)
      expect(keysOf(stage.client.received)).toEqual(['before', 'after'])
    } finally {
      await stage.close()
    }
  }, 60_000)

  it('unplanned (the primary stops): callbacks get a retryable 503 until the sentinel promotes the replica, then everything goes on', async () => {
    const stage = await sentinelStage()
    try {
      await stage.stopPrimary()
      const during = await signedCallback('during-outage')
      const refused = await postSigned(stage.a.url, during)
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('5')
      const replicaPort = Number(new URL(stage.replica.url).port)
      // Down after 1 s, then promoted: a few seconds.
      await eventually(async () => (await stage.sentinel.primaryPort()) === replicaPort)
      await eventually(async () => (await postSigned(stage.a.url, during)).status === 204)
      await eventually(() => stage.client.received.length === 2)
      await expectEverythingGoesOn(stage)
      expect(keysOf(stage.client.received)).toEqual(['before', 'during-outage', 'after'])
    } finally {
      await stage.close()
    }
  }, 60_000)
})

describe('one Redis URL whose server turns into a replica', () => {
  it('a write refused with READONLY gets a retryable 503 and drops the connection, so the next one finds the address again', async () => {
    const server = await startRedis()
    const other = await startRedis()
    const onServer = new Redis(server.url, { protocol: 2 })
    const relay = await startRelay({
      RELAY_REDIS_URL: server.url,
      RELAY_UPSTREAM_ORIGIN: upstream.url,
    })
    const relayConnectionId = async () => {
      const list = (await onServer.call('CLIENT', 'LIST')) as string
      const line = list.split('\n').find((entry) => / name=relay /.test(entry))
      return line ? /id=(\d+)/.exec(line)?.[1] : undefined
    }
    try {
      expect((await deliverTo(relay.url, 'before')).status).toBe(204)
      const before = await relayConnectionId()
      expect(before).toBeDefined()
      // A managed Redis behind one name fails over: the server this connection reaches is a
      // replica now (and the name points elsewhere, which a new connection would look up).
      await onServer.call('REPLICAOF', '127.0.0.1', new URL(other.url).port)
      const refused = await deliverTo(relay.url, 'after')
      expect(refused.status).toBe(503)
      await eventually(async () => {
        const now = await relayConnectionId()
        return now !== undefined && now !== before
      })
    } finally {
      await relay.close()
      onServer.disconnect()
      await other.stop()
      await server.stop()
    }
  })
})

describe('RELAY_CALLBACK_REPLICAS', () => {
  it('answers 204 only once a replica holds the outcome; until then 503, also to the same bytes again, with nothing appended twice', async () => {
    // A replica that comes back is sent a full copy at once (Redis waits 5 s for more by default).
    const primary = await startRedis({ args: ['--repl-diskless-sync-delay', '0'] })
    const primaryPort = new URL(primary.url).port
    let replica = await startRedis({ args: ['--replicaof', '127.0.0.1', primaryPort] })
    const onPrimary = new Redis(primary.url, { protocol: 2 })
    const relay = await startRelay({
      RELAY_REDIS_URL: primary.url,
      RELAY_UPSTREAM_ORIGIN: upstream.url,
      RELAY_CALLBACK_REPLICAS: '1',
    })
    const stream = eventsKey({ region: 'utrecht', environment: 'production' })
    const keysIn = async (server: Redis) =>
      (await server.xrange(stream, '-', '+')).map(([, fields]) => {
        const json: unknown = JSON.parse(fields[1] ?? '{}')
        return json && typeof json === 'object' && 'idempotencyKey' in json
          ? json.idempotencyKey
          : null
      })
    const health = async () => {
      const response = await fetch(`${relay.url}/readyz`)
      return { status: response.status, body: (await response.json()) as unknown }
    }
    try {
      await eventually(async () => (await onPrimary.call('WAIT', '1', '100')) === 1)
      expect(await health()).toMatchObject({
        status: 200,
        body: { checks: { replicas: 'ok', replicasOnline: 1 } },
      })
      expect((await deliverTo(relay.url, 'copied')).status).toBe(204)
      const onReplica = new Redis(replica.url, { protocol: 2 })
      expect(await keysIn(onReplica)).toEqual(['copied']) // there the moment 204 was sent
      onReplica.disconnect()

      await replica.stop({ keepData: true })
      const alone = await signedCallback('alone')
      // The wait holds only the callbacks' own connection: the relay's other work goes on.
      const first = postSigned(relay.url, alone).then((response) => response.status)
      const ready = fetch(`${relay.url}/readyz`).then((response) => response.status)
      expect(await Promise.race([first.then(() => 'callback'), ready.then(() => 'ready')])).toBe(
        'ready',
      )
      expect(await ready).toBe(200)
      expect(await first).toBe(503)
      // Delivered again: the nonce is known, but it is still only on the primary.
      expect((await postSigned(relay.url, alone)).status).toBe(503)
      // Shown to monitoring, yet still ready: reads and open streams do not need the replica.
      expect(await health()).toMatchObject({
        status: 200,
        body: { status: 'ready', checks: { redis: 'ok', replicas: 'failing', replicasOnline: 0 } },
      })

      replica = await startRedis({
        port: Number(new URL(replica.url).port),
        dir: replica.dir,
        args: ['--replicaof', '127.0.0.1', primaryPort],
      })
      // Now it is on the replica too: the same bytes are a replay, refused as always.
      await eventually(async () => (await postSigned(relay.url, alone)).status === 409)
      expect(await keysIn(onPrimary)).toEqual(['copied', 'alone'])
    } finally {
      await relay.close()
      onPrimary.disconnect()
      await replica.stop()
      await primary.stop()
    }
  }, 30_000)
})
