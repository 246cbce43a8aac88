import { randomUUID } from 'node:crypto'
import rateLimit from '@fastify/rate-limit'
import replyFrom from '@fastify/reply-from'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import {
  API_PREFIX,
  HEADER_API_KEY,
  HEADER_SANDBOX,
  QUERY_CALLBACK_URL,
  QUERY_IDEMPOTENCY_KEY,
  type Environment,
} from '../../src/api/contract.js'
import { matchEndpoint, pathTrick, splitApiUrl, type Match } from './allowlist.js'
import { OPERATIONS_BY_METHOD, type AuditTrail, type WriteRecord } from './audit.js'
import type { SessionStore } from './auth/session.js'
import { callbackUrlFor } from './callbacks.js'
import type { RelayConfig } from './config.js'
import { gatewayError, relayRefusal } from './errors.js'
import type { Scope } from './keys.js'
import { admit, environmentOf, isWriteMethod, QUERY_RELAY_REGION } from './scope.js'

/** Request headers passed to the upstream as they are; everything else (cookies too) is dropped. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'content-type',
  'content-length',
  'if-none-match',
  'if-modified-since',
] as const

/** Response headers never passed back to the browser. */
const DROPPED_RESPONSE_HEADERS = ['set-cookie', HEADER_API_KEY, 'api-key'] as const

function decodeQueryName(part: string): string {
  const name = part.split('=', 1)[0] ?? ''
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '))
  } catch {
    return name
  }
}

/**
 * The query string sent upstream for a write: every parameter exactly as the client wrote it
 * (so `idempotencyKey` passes byte for byte), minus any `callbackUrl`, plus the relay's own.
 */
export function writeQuery(rawQuery: string, callbackUrl: string): string {
  const kept = rawQuery
    .split('&')
    .filter((part) => part !== '' && decodeQueryName(part) !== QUERY_CALLBACK_URL)
  kept.push(`${QUERY_CALLBACK_URL}=${encodeURIComponent(callbackUrl)}`)
  return kept.join('&')
}

/** The query without the relay's own `region` parameter (the upstream never sees it). */
function withoutRegion(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((part) => part !== '' && decodeQueryName(part) !== QUERY_RELAY_REGION)
    .join('&')
}

/** What the audit trail records of a write, from its path and query. */
function describeWrite(
  method: string,
  match: Extract<Match, { ok: true }>,
  path: string,
  rawQuery: string,
): Omit<WriteRecord, 'subject' | 'name' | 'at'> {
  const segments = path.split('/').slice(1).map(decodeURIComponent)
  const key = new URLSearchParams(rawQuery).get(QUERY_IDEMPOTENCY_KEY)
  const interactionEndpoint = match.endpoint === 'interactions' || match.endpoint === 'interaction'
  return {
    // A write without a key is refused upstream; it is still recorded, under a key of its own.
    idempotencyKey: key !== null && key !== '' ? key : `relay-${randomUUID()}`,
    operation: OPERATIONS_BY_METHOD[method] ?? 'update',
    resource: interactionEndpoint ? 'interaction' : 'candidate',
    candidateId: segments[0] === 'candidates' ? (segments[1] ?? null) : null,
    interactionId: match.endpoint === 'interaction' ? (segments[3] ?? null) : null,
  }
}

type Forward = {
  upstreamPath: string
  query: string
  apiKey: string
  sandboxHeader: boolean
}

/**
 * `/api/v2/*` and `/api/sandbox/*` to the upstream, for the documented endpoints only (see
 * allowlist.ts). The region's key is added here; the client's `x-api-key` and cookies never
 * leave. Bodies are passed as raw bytes (never re-serialised), up to RELAY_BODY_LIMIT_BYTES.
 * The relay never retries a request itself, so a write is sent upstream at most once per call.
 */
export async function proxyRoutes(
  app: FastifyInstance,
  deps: {
    config: RelayConfig
    redis: Redis
    sessions: SessionStore
    audit: AuditTrail
    now: () => number
  },
): Promise<void> {
  const { config, audit, now } = deps
  await app.register(async (scoped) => {
    // Sign-in, cross-site and scope before anything else (an unknown path included).
    scoped.addHook('onRequest', async (request, reply) => {
      const split = splitApiUrl(request.raw.url ?? '')
      const environment = environmentOf(request, split?.environment ?? 'production')
      const granted = await admit(request, reply, deps, environment)
      if (granted === null) return reply
      return undefined
    })
    // Writes per counsellor (not per address: colleagues share an office network), in Redis so
    // the limit holds across relay instances. Reads are not limited here.
    await scoped.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      max: config.auth.writesPerMinute,
      timeWindow: 60_000,
      redis: deps.redis,
      nameSpace: 'ratelimit:writes:',
      keyGenerator: (request) => request.granted?.session.subject ?? 'anonymous',
      allowList: (request) => !isWriteMethod(request.method),
      errorResponseBuilder: (_request, context) => ({
        statusCode: context.statusCode,
        error: 'rate_limited',
        message: `Too many changes in a short time; wait ${String(Math.ceil(context.ttl / 1000))} seconds and try again.`,
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
    })
    scoped.addHook('onResponse', async (request, reply) => {
      const pending = auditedWrites.get(request)
      if (pending === undefined) return
      await audit
        .noteUpstreamStatus(pending.scope, pending.key, reply.statusCode)
        .catch((error: unknown) => {
          request.log.warn({ err: error }, 'audit: upstream status not recorded')
        })
    })

    await scoped.register(replyFrom, {
      base: config.upstreamOrigin,
      retryMethods: [],
      disableRequestLogging: true,
      undici: {
        connections: 64,
        pipelining: 1,
        headersTimeout: config.upstreamTimeoutMs,
        bodyTimeout: config.upstreamTimeoutMs,
      },
    })
    scoped.removeAllContentTypeParsers()
    scoped.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: config.bodyLimitBytes },
      (_request, body, done) => {
        done(null, body)
      },
    )
    scoped.setErrorHandler((error: FastifyError, request, reply) => {
      const status = typeof error.statusCode === 'number' ? error.statusCode : 500
      const limited = error as unknown as { error?: unknown; retryAfterSeconds?: unknown }
      if (status === 429 && limited.error === 'rate_limited') {
        const seconds =
          typeof limited.retryAfterSeconds === 'number' ? limited.retryAfterSeconds : 60
        return relayRefusal(reply, 429, 'rate_limited', error.message, {
          retryAfterSeconds: seconds,
        })
      }
      if (status === 413)
        return relayRefusal(reply, 413, 'too_large', 'The request body is too large.')
      if (status >= 400 && status < 500)
        return relayRefusal(reply, status, 'bad_request', 'The request was refused.')
      request.log.error({ err: error }, 'proxy failed')
      return gatewayError(reply, 502, 'bad_gateway', 'The relay could not complete the request.')
    })

    const auditedWrites = new WeakMap<FastifyRequest, { scope: Scope; key: string }>()
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const split = splitApiUrl(request.raw.url ?? '')
      if (!split)
        return relayRefusal(reply, 404, 'not_found', 'This relay does not forward that path.')
      const trick = pathTrick(split.path)
      if (trick) return relayRefusal(reply, 400, 'bad_path', trick)
      const match = matchEndpoint(request.method, split.path)
      if (!match.ok) return relayRefusal(reply, match.status, 'not_allowed', match.message)
      const granted = request.granted
      const region = config.regions.find((entry) => entry.id === granted?.scope.region)
      if (!granted || !region)
        return relayRefusal(reply, 403, 'forbidden_region', 'You may not use this region.')
      const environment: Environment = granted.scope.environment
      const query = withoutRegion(split.query)
      if (match.write) {
        const write = describeWrite(request.method, match, split.path, query)
        try {
          await audit.recordWrite(granted.scope, {
            ...write,
            subject: granted.session.subject,
            name: granted.session.name,
            at: now(),
          })
        } catch (error) {
          // No write leaves without its record; nothing was forwarded, so it may be sent again.
          request.log.error({ err: error }, 'audit: Redis unavailable, write refused')
          return relayRefusal(
            reply,
            503,
            'unavailable',
            'The relay cannot record this change right now; try again shortly.',
            { retryAfterSeconds: 5 },
          )
        }
        auditedWrites.set(request, { scope: granted.scope, key: write.idempotencyKey })
      }
      const forward: Forward = {
        upstreamPath: `${API_PREFIX[split.environment]}${split.path}`,
        query: match.write ? writeQuery(query, callbackUrlFor(config, granted.scope)) : query,
        apiKey: region.apiKey,
        sandboxHeader: environment === 'sandbox' && !split.byPrefix,
      }
      // The body as the client sent it, byte for byte (reply-from would re-encode JSON).
      const body = Buffer.isBuffer(request.body) ? request.body : undefined
      const contentType = request.headers['content-type']
      return reply.from(forward.upstreamPath, {
        ...(body === undefined
          ? {}
          : { body, contentType: contentType ?? 'application/octet-stream' }),
        queryString: () => forward.query,
        timeout: config.upstreamTimeoutMs,
        rewriteRequestHeaders: (_request, headers) => {
          const out: Record<string, string | string[]> = {}
          if (typeof headers.host === 'string') out.host = headers.host
          for (const name of FORWARDED_REQUEST_HEADERS) {
            const value = headers[name]
            if (value !== undefined) out[name] = value
          }
          if (forward.sandboxHeader) out[HEADER_SANDBOX] = 'true'
          out[HEADER_API_KEY] = forward.apiKey
          return out
        },
        rewriteHeaders: (headers) => {
          const dropped: readonly string[] = DROPPED_RESPONSE_HEADERS
          return Object.fromEntries(
            Object.entries(headers).filter(([name]) => !dropped.includes(name)),
          )
        },
        onError: (_failed, { error }) => {
          request.log.warn({ err: error }, 'upstream request failed')
          const timedOut = /timeout/i.test(error.name) || /timeout/i.test(error.message)
          void gatewayError(
            reply,
            timedOut ? 504 : 502,
            timedOut ? 'upstream_timeout' : 'upstream_unreachable',
            timedOut
              ? 'The upstream API did not answer in time.'
              : 'The upstream API could not be reached.',
          )
        },
      })
    }

    for (const prefix of Object.values(API_PREFIX)) {
      scoped.route({
        method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        url: `${prefix}/*`,
        bodyLimit: config.bodyLimitBytes,
        handler,
      })
    }
  })
}
