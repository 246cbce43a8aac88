import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import helmet from 'helmet'
import { API_PREFIX, paths } from '../../src/api/contract.js'
import { connectSources, contentSecurityPolicy } from '../../src/config/csp.js'
import { CALLBACK_PATH_PREFIX } from './callbacks.js'
import { relayRefusal } from './errors.js'

/**
 * The app's Content-Security-Policy as helmet directives: the same policy the production build
 * carries in its `<meta>` tag (src/config/csp.ts), with only the relay's own origin to connect
 * to, plus `frame-ancestors 'none'`, which only works as an HTTP header.
 */
export function relayCspDirectives(): Record<string, string[]> {
  const directives: Record<string, string[]> = {}
  for (const part of contentSecurityPolicy(connectSources([])).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) directives[name] = values
  }
  directives['frame-ancestors'] = ["'none'"]
  return directives
}

/** Paths the SPA fallback never answers: they belong to the API, events and callbacks. */
function isServerPath(url: string): boolean {
  return [
    ...Object.values(API_PREFIX),
    paths.events,
    CALLBACK_PATH_PREFIX,
    '/auth',
    '/audit',
    '/healthz',
    '/readyz',
  ].some((prefix) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`))
}

/** Security headers on every answer; the production build with SPA fallback when configured. */
export async function staticRoutes(app: FastifyInstance, staticDir: string | null): Promise<void> {
  // Built once: helmet turns its options into header values when it is called, so the
  // middleware is made here and every answer only sets the finished headers. (@fastify/helmet
  // called helmet() again on every request: about 6 % of the relay's busy time while it
  // proxied at 200 requests/s; decision 0093.)
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: relayCspDirectives() },
    // The relay serves one origin; nothing is embedded cross-origin.
    crossOriginEmbedderPolicy: false,
  })
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error: unknown) => {
      if (error instanceof Error) done(error)
      else done()
    })
  })
  if (staticDir !== null) {
    await app.register(fastifyStatic, {
      root: resolve(staticDir),
      index: 'index.html',
      wildcard: true,
    })
  }
  app.setNotFoundHandler((request, reply) => {
    const accepts = request.headers.accept ?? ''
    if (
      staticDir !== null &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isServerPath(request.url) &&
      (accepts.includes('text/html') || accepts.includes('*/*') || accepts === '')
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    return relayRefusal(reply, 404, 'not_found', 'Nothing here.')
  })
}
