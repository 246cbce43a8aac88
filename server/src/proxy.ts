import replyFrom from '@fastify/reply-from'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  API_PREFIX,
  HEADER_API_KEY,
  HEADER_SANDBOX,
  QUERY_CALLBACK_URL,
  type Environment,
} from '../../src/api/contract.js'
import { matchEndpoint, pathTrick, splitApiUrl } from './allowlist.js'
import { callbackUrlFor } from './callbacks.js'
import type { RelayConfig } from './config.js'
import { relayError } from './errors.js'
import { environmentOf, regionOf } from './scope.js'

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
export async function proxyRoutes(app: FastifyInstance, config: RelayConfig): Promise<void> {
  await app.register(async (scoped) => {
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
      if (status === 413)
        return relayError(reply, 413, 'too_large', 'The request body is too large.')
      if (status >= 400 && status < 500)
        return relayError(reply, status, 'bad_request', 'The request was refused.')
      request.log.error({ err: error }, 'proxy failed')
      return relayError(reply, 502, 'bad_gateway', 'The relay could not complete the request.')
    })

    const handler = (request: FastifyRequest, reply: FastifyReply) => {
      const split = splitApiUrl(request.raw.url ?? '')
      if (!split)
        return relayError(reply, 404, 'not_found', 'This relay does not forward that path.')
      const trick = pathTrick(split.path)
      if (trick) return relayError(reply, 400, 'bad_path', trick)
      const match = matchEndpoint(request.method, split.path)
      if (!match.ok) return relayError(reply, match.status, 'not_allowed', match.message)
      const region = regionOf(request, config)
      if (!region.ok) return relayError(reply, 400, 'bad_region', region.message)
      const environment: Environment = environmentOf(request, split.environment)
      const forward: Forward = {
        upstreamPath: `${API_PREFIX[split.environment]}${split.path}`,
        query: match.write
          ? writeQuery(
              split.query,
              callbackUrlFor(config, { region: region.region.id, environment }),
            )
          : split.query,
        apiKey: region.region.apiKey,
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
          void relayError(
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
