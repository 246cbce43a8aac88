import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { z } from 'zod'
import { DEFAULT_AUDIT_RETENTION_DAYS } from './audit.js'

/**
 * The relay's settings, read from environment variables once at start-up and validated with zod.
 * Every secret may instead come from a file (`NAME_FILE`, e.g. a mounted container secret); the
 * file's content is used with surrounding whitespace trimmed. A missing or malformed setting
 * stops the start with one plain sentence naming it (ConfigError). README "The relay" lists them.
 */

export type RegionConfig = {
  /** The id used in callback paths, Redis keys and the `x-relay-region` header. */
  id: string
  /** Shown to counsellors (`GET /auth/session`); RELAY_REGION_<ID>_NAME, default the id. */
  name: string
  apiKey: string
  callbackSecret: string
}

export type RelayConfig = {
  upstreamOrigin: string
  /** The relay's own public origin (plus optional path prefix), without a trailing slash. */
  publicUrl: string
  regions: RegionConfig[]
  /** Region used when a request names none (`x-relay-region`); null: requests must name one. */
  defaultRegion: string | null
  redis: RedisTarget
  sessionSecret: string
  host: string
  port: number
  /** Folder with the production build to serve (SPA fallback to index.html); null: none. */
  staticDir: string | null
  bodyLimitBytes: number
  callbackBodyLimitBytes: number
  /** Approximate number of outcomes kept per region+environment stream (`XADD MAXLEN ~`). */
  streamMaxLength: number
  /** Outcomes younger than this are kept (`XTRIM MINID ~`), unless the length bound is hit. */
  streamRetentionSeconds: number
  heartbeatSeconds: number
  /** How long a callback nonce is remembered; at least twice the 5-minute timestamp window. */
  nonceTtlSeconds: number
  /**
   * Replicas that must hold a callback's outcome before it is answered 204 (RELAY_CALLBACK_REPLICAS,
   * `WAIT`); 0: the primary's word is enough, and a failover can lose what it had not copied yet.
   */
  callbackReplicas: number
  upstreamTimeoutMs: number
  /**
   * Addresses or CIDR ranges of the load balancers / reverse proxies in front of the relay
   * (RELAY_TRUSTED_PROXIES). Only from these is `X-Forwarded-For` believed, so behind them the
   * client's real address is known, and without them a client cannot pick its own address.
   */
  trustedProxies: string[]
  /** How long the audit trail keeps a write (RELAY_AUDIT_RETENTION_DAYS, default 400). */
  auditRetentionDays: number
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  auth: AuthConfig
}

/**
 * Where Redis is: one server (RELAY_REDIS_URL), or a primary that Redis Sentinel names and moves
 * on a failover (RELAY_REDIS_SENTINELS + RELAY_REDIS_SENTINEL_NAME).
 */
export type RedisTarget =
  | { kind: 'url'; url: string }
  | {
      kind: 'sentinel'
      sentinels: { host: string; port: number }[]
      /** The primary's name in the sentinels' configuration (`sentinel monitor <name> …`). */
      name: string
      /** Of the Redis servers (`requirepass`); null: none. */
      password: string | null
      /** Of the sentinels themselves; null: none. */
      sentinelPassword: string | null
    }

/** What one value of the access claim grants (RELAY_ACCESS_RULES). */
export type AccessRule = { regions: string[]; sandbox: boolean; roles: string[] }

/** Counsellor sign-in (OpenID Connect) and sessions. README "Signing in" lists the settings. */
export type AuthConfig = {
  issuer: string
  clientId: string
  clientSecret: string
  scopes: string
  /** The ID-token (or userinfo) claim whose values RELAY_ACCESS_RULES maps, e.g. `groups`. */
  accessClaim: string
  accessRules: ReadonlyMap<string, AccessRule>
  sessionIdleSeconds: number
  sessionAbsoluteSeconds: number
  /** Writes per counsellor per minute, across every relay instance. */
  writesPerMinute: number
  /** `/auth/login` and `/auth/callback` requests per client address per minute, each. */
  signInsPerMinute: number
  /** Cookies carry `Secure` (and the `__Host-` prefix): the public URL is https. */
  secureCookies: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export type Env = Record<string, string | undefined>

const REGION_ID = /^[a-z][a-z0-9-]{0,39}$/

/** Reads `NAME`, or the file named by `NAME_FILE`; both set is an error (which one wins?). */
function readSetting(env: Env, name: string, readFile: (path: string) => string): string | null {
  const direct = env[name]
  const file = env[`${name}_FILE`]
  if (direct !== undefined && direct !== '' && file !== undefined && file !== '') {
    throw new ConfigError(`Set either ${name} or ${name}_FILE, not both.`)
  }
  if (file !== undefined && file !== '') {
    try {
      return readFile(file).trim()
    } catch {
      throw new ConfigError(`${name}_FILE names a file that cannot be read.`)
    }
  }
  return direct === undefined || direct.trim() === '' ? null : direct.trim()
}

function required(env: Env, name: string, readFile: (path: string) => string): string {
  const value = readSetting(env, name, readFile)
  if (value === null) throw new ConfigError(`${name} is missing: set it (see README, "The relay").`)
  return value
}

function parseWith<T>(name: string, schema: z.ZodType<T>, value: unknown, hint: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new ConfigError(`${name} is not valid: ${hint}.`)
  return parsed.data
}

function asUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

const httpOrigin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => asUrl(value)?.origin === value.replace(/\/$/, ''))
const httpUrlWithoutQuery = z.url({ protocol: /^https?$/ }).refine((value) => {
  const url = asUrl(value)
  return (
    url !== null &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === ''
  )
})
const redisUrl = z.url({ protocol: /^rediss?$/ })
const HOST_PORT = /^(?<host>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(?<port>\d{1,5})$/

/** RELAY_REDIS_URL, or the Sentinel settings; exactly one of the two. */
function loadRedisTarget(env: Env, readFile: (path: string) => string): RedisTarget {
  const url = readSetting(env, 'RELAY_REDIS_URL', readFile)
  const sentinels = env.RELAY_REDIS_SENTINELS?.trim() ?? ''
  if (sentinels === '') {
    if (url === null) {
      throw new ConfigError(
        'RELAY_REDIS_URL is missing: set it, or RELAY_REDIS_SENTINELS (see README, "The relay").',
      )
    }
    return {
      kind: 'url',
      url: parseWith(
        'RELAY_REDIS_URL',
        redisUrl,
        url,
        'expected a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
      ),
    }
  }
  if (url !== null) {
    throw new ConfigError(
      'Set either RELAY_REDIS_URL (one Redis) or RELAY_REDIS_SENTINELS (Redis Sentinel), not both.',
    )
  }
  const addresses = sentinels.split(',').map((part) => {
    const match = HOST_PORT.exec(part.trim())
    const port = Number(match?.groups?.port)
    const host = match?.groups?.host?.replace(/^\[|\]$/g, '')
    if (!host || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw new ConfigError(
        `RELAY_REDIS_SENTINELS is not valid: "${part.trim()}" is not host:port (e.g. 10.0.0.5:26379).`,
      )
    }
    return { host, port }
  })
  const name = env.RELAY_REDIS_SENTINEL_NAME?.trim() ?? ''
  if (name === '') {
    throw new ConfigError(
      'RELAY_REDIS_SENTINEL_NAME is missing: the name the sentinels monitor the primary under.',
    )
  }
  return {
    kind: 'sentinel',
    sentinels: addresses,
    name,
    password: readSetting(env, 'RELAY_REDIS_PASSWORD', readFile),
    sentinelPassword: readSetting(env, 'RELAY_REDIS_SENTINEL_PASSWORD', readFile),
  }
}

/** Secrets inside the Redis setting (a URL's password, Sentinel passwords). */
function redisSecrets(target: RedisTarget): string[] {
  if (target.kind === 'sentinel') {
    return [target.password, target.sentinelPassword].filter((value) => value !== null)
  }
  const password = asUrl(target.url)?.password ?? ''
  if (password === '') return []
  try {
    return [password, decodeURIComponent(password)]
  } catch {
    return [password]
  }
}
const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

function optionalInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]
  if (value === undefined || value.trim() === '') return fallback
  return parseWith(
    name,
    intIn(min, max),
    value.trim(),
    `expected a whole number from ${min} to ${max}`,
  )
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1'
  return false
}

const accessRulesSchema = z.record(
  z.string().min(1),
  z.strictObject({
    regions: z.array(z.string()).min(1),
    sandbox: z.boolean().optional(),
    roles: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/)).optional(),
  }),
)

function loadAccessRules(
  text: string,
  regionIds: ReadonlySet<string>,
): ReadonlyMap<string, AccessRule> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ConfigError('RELAY_ACCESS_RULES is not valid: it is not JSON.')
  }
  const rules = parseWith(
    'RELAY_ACCESS_RULES',
    accessRulesSchema,
    json,
    'expected a JSON object from claim value to { "regions": [...], "sandbox": true|false, "roles": [...] }',
  )
  const map = new Map<string, AccessRule>()
  for (const [value, rule] of Object.entries(rules)) {
    const unknown = rule.regions.find((id) => !regionIds.has(id))
    if (unknown !== undefined) {
      throw new ConfigError(
        `RELAY_ACCESS_RULES is not valid: "${value}" names region "${unknown}", which is not one of RELAY_REGIONS.`,
      )
    }
    map.set(value, {
      regions: rule.regions,
      sandbox: rule.sandbox ?? false,
      roles: rule.roles ?? ['counsellor'],
    })
  }
  if (map.size === 0) throw new ConfigError('RELAY_ACCESS_RULES is not valid: it grants nothing.')
  return map
}

/** http is accepted only on this machine (development); everywhere else https is required. */
function isHttpsOrLoopback(value: string): boolean {
  const url = asUrl(value)
  if (url === null) return false
  return url.protocol === 'https:' || isLoopbackHost(url.hostname.replace(/^\[|\]$/g, ''))
}

function loadAuth(
  env: Env,
  readFile: (path: string) => string,
  publicUrl: string,
  regionIds: ReadonlySet<string>,
): AuthConfig {
  const issuer = parseWith(
    'RELAY_OIDC_ISSUER',
    httpUrlWithoutQuery.refine(isHttpsOrLoopback),
    required(env, 'RELAY_OIDC_ISSUER', readFile),
    'expected the https issuer URL of the identity provider, e.g. https://connect.surfconext.nl (http only on loopback)',
  )
  const clientId = required(env, 'RELAY_OIDC_CLIENT_ID', readFile)
  const clientSecret = required(env, 'RELAY_OIDC_CLIENT_SECRET', readFile)
  const scopes = env.RELAY_OIDC_SCOPES?.trim() || 'openid profile email'
  if (!scopes.split(/\s+/).includes('openid')) {
    throw new ConfigError('RELAY_OIDC_SCOPES is not valid: it must include "openid".')
  }
  const accessClaim = parseWith(
    'RELAY_OIDC_ACCESS_CLAIM',
    z.string().regex(/^[A-Za-z0-9_:./-]{1,100}$/),
    env.RELAY_OIDC_ACCESS_CLAIM?.trim() || 'groups',
    'expected a claim name such as groups, roles or eduperson_entitlement',
  )
  const accessRules = loadAccessRules(required(env, 'RELAY_ACCESS_RULES', readFile), regionIds)
  if (!isHttpsOrLoopback(publicUrl)) {
    throw new ConfigError(
      'RELAY_PUBLIC_URL is not valid: counsellors sign in with a Secure cookie, so it must be https (http only on loopback, for development).',
    )
  }
  return {
    issuer,
    clientId,
    clientSecret,
    scopes,
    accessClaim,
    accessRules,
    sessionIdleSeconds: optionalInt(env, 'RELAY_SESSION_IDLE_MINUTES', 30, 1, 24 * 60) * 60,
    sessionAbsoluteSeconds:
      optionalInt(env, 'RELAY_SESSION_ABSOLUTE_HOURS', 12, 1, 7 * 24) * 60 * 60,
    writesPerMinute: optionalInt(env, 'RELAY_WRITES_PER_MINUTE', 60, 1, 10_000),
    signInsPerMinute: optionalInt(env, 'RELAY_SIGN_INS_PER_MINUTE', 30, 1, 10_000),
    secureCookies: new URL(publicUrl).protocol === 'https:',
  }
}

const proxyAddress = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()])

/** RELAY_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges; none by default. */
function trustedProxiesOf(env: Env): string[] {
  const entries = (env.RELAY_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  return parseWith(
    'RELAY_TRUSTED_PROXIES',
    z.array(proxyAddress),
    entries,
    'expected IP addresses or CIDR ranges separated by commas, e.g. 10.0.0.0/8,192.168.1.10',
  )
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Builds the configuration or throws a ConfigError with one sentence naming the setting. */
export function loadConfig(
  env: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): RelayConfig {
  const upstreamOrigin = parseWith(
    'RELAY_UPSTREAM_ORIGIN',
    httpOrigin,
    required(env, 'RELAY_UPSTREAM_ORIGIN', readFile),
    'expected an http(s) origin without a path, e.g. https://onderwijsregio.onderwijsin.nl',
  ).replace(/\/$/, '')
  const publicUrl = parseWith(
    'RELAY_PUBLIC_URL',
    httpUrlWithoutQuery,
    required(env, 'RELAY_PUBLIC_URL', readFile),
    'expected the http(s) address the upstream reaches this relay at, e.g. https://relay.example.nl',
  ).replace(/\/+$/, '')

  const regionIds = required(env, 'RELAY_REGIONS', readFile)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  if (regionIds.length === 0)
    throw new ConfigError('RELAY_REGIONS is missing: name at least one region.')
  const seen = new Set<string>()
  const regions = regionIds.map((id): RegionConfig => {
    if (!REGION_ID.test(id)) {
      throw new ConfigError(
        `RELAY_REGIONS is not valid: "${id}" must be lower-case letters, digits and dashes, starting with a letter.`,
      )
    }
    if (seen.has(id)) throw new ConfigError(`RELAY_REGIONS is not valid: "${id}" is listed twice.`)
    seen.add(id)
    const prefix = `RELAY_REGION_${id.toUpperCase().replace(/-/g, '_')}`
    const apiKey = required(env, `${prefix}_API_KEY`, readFile)
    const callbackSecret = required(env, `${prefix}_CALLBACK_SECRET`, readFile)
    if (callbackSecret.length < 16) {
      throw new ConfigError(
        `${prefix}_CALLBACK_SECRET is not valid: it must be at least 16 characters.`,
      )
    }
    const name = readSetting(env, `${prefix}_NAME`, readFile) ?? id
    return { id, name, apiKey, callbackSecret }
  })

  const defaultRegionSetting = readSetting(env, 'RELAY_DEFAULT_REGION', readFile)
  if (defaultRegionSetting !== null && !seen.has(defaultRegionSetting)) {
    throw new ConfigError(
      `RELAY_DEFAULT_REGION is not valid: "${defaultRegionSetting}" is not one of RELAY_REGIONS.`,
    )
  }
  const defaultRegion =
    defaultRegionSetting ?? (regions.length === 1 ? (regions[0]?.id ?? null) : null)

  const redis = loadRedisTarget(env, readFile)
  const sessionSecret = required(env, 'RELAY_SESSION_SECRET', readFile)
  if (sessionSecret.length < 32) {
    throw new ConfigError('RELAY_SESSION_SECRET is not valid: it must be at least 32 characters.')
  }

  // Every data route needs a signed-in counsellor (auth below is required), so the relay may
  // listen beyond loopback.
  const host = env.RELAY_HOST?.trim() || '127.0.0.1'
  const auth = loadAuth(env, readFile, publicUrl, seen)

  const staticDir = env.RELAY_STATIC_DIR?.trim() || null
  const logLevel = parseWith(
    'RELAY_LOG_LEVEL',
    z.enum(LOG_LEVELS),
    env.RELAY_LOG_LEVEL?.trim() || 'info',
    `expected one of ${LOG_LEVELS.join(', ')}`,
  )

  return {
    upstreamOrigin,
    publicUrl,
    regions,
    defaultRegion,
    redis,
    sessionSecret,
    host,
    port: optionalInt(env, 'RELAY_PORT', 8080, 0, 65535),
    staticDir,
    bodyLimitBytes: optionalInt(env, 'RELAY_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
    callbackBodyLimitBytes: optionalInt(
      env,
      'RELAY_CALLBACK_BODY_LIMIT_BYTES',
      64 * 1024,
      1024,
      1024 * 1024,
    ),
    streamMaxLength: optionalInt(env, 'RELAY_STREAM_MAX_LENGTH', 50_000, 100, 10_000_000),
    streamRetentionSeconds: optionalInt(env, 'RELAY_STREAM_RETENTION_SECONDS', 900, 900, 604_800),
    heartbeatSeconds: optionalInt(env, 'RELAY_HEARTBEAT_SECONDS', 15, 1, 300),
    nonceTtlSeconds: optionalInt(env, 'RELAY_NONCE_TTL_SECONDS', 900, 600, 86_400),
    callbackReplicas: optionalInt(env, 'RELAY_CALLBACK_REPLICAS', 0, 0, 10),
    upstreamTimeoutMs: optionalInt(env, 'RELAY_UPSTREAM_TIMEOUT_MS', 15_000, 100, 120_000),
    trustedProxies: trustedProxiesOf(env),
    auditRetentionDays: optionalInt(
      env,
      'RELAY_AUDIT_RETENTION_DAYS',
      DEFAULT_AUDIT_RETENTION_DAYS,
      1,
      3650,
    ),
    logLevel,
    auth,
  }
}

/** Every configured secret, so tests (and a last-chance log filter) can look for leaks. */
export function configuredSecrets(config: RelayConfig): string[] {
  return [
    config.sessionSecret,
    config.auth.clientSecret,
    ...config.regions.flatMap((region) => [region.apiKey, region.callbackSecret]),
    ...redisSecrets(config.redis),
  ]
}
