import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type KoaContextWithOIDC } from 'oidc-provider'

/**
 * A real OpenID Connect provider for development and tests only (`oidc-provider` with its
 * development login form, which accepts any password). The relay talks to it exactly as to
 * SURFconext or Microsoft Entra ID: discovery, authorization code + PKCE, a confidential client,
 * signed ID tokens, userinfo and RP-initiated logout. It is never part of a deployment.
 */

export type DemoCounsellor = {
  /** What to type in the login field (also the subject). */
  login: string
  name: string
  email: string
  /** The `groups` claim, mapped to regions and roles by RELAY_ACCESS_RULES. */
  groups: string[]
}

/** Demo people of different regions and roles (README "Signing in locally"). */
export const DEMO_COUNSELLORS: readonly DemoCounsellor[] = [
  {
    login: 'anna',
    name: 'Anna de Vries',
    email: 'anna@utrecht.example',
    groups: ['ct-utrecht-counsellors', 'ct-utrecht-sandbox'],
  },
  {
    login: 'bram',
    name: 'Bram Jansen',
    email: 'bram@utrecht.example',
    groups: ['ct-utrecht-counsellors', 'ct-utrecht-sandbox'],
  },
  {
    login: 'ravi',
    name: 'Ravi Bakker',
    email: 'ravi@rijnmond.example',
    groups: ['ct-rijnmond-counsellors'],
  },
  {
    login: 'priya',
    name: 'Priya Visser',
    email: 'privacy@utrecht.example',
    groups: ['ct-utrecht-privacy'],
  },
  { login: 'nora', name: 'Nora Smit', email: 'nora@example.org', groups: ['ct-other'] },
]

/** RELAY_ACCESS_RULES for the demo groups above (dev script and tests). */
export const DEMO_ACCESS_RULES = JSON.stringify({
  'ct-utrecht-counsellors': { regions: ['utrecht'], roles: ['counsellor'] },
  'ct-utrecht-sandbox': { regions: ['utrecht'], sandbox: true },
  'ct-rijnmond-counsellors': { regions: ['rijnmond'], roles: ['counsellor'] },
  'ct-utrecht-privacy': { regions: ['utrecht'], roles: ['privacy-officer'] },
})

export const DEMO_CLIENT_ID = 'candidate-timeline-relay'

/** Redirect URIs of a relay on this machine: any loopback port, path /auth/callback. */
const LOOPBACK_CALLBACK = /^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}\/auth\/callback$/
const LOOPBACK_ROOT = /^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}\/$/

let signingKey: JsonWebKey | null = null

/** One RSA key per process (generating one per provider would slow every test file). */
function key(): JsonWebKey {
  signingKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  })
  return signingKey
}

export type IdentityProvider = {
  /** The issuer (also its address), e.g. http://127.0.0.1:4713 */
  issuer: string
  clientId: string
  clientSecret: string
  /** Called with every token response before it is sent (tests tamper with it). */
  onTokenResponse: ((body: Record<string, unknown>) => void) | null
  close(): Promise<void>
}

export async function startIdentityProvider(
  options: { port?: number; host?: string; clientSecret?: string } = {},
): Promise<IdentityProvider> {
  const host = options.host ?? '127.0.0.1'
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve))
  const { port } = server.address() as AddressInfo
  const issuer = `http://${host}:${port}`
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url')
  const scopes = ['openid', 'profile', 'email', 'groups']

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_secret: clientSecret,
        // Any loopback relay is accepted (see redirectUriAllowed below); this one is a placeholder.
        redirect_uris: ['http://127.0.0.1:1/auth/callback'],
        post_logout_redirect_uris: ['http://127.0.0.1:1/'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...key(), use: 'sig', kid: 'demo' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    scopes,
    // Like Entra ID (and SURFconext when asked): the claims of the scopes in the ID token too.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 12 * 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 12 * 3600,
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    // First-party application: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId
      const clientId = ctx.oidc.client?.clientId
      if (!accountId || !clientId) return undefined
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId })
      grant.addOIDCScope(scopes.join(' '))
      await grant.save()
      return grant
    },
    findAccount(_ctx, id) {
      const person = DEMO_COUNSELLORS.find((candidate) => candidate.login === id)
      if (!person) return undefined
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          name: person.name,
          email: person.email,
          email_verified: true,
          groups: person.groups,
        }),
      }
    },
  })
  const clientPrototype = provider.Client.prototype as unknown as {
    redirectUriAllowed(value: string): boolean
    postLogoutRedirectUriAllowed(value: string): boolean
  }
  clientPrototype.redirectUriAllowed = (value) => LOOPBACK_CALLBACK.test(value)
  clientPrototype.postLogoutRedirectUriAllowed = (value) => LOOPBACK_ROOT.test(value)

  const idp: IdentityProvider = {
    issuer,
    clientId: DEMO_CLIENT_ID,
    clientSecret,
    onTokenResponse: null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
  provider.use(async (ctx, next) => {
    await next()
    const body: unknown = ctx.body
    if (ctx.path === '/token' && idp.onTokenResponse && typeof body === 'object' && body) {
      idp.onTokenResponse(body as Record<string, unknown>)
    }
  })
  const handle = provider.callback()
  server.on('request', (req, res) => {
    void handle(req, res)
  })
  return idp
}
