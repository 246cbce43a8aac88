// @vitest-environment node
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { createParser } from 'eventsource-parser'
import { parseOutcome } from '../../src/api/events.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OUTAGE_GRACE_MS } from '../src/auth/session.js'
import { eventsKey, STREAM_FIELD } from '../src/keys.js'
import { deliverTo, keysOf, postSigned, reconnectingClient, signedCallback } from './fleet.js'
import {
  eventually,
  openSse,
  outcome,
  signIn,
  startRecordingUpstream,
  startRedis,
  startRelay,
  type Counsellor,
  type TestRedis,
} from './kit.js'

let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>

beforeAll(async () => {
  upstream = await startRecordingUpstream()
})

afterAll(async () => {
  await upstream.close()
})

describe('Redis stops and comes back', () => {
  it('answers callbacks with a retryable 503 and turns unready, then resumes without a restart', async () => {
    let redis: TestRedis = await startRedis()
    const port = Number(new URL(redis.url).port)
    const env = { RELAY_REDIS_URL: redis.url, RELAY_UPSTREAM_ORIGIN: upstream.url }
    const a = await startRelay(env)
    const b = await startRelay(env, { idp: a.idp })
    try {
      const anna = await signIn(a, 'anna')
      const client = reconnectingClient([`${b.url}/api/v2/events`], {
        headers: { cookie: anna.cookie },
      })
      await eventually(() => client.opened === 1)
      expect((await deliverTo(a.url, 'before')).status).toBe(204)
      await eventually(() => client.received.length === 1)

      // Stopped with its data kept (as a restarted or failed-over Redis has it): the sessions,
      // the audit trail and the stream come back with it.
      await redis.stop({ keepData: true })
      // The engine delivers the same signed bytes (same nonce) again later.
      const during = await signedCallback('during')
      const refused = await postSigned(a.url, during)
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('5')
      const unready = await fetch(`${a.url}/readyz`)
      expect(unready.status).toBe(503)
      expect(await unready.json()).toMatchObject({ checks: { redis: 'failing' } })

      redis = await startRedis({ port, dir: redis.dir })
      // The Mutation Engine delivers the refused callback again; now it is taken, once.
      await eventually(async () => (await postSigned(a.url, during)).status === 204)
      await eventually(async () => (await fetch(`${a.url}/readyz`)).status === 200)
      // B's own Redis connection comes back on its own schedule (ioredis's reconnect backoff).
      await eventually(async () => (await fetch(`${b.url}/readyz`)).status === 200)
      expect((await postSigned(b.url, during)).status).toBe(409)
      await eventually(() => client.received.length === 2)
      client.close()
      expect(keysOf(client.received)).toEqual(['before', 'during'])
    } finally {
      await a.close()
      await b.close()
      await redis.stop()
    }
  })
})

describe('reads while Redis is down', () => {
  it('are served for a session this instance checked moments ago; writes, and older checks, wait for Redis', async () => {
    const redis = await startRedis()
    let clock = Date.now()
    const relay = await startRelay(
      { RELAY_REDIS_URL: redis.url, RELAY_UPSTREAM_ORIGIN: upstream.url },
      { now: () => clock },
    )
    try {
      const anna = await signIn(relay, 'anna')
      const read = () => anna.request('/api/v2/candidates')
      expect((await read()).status).toBe(200) // checked in Redis: remembered
      await redis.stop()

      clock += OUTAGE_GRACE_MS / 2
      const during = await read()
      expect(during.status).toBe(200) // the counsellor keeps reading (and polling)
      const write = await anna.request('/api/v2/candidates/rec1/interactions', {
        method: 'POST',
        headers: { ...anna.headers('POST'), 'content-type': 'application/json' },
        body: JSON.stringify([{ type: ['Telefonisch'] }]),
      })
      expect(write.status).toBe(503) // a write needs Redis (its audit record, its limit)
      const writes = upstream.requests.filter((r) => r.method === 'POST').length

      clock += OUTAGE_GRACE_MS // the last check in Redis is too old now
      expect((await read()).status).toBe(503)
      expect(upstream.requests.filter((r) => r.method === 'POST')).toHaveLength(writes)
    } finally {
      await relay.close() // Redis is stopped already
    }
  })
})

describe('a client that stops reading', () => {
  it('is cut off once its buffer passes the bound, and resumes by Last-Event-ID', async () => {
    const redis = await startRedis()
    const relay = await startRelay(
      { RELAY_REDIS_URL: redis.url, RELAY_UPSTREAM_ORIGIN: upstream.url },
      { events: { maxBufferedBytes: 64 * 1024 } },
    )
    try {
      const anna = await signIn(relay, 'anna')
      // A raw socket that asks for the stream and then reads nothing.
      const { port } = new URL(relay.url)
      const socket = connect(Number(port), '127.0.0.1')
      const chunks: Buffer[] = []
      socket.on('data', (chunk: Buffer) => chunks.push(chunk))
      const closed = new Promise((resolve) => socket.once('close', resolve))
      socket.write(
        `GET /api/v2/events HTTP/1.1\r\nHost: relay\r\nAccept: text/event-stream\r\n` +
          `Cookie: ${anna.cookie}\r\n\r\n`,
      )
      await eventually(() => relay.hub.scopeCount === 1)

      const total = 10_000
      const message = 'x'.repeat(900)
      const key = eventsKey({ region: 'utrecht', environment: 'production' })
      const entry = (i: number) =>
        JSON.stringify(
          outcome({ idempotencyKey: `k${i}`, status: 'failed', error: { code: 'slow', message } }),
        )
      // The client reads the first outcome, then stops reading.
      await relay.redis.xadd(key, '*', STREAM_FIELD, entry(0))
      await eventually(() => Buffer.concat(chunks).includes('"k0"'))
      socket.pause()
      // Then about 10 MB more: far more than the socket buffers and the bound hold.
      const pipeline = relay.redis.pipeline()
      for (let i = 1; i < total; i += 1) pipeline.xadd(key, '*', STREAM_FIELD, entry(i))
      await pipeline.exec()
      // Cut off: its subscription (the scope's only one) ends although the client never closed.
      await eventually(() => relay.hub.scopeCount === 0)

      socket.resume()
      await closed
      const text = Buffer.concat(chunks).toString('utf8')
      const body = text.slice(text.indexOf('\r\n\r\n') + 4)
      const received: { id: string; key: string }[] = []
      const parser = createParser({
        onEvent(event) {
          if (event.event !== 'mutation') return
          received.push({
            id: event.id ?? '',
            key: parseOutcome(event.data)?.idempotencyKey ?? '?',
          })
        },
      })
      // Chunked transfer framing lines are not SSE fields; the parser ignores what it cannot
      // read, and a frame torn by the cut is simply not counted (it comes again on resume).
      parser.feed(body.replace(/\r\n[0-9a-f]+\r\n/g, ''))
      expect(received.length).toBeGreaterThan(0)
      expect(received.length).toBeLessThan(total)
      const last = received.at(-1)

      const resumed = await openSse(`${relay.url}/api/v2/events`, {
        cookie: anna.cookie,
        'last-event-id': last?.id ?? '',
      })
      const rest = await resumed.waitFor(total - received.length)
      resumed.close()
      const keys = [
        ...keysOf(received),
        ...rest.map((event) => parseOutcome(event.data)?.idempotencyKey),
      ]
      expect(keys).toEqual(Array.from({ length: total }, (_, i) => `k${i}`))
    } finally {
      await relay.close()
      await redis.stop()
    }
  }, 30_000)
})

describe('an upstream that is slow or goes away', () => {
  let held: IncomingMessage[]
  let slow: Server
  let slowUrl: string
  let writesSeen: number

  beforeAll(async () => {
    held = []
    writesSeen = 0
    // Answers nothing to reads; a write's connection is dropped once the request arrived.
    slow = createServer((req, res) => {
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (req.url === '/')
          res.end() // readyz probe
        else held.push(req)
        return
      }
      writesSeen += 1
      req.resume()
      req.on('end', () => {
        if (req.url?.includes('reset')) req.socket.destroy()
        else held.push(req)
      })
    })
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
    slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    slow.closeAllConnections()
    await new Promise((resolve) => slow.close(resolve))
  })

  /** Runs `run` against a relay in front of the slow upstream, as a signed-in counsellor. */
  async function withRelay(run: (anna: Counsellor) => Promise<void>): Promise<void> {
    const redis = await startRedis()
    const relay = await startRelay({
      RELAY_REDIS_URL: redis.url,
      RELAY_UPSTREAM_ORIGIN: slowUrl,
      RELAY_UPSTREAM_TIMEOUT_MS: '300',
    })
    try {
      await run(await signIn(relay, 'anna'))
    } finally {
      await relay.close()
      await redis.stop()
    }
  }

  it('answers a read with a clear 504 within the upstream timeout', async () => {
    await withRelay(async (anna) => {
      const response = await anna.request('/api/v2/candidates')
      expect(response.status).toBe(504)
      expect(await response.json()).toMatchObject({
        error: 'upstream_timeout',
        message: 'The upstream API did not answer in time.',
        mayHaveReachedUpstream: true,
      })
    })
  })

  /** One write through the relay under `key`, as the app sends it. */
  const postWrite = (anna: Counsellor, key: string) =>
    anna.request(`/api/v2/candidates/rec1/interactions?idempotencyKey=${key}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })

  it('sends a write that times out exactly once', async () => {
    await withRelay(async (anna) => {
      const before = writesSeen
      const response = await postWrite(anna, 'k-slow')
      expect(response.status).toBe(504)
      // Long past the timeout: had the relay retried, the upstream would have seen it by now.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(writesSeen - before).toBe(1)
    })
  })

  it('sends a write whose connection is dropped exactly once', async () => {
    await withRelay(async (anna) => {
      const before = writesSeen
      const response = await postWrite(anna, 'k-reset')
      expect(response.status).toBe(502)
      expect(await response.json()).toMatchObject({
        error: 'upstream_unreachable',
        mayHaveReachedUpstream: true,
      })
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(writesSeen - before).toBe(1)
    })
  })
})
