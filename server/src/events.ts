import type { FastifyInstance } from 'fastify'
import type { ServerResponse } from 'node:http'
import { API_PREFIX, EVENT_MUTATION, EVENT_RESYNC, paths } from '../../src/api/contract.js'
import type { SessionStore } from './auth/session.js'
import type { RelayConfig } from './config.js'
import {
  compareStreamIds,
  isStreamId,
  type StreamBatch,
  type StreamEvent,
  type StreamHub,
  type Subscription,
} from './hub.js'
import { admit, environmentOf } from './scope.js'
import { relayRefusal } from './errors.js'

/** [OURS] first event of a stream opened without `Last-Event-ID`: its id is the resume point. */
export const EVENT_READY = 'ready'

/** A client that stops reading is cut off past this many buffered bytes (it resumes by id). */
export const MAX_BUFFERED_BYTES = 1024 * 1024
/** A replay reads the stream in pages of this many entries. */
const REPLAY_PAGE = 1000
/** Live events held while a replay is still going out; past this the client starts over. */
const MAX_HELD_EVENTS = 10_000
/** On shutdown streams are told to come back after 0.5–2.5 s (spread, so not all at once). */
const DRAIN_RETRY_MS = { min: 500, spread: 2000 }

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

function frame(event: StreamEvent): string {
  return `id:${event.id}\nevent:${EVENT_MUTATION}\ndata:${event.data}\n\n`
}

/**
 * A live batch goes to every client of its scope: its bytes are built and encoded once, then
 * each client gets them in one write (one chunk, one syscall) however many events it holds.
 */
const batchBytes = new WeakMap<StreamBatch, Buffer>()

function bytesOf(batch: StreamBatch): Buffer {
  let bytes = batchBytes.get(batch)
  if (bytes === undefined) {
    bytes = Buffer.from(batch.map(frame).join(''), 'utf8')
    batchBytes.set(batch, bytes)
  }
  return bytes
}

const HEARTBEAT = Buffer.from(': heartbeat\n\n', 'utf8')
/** Streams given their heartbeat comment per turn of the event loop. */
const HEARTBEAT_CHUNK = 200

export type EventsOptions = {
  /** Bytes a client may fall behind before it is cut off (default MAX_BUFFERED_BYTES). */
  maxBufferedBytes?: number
}

/** The open event streams of this process, so a shutdown can tell each one to reconnect. */
export type EventStreams = {
  /**
   * Refuses new streams (503) and ends each open one with an SSE `retry:` hint, so its browser
   * reconnects, through the load balancer, to another instance and resumes by `Last-Event-ID`.
   */
  drain(): void
}

/**
 * [OURS] `GET /events` (also under both API prefixes, where the app's client asks for it): every
 * mutation outcome of the request's region+environment as Server-Sent Events, `id` = the stream
 * entry's id, `event: mutation`, `data` = the callback body. Heartbeat comments keep proxies from
 * closing an idle stream; `Last-Event-ID` replays what was missed from the Redis Stream first.
 */
export function eventsRoutes(
  app: FastifyInstance,
  deps: { config: RelayConfig; hub: StreamHub; sessions: SessionStore },
  options: EventsOptions = {},
): EventStreams {
  const { config, hub, sessions } = deps
  const maxBuffered = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES
  /**
   * Each open stream: the Redis key of its session (checked at every heartbeat), and whether it
   * was written to since the last beat (then it needs no heartbeat comment: it is not idle).
   */
  const open = new Map<ServerResponse, { sessionKey: string; written: boolean }>()
  let draining = false
  // Past the bound a client is cut off; it reconnects and resumes by Last-Event-ID, so a
  // stalled reader costs at most `maxBuffered` bytes of this process's memory.
  const write = (res: ServerResponse, bytes: string | Buffer) => {
    if (res.destroyed || res.writableEnded) return
    res.write(bytes)
    const stream = open.get(res)
    if (stream !== undefined) stream.written = true
    if (res.writableLength > maxBuffered) res.destroy()
  }
  // One heartbeat for all streams of this process: a comment to each stream that was idle since
  // the last beat, and one existence check per distinct session (pipelined, one round trip)
  // rather than a timer and a query per stream. A stream whose session is gone (signed out on
  // any instance, or expired) is ended. The comments go out HEARTBEAT_CHUNK streams per turn of
  // the event loop, so thousands of idle streams do not hold up a callback waiting behind them.
  const heartbeat = setInterval(() => {
    if (open.size === 0) return
    const streams = [...open]
    let next = 0
    const beatSome = () => {
      const end = Math.min(streams.length, next + HEARTBEAT_CHUNK)
      for (; next < end; next += 1) {
        const [res, stream] = streams[next] ?? []
        if (res === undefined || stream === undefined) continue
        if (stream.written) stream.written = false
        else write(res, HEARTBEAT)
      }
      if (next < streams.length) setImmediate(beatSome)
    }
    beatSome()
    sessions.existing(new Set(streams.map(([, stream]) => stream.sessionKey))).then(
      (alive) => {
        for (const [res, stream] of streams) {
          if (!alive.has(stream.sessionKey) && !res.destroyed && !res.writableEnded) res.end()
        }
      },
      () => undefined, // Redis trouble: the next beat checks again
    )
  }, config.heartbeatSeconds * 1000)
  heartbeat.unref()
  app.addHook('onClose', (_instance, done) => {
    clearInterval(heartbeat)
    done()
  })
  // A function, so a check after an await reads the value then (drain() may have run meanwhile).
  const isDraining = () => draining

  const routes = [
    { url: paths.events, environment: 'production' as const },
    { url: `${API_PREFIX.production}${paths.events}`, environment: 'production' as const },
    { url: `${API_PREFIX.sandbox}${paths.events}`, environment: 'sandbox' as const },
  ]
  for (const route of routes) {
    app.get(route.url, async (request, reply) => {
      // Redis is down or this instance is stopping: the browser tries again shortly (another
      // instance, behind a load balancer) and confirms by polling meanwhile.
      const unavailable = () =>
        relayRefusal(
          reply,
          503,
          'unavailable',
          'Events are unavailable right now; try again shortly.',
          { retryAfterSeconds: 5 },
        )
      if (isDraining()) return unavailable()
      // Signed in, and allowed in this region and environment (the region may come as
      // `?region=`: EventSource cannot set headers).
      const granted = await admit(request, reply, deps, environmentOf(request, route.environment))
      if (granted === null) return reply
      const scope = granted.scope
      const lastHeader = request.headers['last-event-id']
      const lastEventId =
        typeof lastHeader === 'string' && lastHeader.trim() !== '' ? lastHeader.trim() : null
      if (lastEventId !== null && !isStreamId(lastEventId)) {
        return relayRefusal(
          reply,
          400,
          'bad_last_event_id',
          'Last-Event-ID is not an event id of this relay.',
        )
      }

      let lastSent = lastEventId ?? '0-0'
      let replaying = true
      let held: StreamEvent[] = []
      const res = reply.raw
      const gone = () => res.destroyed || res.writableEnded
      /** A live batch: whole when it is all new to this client (the usual case), else its new part. */
      const send = (batch: StreamBatch) => {
        const first = batch[0]
        const last = batch[batch.length - 1]
        if (first === undefined || last === undefined) return
        if (compareStreamIds(first.id, lastSent) > 0) {
          lastSent = last.id
          write(res, bytesOf(batch))
          return
        }
        // Partly sent already by the replay: only what comes after it.
        const rest = batch.filter((event) => compareStreamIds(event.id, lastSent) > 0)
        const tail = rest[rest.length - 1]
        if (tail === undefined) return
        lastSent = tail.id
        write(res, rest.map(frame).join(''))
      }
      let subscription: Subscription
      try {
        subscription = await hub.subscribe(scope, (batch) => {
          if (!replaying) send(batch)
          else if ((held = held.concat(batch)).length > MAX_HELD_EVENTS) res.destroy()
        })
      } catch (error) {
        request.log.warn({ err: error }, 'events: Redis unavailable')
        return unavailable()
      }

      let resync = false
      let page: StreamEvent[] = []
      try {
        if (lastEventId !== null) {
          resync = await hub.missedByTrimming(scope, lastEventId)
          if (!resync) page = await hub.replay(scope, lastEventId, REPLAY_PAGE)
        }
      } catch (error) {
        subscription.unsubscribe()
        request.log.warn({ err: error }, 'events: Redis unavailable during replay')
        return unavailable()
      }
      if (isDraining()) {
        subscription.unsubscribe()
        return unavailable()
      }

      reply.hijack()
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      // A stream outlives its request: the shared heartbeat checks its session (see above).
      open.set(res, { sessionKey: granted.session.key, written: false })
      res.on('close', () => {
        subscription.unsubscribe()
        open.delete(res)
      })
      write(res, ': connected\n\n')
      if (resync) {
        // Some of what the client missed is gone: it must re-read (the app then polls). The id
        // is where the live feed starts, its next resume point.
        lastSent = subscription.startId
        write(res, `id:${subscription.startId}\nevent:${EVENT_RESYNC}\ndata:{}\n\n`)
      } else if (lastEventId === null) {
        // A resume point from the first moment: a client that loses this stream before any
        // outcome arrived still resumes exactly where it started (on any instance).
        lastSent = subscription.startId
        write(res, `id:${subscription.startId}\nevent:${EVENT_READY}\ndata:{}\n\n`)
      }
      // The replay goes out at the client's pace (waiting for 'drain'), so a long absence does
      // not become a long buffer; live events wait meanwhile, in a bounded queue.
      try {
        while (page.length > 0 && !gone()) {
          for (const event of page) {
            if (gone()) break
            lastSent = event.id
            if (!res.write(frame(event))) await drained(res)
          }
          page =
            page.length < REPLAY_PAGE || gone()
              ? []
              : await hub.replay(scope, lastSent, REPLAY_PAGE)
        }
      } catch (error) {
        request.log.warn({ err: error }, 'events: Redis unavailable during replay')
        res.destroy() // the client comes back and resumes from what it got
      }
      replaying = false
      if (held.length > 0) send(held)
      held = []
      return reply
    })
  }
  return {
    drain() {
      draining = true
      for (const res of open.keys()) {
        const retry = DRAIN_RETRY_MS.min + Math.floor(Math.random() * DRAIN_RETRY_MS.spread)
        res.end(`retry:${retry}\n\n`)
      }
    },
  }
}
