import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { expect, type Page } from '@playwright/test'
import { REGIONS } from '@/mocks/regions'
import {
  DEMO_ACCESS_RULES,
  startIdentityProvider,
  type IdentityProvider,
} from '../server/idp/provider'
import { buildRelay, type Relay } from '../server/src/app'
import { loadConfig, type RelayConfig } from '../server/src/config'
import { LogCapture, startRedis, type TestRedis } from '../server/test/kit'
import { buildBundle, removeBundle } from './demo-build.test-helpers'

/**
 * The whole chain over real HTTP for the relay journeys (relay.spec.ts, relay-live.spec.ts):
 * the production build (no mock in the page) served by a relay, a private Redis, the HTTP mock
 * upstream in its own process (real signed callbacks) and the local identity provider. A relay
 * instance can be stopped and started again on its address, and more instances can join on the
 * same Redis — as behind a load balancer.
 */
export type RelayInstance = {
  origin: string
  config: RelayConfig
  relay: Relay
  /** Graceful stop (open event streams are told to reconnect), then the address is free. */
  stop: () => Promise<void>
  /** A new relay process (as after a restart) on the same address, Redis and settings. */
  restart: () => Promise<void>
}

export type RelayChain = {
  /** The first instance, the one the journeys open the app on. */
  main: RelayInstance
  redis: TestRedis
  idp: IdentityProvider
  /** Every log line of every instance. */
  logs: LogCapture
  /** Another instance on its own port, same Redis and identity provider. */
  addInstance: () => Promise<RelayInstance>
  close(): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = address !== null && typeof address !== 'string' ? address.port : 0
      server.close(() => {
        resolve(port)
      })
    })
  })
}

export async function startRelayChain(): Promise<RelayChain> {
  const logs = new LogCapture()
  const firstPort = await freePort()
  const firstOrigin = `http://127.0.0.1:${firstPort}`
  const dir = buildBundle('build:production', {
    VITE_API_ORIGIN: firstOrigin,
    VITE_ENABLE_MOCK: '',
  })
  const redis = await startRedis()
  // The HTTP mock upstream in its own process (it needs tsx to load the mock's modules).
  const upstreamPort = await freePort()
  const upstream: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/mock-upstream/main.ts'],
    {
      env: { ...process.env, MOCK_UPSTREAM_PORT: String(upstreamPort), MOCK_LATENCY_MS: '5000' },
      stdio: 'ignore',
    },
  )
  const upstreamUrl = `http://127.0.0.1:${upstreamPort}`
  await expect
    .poll(
      () =>
        fetch(upstreamUrl).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0)
  const idp = await startIdentityProvider()

  function configFor(port: number): RelayConfig {
    const env: Record<string, string> = {
      RELAY_OIDC_ISSUER: idp.issuer,
      RELAY_OIDC_CLIENT_ID: idp.clientId,
      RELAY_OIDC_CLIENT_SECRET: idp.clientSecret,
      RELAY_OIDC_SCOPES: 'openid profile email groups',
      RELAY_ACCESS_RULES: DEMO_ACCESS_RULES,
      RELAY_UPSTREAM_ORIGIN: upstreamUrl,
      RELAY_PUBLIC_URL: `http://127.0.0.1:${port}`,
      RELAY_PORT: String(port),
      RELAY_REGIONS: REGIONS.map((region) => region.id).join(','),
      RELAY_DEFAULT_REGION: 'utrecht',
      RELAY_REDIS_URL: redis.url,
      RELAY_SESSION_SECRET: 'e2e-only-session-secret-0123456789abcdef',
      RELAY_STATIC_DIR: dir,
    }
    for (const region of REGIONS) {
      env[`RELAY_REGION_${region.id.toUpperCase()}_API_KEY`] = region.apiKey
      env[`RELAY_REGION_${region.id.toUpperCase()}_CALLBACK_SECRET`] = region.signingSecret
      env[`RELAY_REGION_${region.id.toUpperCase()}_NAME`] = region.name
    }
    return loadConfig(env)
  }

  const instances: RelayInstance[] = []
  async function instanceOn(port: number): Promise<RelayInstance> {
    const config = configFor(port)
    let running: Relay | null = null
    const start = async () => {
      const relay = await buildRelay(config, { logStream: logs })
      await relay.app.listen({ host: '127.0.0.1', port })
      running = relay
      return relay
    }
    const instance: RelayInstance = {
      origin: `http://127.0.0.1:${port}`,
      config,
      relay: await start(),
      async stop() {
        const relay = running
        running = null
        await relay?.close()
      },
      async restart() {
        await instance.stop()
        instance.relay = await start()
      },
    }
    instances.push(instance)
    return instance
  }

  const main = await instanceOn(firstPort)
  return {
    main,
    redis,
    idp,
    logs,
    addInstance: async () => instanceOn(await freePort()),
    async close() {
      for (const instance of instances) await instance.stop()
      await idp.close()
      upstream.kill('SIGTERM')
      await redis.stop()
      removeBundle(dir)
    },
  }
}

/** The cookies a signed-in page holds for `origin`, as a Cookie header for the test's reads. */
export async function cookieOf(page: Page, origin: string): Promise<string> {
  return (await page.context().cookies(origin))
    .map((entry) => `${entry.name}=${entry.value}`)
    .join('; ')
}

/** The identity provider's development login form (any password). */
export async function fillIdpLogin(page: Page, login: string): Promise<void> {
  await page.getByPlaceholder('Enter any login').fill(login)
  await page.getByPlaceholder('and password').fill('any')
  await page.getByRole('button', { name: /sign-in/i }).click()
}

/**
 * What a counsellor does: open the app on the relay. The app finds the relay by itself (relay
 * mode, nothing to configure), is told nobody is signed in, and sends the browser to the local
 * identity provider; then it is back on the list. Returns the cookies for the test's own reads.
 */
export async function signInAtRelay(page: Page, origin: string, login = 'anna'): Promise<string> {
  await page.goto(`${origin}/candidates`)
  await fillIdpLogin(page, login)
  await expect(page).toHaveURL(`${origin}/candidates`)
  await expect(
    page.getByRole('list', { name: 'Candidates' }).getByRole('link').first(),
  ).toBeVisible()
  return cookieOf(page, origin)
}

/** A candidate whose timeline already has cards (read through the relay, like the page does). */
export async function candidateWithInteractions(origin: string, cookie: string): Promise<string> {
  const headers = { cookie }
  const list = (await (
    await fetch(`${origin}/api/v2/candidates?pageSize=25`, { headers })
  ).json()) as {
    data: { id: string }[]
  }
  for (const { id } of list.data) {
    const interactions = (await (
      await fetch(`${origin}/api/v2/candidates/${id}/interactions`, { headers })
    ).json()) as { data: unknown[] }
    if (interactions.data.length > 0) return id
  }
  throw new Error('no candidate with interactions')
}
