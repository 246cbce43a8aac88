import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { REGIONS } from '@/mocks/regions'
import { DEMO_ACCESS_RULES, DEMO_COUNSELLORS, startIdentityProvider } from './idp/provider.js'
import { startMockUpstream } from './mock-upstream/server.js'
import { buildRelay } from './src/app.js'
import { ConfigError, loadConfig } from './src/config.js'

/**
 * `npm run relay:dev`: everything on this machine, loopback only. A private Redis (Debian's
 * redis-server, append-only persistence in a temporary folder, as the audit trail needs), the
 * mock backend over HTTP (it signs and POSTs real callbacks), a local OpenID Connect provider
 * with demo counsellors (server/idp/provider.ts), and the relay in front of it serving the
 * production build (built first when `dist/` is missing). Ports: RELAY_PORT (4712),
 * MOCK_UPSTREAM_PORT (4710), RELAY_DEV_REDIS_PORT (4711), RELAY_DEV_IDP_PORT (4713).
 */
const relayPort = Number(process.env.RELAY_PORT ?? 4712)
const upstreamPort = Number(process.env.MOCK_UPSTREAM_PORT ?? 4710)
const redisPort = Number(process.env.RELAY_DEV_REDIS_PORT ?? 4711)
const idpPort = Number(process.env.RELAY_DEV_IDP_PORT ?? 4713)

function say(line: string): void {
  process.stdout.write(`[relay:dev] ${line}\n`)
}

if (spawnSync('redis-server', ['--version']).error) {
  say('redis-server is not installed. On Debian or Ubuntu: sudo apt-get install -y redis-server')
  say('(on macOS: brew install redis). Then run npm run relay:dev again.')
  process.exit(1)
}

if (!existsSync('dist/index.html')) {
  say('no production build in dist/ yet: running npm run build…')
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const redisDir = join(tmpdir(), 'candidate-timeline-relay-dev')
mkdirSync(redisDir, { recursive: true })
const redisServer = spawn(
  'redis-server',
  [
    '--port',
    String(redisPort),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'yes',
    '--dir',
    redisDir,
  ],
  { stdio: 'ignore' },
)
redisServer.once('exit', (code) => {
  say(`redis-server stopped (exit ${String(code)}); is port ${String(redisPort)} free?`)
  process.exit(1)
})
// Commands wait in ioredis's queue until the fresh redis-server accepts connections.
const probe = new Redis(`redis://127.0.0.1:${String(redisPort)}`, { retryStrategy: () => 100 })
probe.on('error', () => undefined)
await probe.ping()
probe.disconnect()

const upstream = await startMockUpstream({
  port: upstreamPort,
  latencyMs: Number(process.env.MOCK_LATENCY_MS ?? 1500),
  log: (line) => {
    say(`mock upstream: ${line}`)
  },
})

const idp = await startIdentityProvider({
  port: idpPort,
  clientSecret: randomBytes(24).toString('base64url'),
})

const env: Record<string, string | undefined> = {
  RELAY_UPSTREAM_ORIGIN: upstream.url,
  RELAY_PUBLIC_URL: `http://127.0.0.1:${relayPort}`,
  RELAY_REGIONS: REGIONS.map((region) => region.id).join(','),
  RELAY_REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  RELAY_SESSION_SECRET: 'local-development-only-session-secret-0123456789',
  RELAY_STATIC_DIR: 'dist',
  RELAY_PORT: String(relayPort),
  RELAY_LOG_LEVEL: process.env.RELAY_LOG_LEVEL ?? 'warn',
  RELAY_DEFAULT_REGION: process.env.RELAY_DEFAULT_REGION ?? REGIONS[0]?.id,
  RELAY_OIDC_ISSUER: idp.issuer,
  RELAY_OIDC_CLIENT_ID: idp.clientId,
  RELAY_OIDC_CLIENT_SECRET: idp.clientSecret,
  RELAY_OIDC_SCOPES: 'openid profile email groups',
  RELAY_ACCESS_RULES: DEMO_ACCESS_RULES,
}
for (const region of REGIONS) {
  const prefix = `RELAY_REGION_${region.id.toUpperCase()}`
  env[`${prefix}_API_KEY`] = region.apiKey
  env[`${prefix}_CALLBACK_SECRET`] = region.signingSecret
}

let config
try {
  config = loadConfig(env)
} catch (error) {
  if (error instanceof ConfigError) say(error.message)
  redisServer.kill('SIGTERM')
  await upstream.close()
  await idp.close()
  process.exit(2)
}
const relay = await buildRelay(config)
await relay.app.listen({ host: config.host, port: config.port })

say(`Redis on 127.0.0.1:${redisPort} (data in ${redisDir}), mock upstream on ${upstream.url}`)
say(`Identity provider on ${idp.issuer}; sign in with any password as one of:`)
for (const person of DEMO_COUNSELLORS) {
  say(`  ${person.login.padEnd(6)} ${person.name} (${person.groups.join(', ')})`)
}
say(`Open http://127.0.0.1:${relayPort}/ (Ctrl+C stops everything)`)

const stop = () => {
  void (async () => {
    await relay.close()
    await upstream.close()
    await idp.close()
    redisServer.removeAllListeners('exit')
    redisServer.kill('SIGTERM')
    process.exit(0)
  })()
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
