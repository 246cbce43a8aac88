import cookie from '@fastify/cookie'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import { CALLBACK_HEADERS, HEADER_API_KEY } from '../../src/api/contract.js'
import { AuditTrail, auditRoutes } from './audit.js'
import { authRoutes, OidcClient } from './auth/routes.js'
import { SessionCache } from './auth/session-cache.js'
import { SESSION_KEY_PREFIX, SessionStore, type Clock, type SessionRecord } from './auth/session.js'
import { callbackRoutes } from './callbacks.js'
import { configuredSecrets, type RelayConfig } from './config.js'
import { relayRefusal } from './errors.js'
import { eventsRoutes, type EventsOptions } from './events.js'
import { healthRoutes } from './health.js'
import { StreamHub } from './hub.js'
import { connectRedis } from './redis.js'
import { proxyRoutes } from './proxy.js'
import { staticRoutes } from './static.js'

/** Header paths pino replaces with "[Redacted]" wherever a request or response is logged. */
export const REDACTED_PATHS = [
  `req.headers["${HEADER_API_KEY}"]`,
  'req.headers["api-key"]',
  'req.headers.cookie',
  'req.headers.authorization',
  `req.headers["${CALLBACK_HEADERS.signature}"]`,
  'res.headers["set-cookie"]',
  'headers.cookie',
  `headers["${HEADER_API_KEY}"]`,
  `headers["${CALLBACK_HEADERS.signature}"]`,
]

export type Relay = {
  app: FastifyInstance
  redis: Redis
  hub: StreamHub
  /** Session records kept by this instance, invalidated by Redis (tests wait for `live`). */
  sessionCache: SessionCache<SessionRecord>
  close(): Promise<void>
}

export type RelayOptions = {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logStream?: NodeJS.WritableStream
  /** The clock sessions and the audit trail read (tests move it instead of sleeping). */
  now?: Clock
  /** Event stream tuning (tests lower the slow-client bound). */
  events?: EventsOptions
}

/**
 * How a request appears in a log line: the query of `/auth/*` (authorization code, state) is
 * left out entirely; headers are not logged at all.
 */
export function logRequest(request: FastifyRequest): Record<string, unknown> {
  const url = request.url
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  return {
    method: request.method,
    url: path.startsWith('/auth/') && q !== -1 ? `${path}?[Redacted]` : url,
    remoteAddress: request.ip,
  }
}

/** Replaces every configured secret in a log line: a last line of defence behind `redact`. */
function scrubber(secrets: readonly string[]): (line: string) => string {
  const sorted = [...secrets]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length)
  return (line) => {
    let out = line
    for (const secret of sorted)
      if (out.includes(secret)) out = out.split(secret).join('[Redacted]')
    return out
  }
}

/** Builds the relay (not yet listening). The caller listens and, at the end, calls close(). */
export async function buildRelay(config: RelayConfig, options: RelayOptions = {}): Promise<Relay> {
  const scrub = scrubber(configuredSecrets(config))
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS },
      serializers: { req: logRequest },
      hooks: { streamWrite: scrub },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    // Keep the client's URL exactly as sent: the proxy checks it for path tricks itself.
    routerOptions: { ignoreTrailingSlash: false, ignoreDuplicateSlashes: false },
    // `request.ip` is the client's address: from X-Forwarded-For only when the connection comes
    // from a configured proxy (RELAY_TRUSTED_PROXIES), so a client cannot choose its own.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    // Open event streams would keep close() waiting; their clients reconnect and resume by id.
    forceCloseConnections: true,
    // Answered by the hook below instead, in the relay's one error shape.
    return503OnClosing: false,
    // A URL the router cannot decode (`%E0%A4%A`): refused in the same shape.
    frameworkErrors: (_error, _request, reply) => {
      void relayRefusal(reply, 400, 'bad_path', 'The path of this request is not valid.')
    },
  })

  // Every answer the relay gives itself has one shape (errors.ts); these cover what no route
  // answers: a request while stopping, an error no route handled (the proxy and the callbacks
  // have their own handlers). Nothing has been forwarded in either case.
  let isClosing = false
  app.addHook('onRequest', async (_request, reply) => {
    if (!isClosing) return undefined
    reply.header('connection', 'close')
    return relayRefusal(reply, 503, 'unavailable', 'The relay is restarting; try again.', {
      retryAfterSeconds: 1,
    })
  })
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
      return relayRefusal(reply, 500, 'internal_error', 'The relay could not answer this request.')
    }
    return relayRefusal(reply, status, 'bad_request', 'The request was refused.')
  })

  const redis = connectRedis(config.redis, {
    lazyConnect: true,
    // A command while Redis is down fails at once (a callback then answers 503) instead of
    // waiting in a queue while the Mutation Engine's request times out.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: 'relay',
    // RESP2 reply shapes (XREAD: [[key, entries]]) on every Redis version and server.
    protocol: 2,
  })
  redis.on('error', (error: Error) => {
    app.log.warn({ err: { message: error.message } }, 'redis connection trouble')
  })
  try {
    await redis.connect()
  } catch (error) {
    app.log.warn({ err: error }, 'redis not reachable at start; retrying in the background')
  }
  const hub = new StreamHub({
    redis,
    onError: (error, scope) => {
      app.log.warn({ err: error, scope }, 'events loop: Redis trouble')
    },
  })

  const now = options.now ?? Date.now
  // Session records stay in Redis; each instance keeps a copy that Redis invalidates (0087).
  const sessionCache = new SessionCache<SessionRecord>({
    redis,
    prefix: SESSION_KEY_PREFIX,
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error)
      app.log.warn({ err: { message } }, 'session cache: tracking connection trouble')
    },
  })
  sessionCache.start()
  const sessions = new SessionStore(redis, config.auth, now, sessionCache)
  const audit = new AuditTrail(redis, config.auditRetentionDays * 24 * 60 * 60 * 1000)
  void audit.persistenceOn().then((on) => {
    if (on === false) {
      app.log.warn(
        'Redis persistence (appendonly) is off: the audit trail will not survive a restart',
      )
    }
  })
  await app.register(cookie, { secret: config.sessionSecret })
  app.decorateRequest('granted', null)

  await staticRoutes(app, config.staticDir)
  healthRoutes(app, config, redis)
  // `WAIT` holds its connection until the replicas answer: callbacks get their own then, so
  // nothing else waits behind them when a replica is slow or gone.
  const callbackRedis =
    config.callbackReplicas > 0 ? redis.duplicate({ connectionName: 'relay-callbacks' }) : redis
  if (callbackRedis !== redis) {
    callbackRedis.on('error', (error: Error) => {
      app.log.warn({ err: { message: error.message } }, 'redis (callbacks) connection trouble')
    })
    callbackRedis.connect().catch(() => undefined) // retried in the background, like the main one
  }
  callbackRoutes(app, { config, redis: callbackRedis, audit })
  await authRoutes(app, { config, redis, sessions, client: new OidcClient(config) })
  const streams = eventsRoutes(app, { config, hub, sessions }, options.events)
  auditRoutes(app, { config, sessions, audit })
  await proxyRoutes(app, { config, redis, sessions, audit, now })

  return {
    app,
    redis,
    hub,
    sessionCache,
    /**
     * Graceful stop: open event streams are told to reconnect (an SSE `retry:` and the end of the
     * response; they resume elsewhere by Last-Event-ID) and new ones are refused, the server stops
     * accepting (a request on a kept-alive connection gets Fastify's 503), then Redis goes.
     */
    async close() {
      isClosing = true
      streams.drain()
      await app.close()
      await hub.close()
      sessionCache.close()
      if (callbackRedis !== redis) callbackRedis.disconnect()
      redis.disconnect()
    },
  }
}
