import type { FastifyInstance } from 'fastify'
import { API_PREFIX, EVENT_MUTATION, EVENT_RESYNC, paths } from '../../src/api/contract.js'
import type { SessionStore } from './auth/session.js'
import type { RelayConfig } from './config.js'
import { compareStreamIds, isStreamId, type StreamEvent, type StreamHub } from './hub.js'
import { admit, environmentOf } from './scope.js'
import { relayError } from './errors.js'

/** A client that stops reading is cut off past this many buffered bytes (it resumes by id). */
const MAX_BUFFERED_BYTES = 1024 * 1024
const REPLAY_LIMIT = 10_000

function frame(event: StreamEvent): string {
  return `id:${event.id}\nevent:${EVENT_MUTATION}\ndata:${event.data}\n\n`
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
): void {
  const { config, hub, sessions } = deps
  const routes = [
    { url: paths.events, environment: 'production' as const },
    { url: `${API_PREFIX.production}${paths.events}`, environment: 'production' as const },
    { url: `${API_PREFIX.sandbox}${paths.events}`, environment: 'sandbox' as const },
  ]
  for (const route of routes) {
    app.get(route.url, async (request, reply) => {
      // Signed in, and allowed in this region and environment (the region may come as
      // `?region=`: EventSource cannot set headers).
      const granted = await admit(request, reply, deps, environmentOf(request, route.environment))
      if (granted === null) return reply
      const scope = granted.scope
      const lastHeader = request.headers['last-event-id']
      const lastEventId =
        typeof lastHeader === 'string' && lastHeader.trim() !== '' ? lastHeader.trim() : null
      if (lastEventId !== null && !isStreamId(lastEventId)) {
        return relayError(
          reply,
          400,
          'bad_last_event_id',
          'Last-Event-ID is not an event id of this relay.',
        )
      }

      let lastSent = lastEventId ?? '0-0'
      let replaying = true
      const held: StreamEvent[] = []
      const res = reply.raw
      const send = (event: StreamEvent) => {
        if (compareStreamIds(event.id, lastSent) <= 0) return // already sent by the replay
        lastSent = event.id
        res.write(frame(event))
        if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy()
      }
      // Redis is down: the browser tries again shortly (and confirms by polling meanwhile).
      const unavailable = () =>
        relayError(
          reply,
          503,
          'unavailable',
          'Events are unavailable right now; try again shortly.',
          {
            'retry-after': '5',
          },
        )
      let unsubscribe: () => void
      try {
        unsubscribe = await hub.subscribe(scope, (event) => {
          if (replaying) held.push(event)
          else send(event)
        })
      } catch (error) {
        request.log.warn({ err: error }, 'events: Redis unavailable')
        return unavailable()
      }

      let replay: StreamEvent[] = []
      let resync = false
      try {
        if (lastEventId !== null) {
          const first = await hub.firstId(scope)
          resync = first !== null && compareStreamIds(lastEventId, first) < 0
          if (!resync) replay = await hub.replay(scope, lastEventId, REPLAY_LIMIT)
        }
      } catch (error) {
        unsubscribe()
        request.log.warn({ err: error }, 'events: Redis unavailable during replay')
        return unavailable()
      }

      reply.hijack()
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      res.write(': connected\n\n')
      if (resync) {
        // Some of what the client missed is gone: it must re-read (the app then polls).
        res.write(`event:${EVENT_RESYNC}\ndata:{}\n\n`)
      }
      for (const event of replay) send(event)
      replaying = false
      for (const event of held.splice(0)) send(event)

      // A stream outlives its request: at each heartbeat it checks that the session still
      // exists (signed out on any instance, or expired) and ends otherwise.
      const heartbeat = setInterval(() => {
        res.write(': heartbeat\n\n')
        sessions.exists(granted.session.key).then(
          (alive) => {
            if (!alive) res.end()
          },
          () => undefined,
        )
      }, config.heartbeatSeconds * 1000)
      const stop = () => {
        clearInterval(heartbeat)
        unsubscribe()
      }
      res.on('close', stop)
      return reply
    })
  }
}
