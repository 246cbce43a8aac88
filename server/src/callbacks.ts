import { createHmac } from 'node:crypto'
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import {
  CALLBACK_HEADERS,
  ENVIRONMENTS,
  mutationOutcomeSchema,
  verifyCallback,
  type Environment,
} from '../../src/api/contract.js'
import type { AuditTrail } from './audit.js'
import type { RelayConfig } from './config.js'
import { relayRefusal } from './errors.js'
import { eventsKey, nonceKey, STREAM_FIELD, type Scope } from './keys.js'

/** [DOC] the upstream refuses nothing here; we refuse timestamps more than 5 minutes off. */
export const CALLBACK_TOLERANCE_SECONDS = 300

export const CALLBACK_PATH_PREFIX = '/callbacks'

/**
 * Takes a callback at most once, atomically (a Redis script runs as one step): remembers the
 * nonce (`SET NX EX`) and, only if it was new, appends the outcome (`XADD MAXLEN ~`) and trims
 * what is older than the retention (`XTRIM MINID ~`, see below), returning the entry's id; a
 * nonce seen before returns nil. Both keys carry the scope's hash tag, so the script stays legal
 * on a Redis Cluster. KEYS: nonce, stream. ARGV: ttl, max length, field, JSON, retention (s).
 *
 * Retention: the stream keeps every entry younger than the retention (at least 15 minutes), and
 * never more than about `streamMaxLength` entries, which bounds Redis's memory when a scope is
 * unusually busy. Only then can an entry go before its time, and a client that comes back for it
 * is sent `resync` instead of silently missing it (events.ts). The cutoff is the new id's
 * milliseconds (Redis's own clock, so no relay's clock can shorten it) minus the retention. The
 * trim runs with `pcall`: should it ever fail, the entry is kept longer and the callback is still
 * taken. It is part of the script (not a second command after it) so a callback costs the relay
 * one Redis round trip less before it answers (decision 0087).
 *
 * A nonce seen before renews its own expiry: a write, so that a `WAIT` after the script (see
 * RELAY_CALLBACK_REPLICAS) also covers the first delivery's append, whichever connection made it.
 * (`WAIT` is documented to count this connection's writes only; Redis 7.0 waited for a lagging
 * replica here even without the renewal, but the documentation does not promise that.)
 */
const APPEND_ONCE = `
if not redis.call('SET', KEYS[1], '1', 'EX', ARGV[1], 'NX') then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  return false
end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', ARGV[3], ARGV[4])
local ms = tonumber(string.match(id, '^%d+'))
if ms then
  local cutoff = math.max(0, ms - tonumber(ARGV[5]) * 1000)
  redis.pcall('XTRIM', KEYS[2], 'MINID', '~', string.format('%d', cutoff))
end
return id
`

/** How long a callback waits for its replicas (RELAY_CALLBACK_REPLICAS) before it answers 503. */
export const REPLICA_WAIT_MS = 1000

/** Path of the callback endpoint of one region+environment (below the relay's public URL). */
export function callbackPath(scope: Scope): string {
  return `${CALLBACK_PATH_PREFIX}/${encodeURIComponent(scope.region)}/${scope.environment}`
}

/** The `callbackUrl` the relay puts on every write of this region+environment. */
export function callbackUrlFor(config: RelayConfig, scope: Scope): string {
  return `${config.publicUrl}${callbackPath(scope)}`
}

/** The contract's HMAC (base64 of HMAC-SHA256), synchronous: no worker-thread hop per callback. */
function hmacBase64(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('base64')
}

function isEnvironment(value: string): value is Environment {
  return (ENVIRONMENTS as readonly string[]).includes(value)
}

function headerRecord(request: FastifyRequest): Record<string, string | undefined> {
  const pick = (name: string) => {
    const value = request.headers[name]
    return typeof value === 'string' ? value : undefined
  }
  return {
    [CALLBACK_HEADERS.timestamp]: pick(CALLBACK_HEADERS.timestamp),
    [CALLBACK_HEADERS.nonce]: pick(CALLBACK_HEADERS.nonce),
    [CALLBACK_HEADERS.signature]: pick(CALLBACK_HEADERS.signature),
  }
}

/**
 * `POST /callbacks/:region/:environment`: the Mutation Engine's signed outcome. Checked in this
 * order, each refusal logged once (never with the signature or secret): known region and
 * environment → body size (parser limit) → signature over the raw body, path and query with the
 * region's secret, timestamp within 5 minutes (the contract's `verifyCallback`) → outcome shape
 * → nonce not seen before, appended to the scope's stream and the stream trimmed, in one Redis
 * script (APPEND_ONCE) → attached to the write's audit record (audit.ts), also for a nonce seen
 * before. Redis trouble answers 503, so the engine delivers again later.
 */
export function callbackRoutes(
  app: FastifyInstance,
  deps: { config: RelayConfig; redis: Redis; audit: AuditTrail },
): void {
  const { config, redis, audit } = deps
  app.register((scoped, _options, done) => {
    scoped.removeAllContentTypeParsers()
    scoped.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: config.callbackBodyLimitBytes },
      (_request, body, next) => {
        next(null, body)
      },
    )
    scoped.setErrorHandler((error: FastifyError, request, reply) => {
      const status = typeof error.statusCode === 'number' ? error.statusCode : 500
      const code = status === 413 ? 'too_large' : 'bad_request'
      request.log.warn({ reason: code }, 'callback refused')
      return relayRefusal(
        reply,
        status >= 400 && status < 500 ? status : 400,
        code,
        'Callback refused.',
      )
    })

    scoped.post<{ Params: { region: string; environment: string } }>(
      `${CALLBACK_PATH_PREFIX}/:region/:environment`,
      async (request, reply) => {
        const refuse = (status: number, reason: string, message: string) => {
          request.log.warn({ reason, region: request.params.region }, 'callback refused')
          return relayRefusal(reply, status, reason, message)
        }
        const { region: regionId, environment } = request.params
        const region = config.regions.find((candidate) => candidate.id === regionId)
        if (!region || !isEnvironment(environment)) {
          return refuse(404, 'unknown_scope', 'No callback endpoint here.')
        }
        const scope: Scope = { region: region.id, environment }
        const rawBody = typeof request.body === 'string' ? request.body : ''
        const q = request.url.indexOf('?')
        const query = q === -1 ? '' : request.url.slice(q)
        const headers = headerRecord(request)
        const nowSeconds = Math.floor(Date.now() / 1000)
        const valid = await verifyCallback({
          secret: region.callbackSecret,
          callbackUrl: `${callbackUrlFor(config, scope)}${query}`,
          headers,
          rawBody,
          nowSeconds,
          toleranceSeconds: CALLBACK_TOLERANCE_SECONDS,
          hmac: hmacBase64,
        })
        if (!valid) {
          const timestamp = Number(headers[CALLBACK_HEADERS.timestamp])
          const stale =
            Number.isFinite(timestamp) &&
            Math.abs(nowSeconds - timestamp) > CALLBACK_TOLERANCE_SECONDS
          return stale
            ? refuse(401, 'stale_timestamp', 'Callback refused: timestamp out of range.')
            : refuse(401, 'bad_signature', 'Callback refused: signature does not match.')
        }
        let json: unknown
        try {
          json = JSON.parse(rawBody)
        } catch {
          return refuse(400, 'bad_body', 'Callback refused: the body is not JSON.')
        }
        const outcome = mutationOutcomeSchema.safeParse(json)
        if (!outcome.success) {
          return refuse(400, 'bad_body', 'Callback refused: the body is not a mutation outcome.')
        }
        const nonce = headers[CALLBACK_HEADERS.nonce] ?? ''
        // Two scripts, sent together in one round trip and run by Redis in this order:
        // 1. Nonce and entry in one step: a relay that dies in between cannot leave a nonce that
        //    refuses the engine's next delivery of an outcome that never reached the stream.
        // 2. The write's audit record learns the outcome after that step, not inside it, and also
        //    when the nonce was seen before: the engine delivers the same signed bytes again, so a
        //    delivery whose audit update failed (answered 503) completes it on the next try, and
        //    writing the same fields twice changes nothing. The stream still gets the entry once.
        const pipeline = redis.pipeline()
        pipeline.eval(
          APPEND_ONCE,
          2,
          nonceKey(scope, nonce),
          eventsKey(scope),
          config.nonceTtlSeconds,
          config.streamMaxLength,
          STREAM_FIELD,
          JSON.stringify(outcome.data),
          config.streamRetentionSeconds,
        )
        audit.queueOutcome(pipeline, scope, outcome.data)
        // 3. With RELAY_CALLBACK_REPLICAS: this connection's writes, so the append (now or at
        //    the first delivery; the script writes either way), on that many replicas.
        if (config.callbackReplicas > 0) pipeline.wait(config.callbackReplicas, REPLICA_WAIT_MS)
        let id: unknown
        let replicas = 0
        try {
          const [appended, attached, waited] = (await pipeline.exec()) ?? []
          if (!appended || !attached) throw new Error('Redis answered no result')
          if (appended[0]) throw appended[0]
          id = appended[1]
          if (attached[0]) throw attached[0]
          if (waited?.[0]) throw waited[0]
          replicas = typeof waited?.[1] === 'number' ? waited[1] : 0
        } catch (error) {
          request.log.error({ err: error }, 'callback: Redis unavailable (stream or audit trail)')
          return relayRefusal(reply, 503, 'unavailable', 'Try again later.', {
            retryAfterSeconds: 5,
          })
        }
        // Taken, but only the primary holds it: a failover now would lose it, so the engine is
        // asked to deliver again (the same nonce then waits for the replicas, not a new append).
        if (replicas < config.callbackReplicas) {
          request.log.warn(
            { replicas, wanted: config.callbackReplicas },
            'callback: not on enough Redis replicas yet',
          )
          return relayRefusal(reply, 503, 'unavailable', 'Try again later.', {
            retryAfterSeconds: 5,
          })
        }
        if (typeof id !== 'string')
          return refuse(409, 'replayed_nonce', 'Callback refused: nonce already seen.')
        return reply.code(204).send()
      },
    )
    done()
  })
}
