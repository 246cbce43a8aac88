import rateLimit from '@fastify/rate-limit'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import * as oidc from 'openid-client'
import { z } from 'zod'
import type { RelayConfig } from '../config.js'
import { relayRefusal } from '../errors.js'
import { HEADER_CSRF, isSameOriginWrite, refuseUnauthenticated } from '../scope.js'
import { accessFrom, claimValues } from './access.js'
import { cookieNames, hashId, randomId, type SessionStore } from './session.js'

/**
 * Sign-in with OpenID Connect (authorization code flow with PKCE; the relay is a confidential
 * client), using `openid-client` for discovery, the state, nonce and PKCE checks, ID-token
 * validation (signature included: non-repudiation checks are on) and its clock-skew tolerance.
 *
 * `GET /auth/login?returnTo=/path` → 302 to the identity provider. The pending sign-in (PKCE
 * verifier, nonce, where to return) waits in Redis for 10 minutes under a hash of its `state`,
 * bound to this browser by a signed cookie, and is taken (GETDEL) by the first callback that
 * names it: a replayed authorization response finds nothing.
 * `GET /auth/callback` → a fresh session, 302 back to `returnTo` (same-origin paths only).
 * `POST /auth/logout` → the session is deleted in Redis; `{ endSessionUrl }` to sign out at the
 * provider too, when it has an end-session endpoint.
 * `GET /auth/session` → who is signed in and what they may use (does not extend the session).
 */

const LOGIN_TTL_SECONDS = 600
/**
 * `prompt` values the app may ask for (OpenID Connect core 3.1.2.1): `login` makes the identity
 * provider ask who is signing in even when it has a session — how a counsellor whose cookie was
 * taken over by a colleague's sign-in in another tab signs in as themselves again (0076).
 */
const LOGIN_PROMPTS = new Set(['login', 'select_account'])
const CALLBACK_PATH = '/auth/callback'

const pendingSchema = z.object({
  browser: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
})

/** A same-origin path (and query) to return to after sign-in; anything else becomes `/`. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return '/'
  if (!value.startsWith('/') || value.startsWith('//')) return '/'
  // Backslashes and control characters: browsers read `/\evil.example` as another host.
  const controlOrBackslash = Array.from(value, (char) => char.charCodeAt(0)).some(
    (code) => code < 0x20 || code === 0x7f || code === 0x5c,
  )
  if (controlOrBackslash) return '/'
  const base = 'http://relay.invalid'
  let url: URL
  try {
    url = new URL(value, base)
  } catch {
    return '/'
  }
  if (url.origin !== base) return '/'
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return '/'
  return `${url.pathname}${url.search}${url.hash}`
}

/** The identity provider's configuration, discovered on first use (and again after a failure). */
export class OidcClient {
  readonly #config: RelayConfig
  #pending: Promise<oidc.Configuration> | null = null

  constructor(config: RelayConfig) {
    this.#config = config
  }

  get redirectUri(): string {
    return `${this.#config.publicUrl}${CALLBACK_PATH}`
  }

  configuration(): Promise<oidc.Configuration> {
    if (this.#pending === null) {
      const { auth } = this.#config
      const issuer = new URL(auth.issuer)
      this.#pending = oidc
        .discovery(
          issuer,
          auth.clientId,
          undefined,
          oidc.ClientSecretBasic(auth.clientSecret),
          // Plain http is accepted only for an identity provider on loopback (config.ts).
          {
            // Marked deprecated by the library only to stand out: used for a loopback provider.
            // eslint-disable-next-line @typescript-eslint/no-deprecated
            execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
            timeout: 10,
          },
        )
        .then((configuration) => {
          // Also verify the ID token's signature (the library otherwise trusts TLS for it).
          oidc.enableNonRepudiationChecks(configuration)
          return configuration
        })
        .catch((error: unknown) => {
          this.#pending = null
          throw error
        })
    }
    return this.#pending
  }
}

/** What may be logged of an error from the sign-in: never a token, code or response body. */
function describe(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { name: 'unknown' }
  const code = (error as { code?: unknown }).code
  const cause: unknown = error.cause
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    // The library's underlying check, e.g. "JWS signature verification failed".
    ...(cause instanceof Error ? { cause: cause.message } : {}),
  }
}

function rawQuery(request: FastifyRequest): string {
  const url = request.raw.url ?? ''
  const q = url.indexOf('?')
  return q === -1 ? '' : url.slice(q + 1)
}

function loginKey(state: string): string {
  return `login:${hashId(state)}`
}

export async function authRoutes(
  app: FastifyInstance,
  deps: { config: RelayConfig; redis: Redis; sessions: SessionStore; client: OidcClient },
): Promise<void> {
  await app.register(async (scoped) => {
    await signInRoutes(scoped, deps)
  })
  sessionRoutes(app, deps)
}

/**
 * `/auth/login` and `/auth/callback`, limited per client address (`request.ip`, which follows
 * X-Forwarded-For only from RELAY_TRUSTED_PROXIES) in Redis, so the limit holds across
 * instances: a script cannot fill Redis with pending sign-ins or hammer the identity provider
 * through the relay. Each route counts on its own; over the limit: 429 `rate_limited`.
 */
async function signInRoutes(
  app: FastifyInstance,
  deps: { config: RelayConfig; redis: Redis; sessions: SessionStore; client: OidcClient },
): Promise<void> {
  const { config, redis, sessions, client } = deps
  const names = cookieNames(config.auth)

  await app.register(rateLimit, {
    global: true,
    max: config.auth.signInsPerMinute,
    timeWindow: 60_000,
    redis,
    nameSpace: 'ratelimit:sign-in:',
    keyGenerator: (request) => `${request.routeOptions.url ?? ''}:${request.ip}`,
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      error: 'rate_limited',
      message: `Too many sign-in attempts from this address; wait ${String(Math.ceil(context.ttl / 1000))} seconds and try again.`,
      retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
    }),
  })
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const limited = error as unknown as { error?: unknown; retryAfterSeconds?: unknown }
    if (error.statusCode === 429 && limited.error === 'rate_limited') {
      request.log.warn({ reason: 'sign_in_rate_limited' }, 'sign-in refused')
      return relayRefusal(reply, 429, 'rate_limited', error.message, {
        retryAfterSeconds:
          typeof limited.retryAfterSeconds === 'number' ? limited.retryAfterSeconds : 60,
      })
    }
    request.log.error({ err: describe(error) }, 'sign-in failed')
    return relayRefusal(reply, 500, 'internal_error', 'Sign-in could not be completed; try again.')
  })

  const failed = (reply: FastifyReply, message: string) =>
    relayRefusal(reply, 400, 'sign_in_failed', `${message} Start again at /auth/login.`)

  app.get('/auth/login', async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const returnTo = safeReturnTo(query.returnTo)
    const prompt =
      typeof query.prompt === 'string' && LOGIN_PROMPTS.has(query.prompt) ? query.prompt : null
    let configuration: oidc.Configuration
    try {
      configuration = await client.configuration()
    } catch (error) {
      request.log.error({ err: describe(error) }, 'sign-in: identity provider unreachable')
      return relayRefusal(
        reply,
        503,
        'idp_unavailable',
        'The identity provider cannot be reached right now; try again shortly.',
      )
    }
    const state = oidc.randomState()
    const nonce = oidc.randomNonce()
    const verifier = oidc.randomPKCECodeVerifier()
    const challenge = await oidc.calculatePKCECodeChallenge(verifier)
    const raw = request.cookies[names.login]
    const unsigned = raw === undefined ? null : request.unsignCookie(raw)
    const browser = unsigned?.valid && unsigned.value ? unsigned.value : randomId()
    await redis.set(
      loginKey(state),
      JSON.stringify({ browser: hashId(browser), nonce, verifier, returnTo }),
      'EX',
      LOGIN_TTL_SECONDS,
    )
    reply.setCookie(names.login, browser, {
      signed: true,
      httpOnly: true,
      secure: config.auth.secureCookies,
      sameSite: 'lax',
      path: '/',
      maxAge: LOGIN_TTL_SECONDS,
    })
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: client.redirectUri,
      scope: config.auth.scopes,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(prompt === null ? {} : { prompt }),
    })
    return reply.header('cache-control', 'no-store').redirect(url.href, 302)
  })

  app.get(CALLBACK_PATH, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const query = rawQuery(request)
    const params = new URLSearchParams(query)
    const state = params.get('state')
    const raw = request.cookies[names.login]
    const unsigned = raw === undefined ? null : request.unsignCookie(raw)
    const browser = unsigned?.valid ? unsigned.value : null
    if (state === null || browser === null) {
      request.log.warn({ reason: 'no_pending_sign_in' }, 'sign-in refused')
      return failed(reply, 'This sign-in was not started in this browser.')
    }
    const text = await redis.getdel(loginKey(state))
    let pending: z.infer<typeof pendingSchema> | null = null
    try {
      const parsed = text === null ? null : pendingSchema.safeParse(JSON.parse(text))
      pending = parsed?.success ? parsed.data : null
    } catch {
      pending = null
    }
    if (pending === null || pending.browser !== hashId(browser)) {
      request.log.warn({ reason: 'unknown_or_used_state' }, 'sign-in refused')
      return failed(reply, 'This sign-in has expired or was already used.')
    }
    if (params.has('error')) {
      request.log.warn({ reason: 'provider_error', error: params.get('error') }, 'sign-in refused')
      return failed(reply, 'The identity provider did not sign you in.')
    }

    let claims: oidc.IDToken
    let source: Record<string, unknown>
    try {
      const configuration = await client.configuration()
      const tokens = await oidc.authorizationCodeGrant(
        configuration,
        new URL(`${client.redirectUri}?${query}`),
        {
          pkceCodeVerifier: pending.verifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
      )
      const idClaims = tokens.claims()
      if (idClaims === undefined) throw new Error('no ID token')
      claims = idClaims
      source = { ...idClaims }
      const hasAccessClaim = claimValues(idClaims[config.auth.accessClaim]) !== null
      if (!hasAccessClaim || typeof idClaims.name !== 'string') {
        // SURFconext and others may send these only from userinfo.
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
        source = { ...info, ...idClaims }
        if (!hasAccessClaim) source[config.auth.accessClaim] = info[config.auth.accessClaim]
      }
    } catch (error) {
      request.log.warn(
        { reason: 'token_or_id_token_refused', err: describe(error) },
        'sign-in refused',
      )
      return failed(reply, 'The answer of the identity provider could not be verified.')
    }

    const access = accessFrom(claimValues(source[config.auth.accessClaim]) ?? [], config)
    if (access === null) {
      request.log.warn({ reason: 'no_access', subject: claims.sub }, 'sign-in refused')
      return relayRefusal(
        reply,
        403,
        'forbidden_no_access',
        'Your account may not use any region of this relay. Ask your region’s administrator for access.',
      )
    }
    const text2 = (key: string) => (typeof source[key] === 'string' ? source[key] : undefined)
    const name = text2('name') ?? text2('preferred_username') ?? text2('email') ?? claims.sub
    const email = text2('email')
    await sessions.create(
      { subject: claims.sub, name, ...(email ? { email } : {}), ...access },
      reply,
      sessions.idOf(request),
    )
    request.log.info({ subject: claims.sub, regions: access.access.length }, 'signed in')
    return reply.redirect(pending.returnTo, 302)
  })
}

/** `/auth/logout` and `/auth/session` (not limited here: they need a session to do anything). */
function sessionRoutes(
  app: FastifyInstance,
  deps: { config: RelayConfig; sessions: SessionStore; client: OidcClient },
): void {
  const { config, sessions, client } = deps

  app.post('/auth/logout', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    if (!isSameOriginWrite(request, config)) {
      return relayRefusal(
        reply,
        403,
        'cross_site',
        'Sign-out was refused: it did not come from the Candidate Timeline app on this site.',
      )
    }
    const ended = await sessions.end(request, reply)
    let endSessionUrl: string | null = null
    if (ended !== null) {
      request.log.info({ subject: ended.subject }, 'signed out')
      try {
        const configuration = await client.configuration()
        if (configuration.serverMetadata().end_session_endpoint) {
          endSessionUrl = oidc.buildEndSessionUrl(configuration, {
            post_logout_redirect_uri: `${config.publicUrl}/`,
          }).href
        }
      } catch (error) {
        request.log.warn({ err: describe(error) }, 'sign-out: identity provider unreachable')
      }
    }
    return reply.send({ endSessionUrl })
  })

  app.get('/auth/session', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const session = await sessions.get(request, false)
    if (session === null) return refuseUnauthenticated(reply)
    const regionName = (id: string) => config.regions.find((region) => region.id === id)?.name ?? id
    return reply.send({
      subject: session.subject,
      name: session.name,
      ...(session.email ? { email: session.email } : {}),
      regions: session.access.map((entry) => ({
        id: entry.region,
        name: regionName(entry.region),
        sandbox: entry.sandbox,
      })),
      defaultRegion: session.defaultRegion,
      roles: session.roles,
      idleExpiresAt: new Date(session.idleExpiresAt).toISOString(),
      absoluteExpiresAt: new Date(session.absoluteExpiresAt).toISOString(),
      csrfHeader: HEADER_CSRF,
    })
  })
}
