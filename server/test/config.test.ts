// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ConfigError, configuredSecrets, loadConfig, type Env } from '../src/config.js'
import { testEnv } from './kit.js'

function messageOf(env: Env, readFile?: (path: string) => string): string {
  try {
    loadConfig(env, readFile)
  } catch (error) {
    if (error instanceof ConfigError) return error.message
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('relay configuration', () => {
  it('accepts a complete configuration', () => {
    const config = loadConfig(testEnv())
    expect(config.regions.map((region) => region.id)).toEqual(['utrecht', 'rijnmond'])
    expect(config.defaultRegion).toBe('utrecht')
    expect(config.host).toBe('127.0.0.1')
  })

  it.each([
    'RELAY_UPSTREAM_ORIGIN',
    'RELAY_PUBLIC_URL',
    'RELAY_REGIONS',
    'RELAY_REGION_UTRECHT_API_KEY',
    'RELAY_REGION_RIJNMOND_CALLBACK_SECRET',
    'RELAY_SESSION_SECRET',
    'RELAY_OIDC_ISSUER',
    'RELAY_OIDC_CLIENT_ID',
    'RELAY_OIDC_CLIENT_SECRET',
    'RELAY_ACCESS_RULES',
  ])('stops with a sentence naming %s when it is missing', (name) => {
    expect(messageOf(testEnv({ [name]: undefined }))).toBe(
      `${name} is missing: set it (see README, "The relay").`,
    )
  })

  it.each([
    ['RELAY_UPSTREAM_ORIGIN', 'ftp://example.nl'],
    ['RELAY_UPSTREAM_ORIGIN', 'https://example.nl/api/v2'],
    ['RELAY_PUBLIC_URL', 'not a url'],
    ['RELAY_PUBLIC_URL', 'https://relay.example.nl/?x=1'],
    ['RELAY_REDIS_URL', 'http://127.0.0.1:6379'],
    ['RELAY_SESSION_SECRET', 'short'],
    ['RELAY_REGION_UTRECHT_CALLBACK_SECRET', 'short'],
    ['RELAY_REGIONS', 'Utrecht!'],
    ['RELAY_DEFAULT_REGION', 'amsterdam'],
    ['RELAY_PORT', '99999'],
    ['RELAY_LOG_LEVEL', 'loud'],
    ['RELAY_STREAM_MAX_LENGTH', 'many'],
    ['RELAY_STREAM_RETENTION_SECONDS', '600'],
    ['RELAY_OIDC_ISSUER', 'http://idp.example.nl'],
    ['RELAY_OIDC_ISSUER', 'not a url'],
    ['RELAY_OIDC_SCOPES', 'profile email'],
    ['RELAY_OIDC_ACCESS_CLAIM', 'two words'],
    ['RELAY_ACCESS_RULES', '{not json'],
    ['RELAY_ACCESS_RULES', '{}'],
    ['RELAY_ACCESS_RULES', '{"g":{"regions":["amsterdam"]}}'],
    ['RELAY_ACCESS_RULES', '{"g":{"regions":["utrecht"],"sandbox":"yes"}}'],
    ['RELAY_SESSION_IDLE_MINUTES', '0'],
    ['RELAY_SESSION_ABSOLUTE_HOURS', 'forever'],
    ['RELAY_WRITES_PER_MINUTE', '-1'],
    ['RELAY_SIGN_INS_PER_MINUTE', '0'],
    ['RELAY_TRUSTED_PROXIES', 'load-balancer.internal'],
    ['RELAY_TRUSTED_PROXIES', '10.0.0.0/8,10.0.0.300'],
    ['RELAY_AUDIT_RETENTION_DAYS', '0'],
    ['RELAY_CALLBACK_REPLICAS', '11'],
    ['RELAY_CALLBACK_REPLICAS', 'all'],
  ])('stops with a sentence naming %s when it is %j', (name, value) => {
    const message = messageOf(testEnv({ [name]: value }))
    expect(message.startsWith(`${name} is not valid: `)).toBe(true)
    expect(message).not.toContain('\n')
  })

  it('takes one Redis URL, or Redis Sentinel, and says which is missing or doubled', () => {
    expect(loadConfig(testEnv()).redis).toEqual({ kind: 'url', url: 'redis://127.0.0.1:6379' })
    const sentinel = {
      RELAY_REDIS_URL: undefined,
      RELAY_REDIS_SENTINELS: '10.0.0.5:26379, sentinel-2.internal:26380,[fd00::7]:26379',
      RELAY_REDIS_SENTINEL_NAME: 'relay-primary',
    }
    expect(loadConfig(testEnv(sentinel)).redis).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: '10.0.0.5', port: 26379 },
        { host: 'sentinel-2.internal', port: 26380 },
        { host: 'fd00::7', port: 26379 },
      ],
      name: 'relay-primary',
      password: null,
      sentinelPassword: null,
    })
    expect(messageOf(testEnv({ RELAY_REDIS_URL: undefined }))).toBe(
      'RELAY_REDIS_URL is missing: set it, or RELAY_REDIS_SENTINELS (see README, "The relay").',
    )
    expect(messageOf(testEnv({ ...sentinel, RELAY_REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe(
      'Set either RELAY_REDIS_URL (one Redis) or RELAY_REDIS_SENTINELS (Redis Sentinel), not both.',
    )
    expect(messageOf(testEnv({ ...sentinel, RELAY_REDIS_SENTINEL_NAME: ' ' }))).toBe(
      'RELAY_REDIS_SENTINEL_NAME is missing: the name the sentinels monitor the primary under.',
    )
    for (const bad of ['10.0.0.5', '10.0.0.5:0', 'sentinel:26379:1', 'a b:26379']) {
      expect(
        messageOf(testEnv({ ...sentinel, RELAY_REDIS_SENTINELS: `10.0.0.4:26379,${bad}` })),
      ).toBe(`RELAY_REDIS_SENTINELS is not valid: "${bad}" is not host:port (e.g. 10.0.0.5:26379).`)
    }
  })

  it('keeps the Redis passwords out of the logs like every other secret', () => {
    const fromUrl = loadConfig(testEnv({ RELAY_REDIS_URL: 'redis://relay:s3cr%40t@10.0.0.5:6379' }))
    expect(configuredSecrets(fromUrl)).toEqual(expect.arrayContaining(['s3cr%40t', 's3cr@t']))
    const sentinel = loadConfig(
      testEnv({
        RELAY_REDIS_URL: undefined,
        RELAY_REDIS_SENTINELS: '10.0.0.5:26379',
        RELAY_REDIS_SENTINEL_NAME: 'relay-primary',
        RELAY_REDIS_PASSWORD_FILE: '/run/secrets/redis',
        RELAY_REDIS_SENTINEL_PASSWORD: 'sentinel-pass',
      }),
      () => 'data-pass\n',
    )
    expect(sentinel.redis).toMatchObject({
      password: 'data-pass',
      sentinelPassword: 'sentinel-pass',
    })
    expect(configuredSecrets(sentinel)).toEqual(
      expect.arrayContaining(['data-pass', 'sentinel-pass']),
    )
  })

  it('listens beyond loopback now that sign-in is configured, but wants https there', () => {
    expect(loadConfig(testEnv({ RELAY_HOST: '0.0.0.0' })).host).toBe('0.0.0.0')
    expect(messageOf(testEnv({ RELAY_PUBLIC_URL: 'http://relay.example.nl' }))).toBe(
      'RELAY_PUBLIC_URL is not valid: counsellors sign in with a Secure cookie, so it must be https (http only on loopback, for development).',
    )
    const https = loadConfig(
      testEnv({
        RELAY_PUBLIC_URL: 'https://relay.example.nl',
        RELAY_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
      }),
    )
    expect(https.auth.secureCookies).toBe(true)
    expect(loadConfig(testEnv()).auth.secureCookies).toBe(false)
  })

  it('maps claim values to regions, sandbox and roles, with the session defaults', () => {
    const { auth } = loadConfig(
      testEnv({
        RELAY_ACCESS_RULES: JSON.stringify({
          'urn:mace:surf.nl:ct:utrecht': { regions: ['utrecht'], sandbox: true },
          privacy: { regions: ['utrecht', 'rijnmond'], roles: ['privacy-officer'] },
        }),
      }),
    )
    expect(auth.accessRules.get('urn:mace:surf.nl:ct:utrecht')).toEqual({
      regions: ['utrecht'],
      sandbox: true,
      roles: ['counsellor'],
    })
    expect(auth.accessRules.get('privacy')?.sandbox).toBe(false)
    expect(auth.sessionIdleSeconds).toBe(30 * 60)
    expect(auth.sessionAbsoluteSeconds).toBe(12 * 60 * 60)
    expect(auth.accessClaim).toBe('groups')
  })

  it('reads secrets from *_FILE settings, and refuses both forms at once', () => {
    const files: Record<string, string> = { '/run/secrets/key': 'key-from-file\n' }
    const readFile = (path: string) => {
      const content = files[path]
      if (content === undefined) throw new Error('ENOENT')
      return content
    }
    const env = testEnv({
      RELAY_REGION_UTRECHT_API_KEY: undefined,
      RELAY_REGION_UTRECHT_API_KEY_FILE: '/run/secrets/key',
    })
    expect(loadConfig(env, readFile).regions[0]?.apiKey).toBe('key-from-file')
    expect(
      messageOf({ ...env, RELAY_REGION_UTRECHT_API_KEY_FILE: '/run/secrets/missing' }, readFile),
    ).toBe('RELAY_REGION_UTRECHT_API_KEY_FILE names a file that cannot be read.')
    expect(messageOf({ ...env, RELAY_REGION_UTRECHT_API_KEY: 'direct' }, readFile)).toBe(
      'Set either RELAY_REGION_UTRECHT_API_KEY or RELAY_REGION_UTRECHT_API_KEY_FILE, not both.',
    )
  })

  it('never puts a secret into its messages', () => {
    const message = messageOf(testEnv({ RELAY_SESSION_SECRET: 'tooshort-secret' }))
    expect(message).not.toContain('tooshort-secret')
    const rules = messageOf(testEnv({ RELAY_ACCESS_RULES: '{"secret-group":{"regions":[]}}' }))
    expect(rules.startsWith('RELAY_ACCESS_RULES is not valid: ')).toBe(true)
  })
})
