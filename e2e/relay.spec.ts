import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_REGIONS } from '@/config/demo-regions'
import { REGIONS } from '@/mocks/regions'
import {
  DEMO_ACCESS_RULES,
  startIdentityProvider,
  type IdentityProvider,
} from '../server/idp/provider'
import { buildRelay, type Relay } from '../server/src/app'
import { configuredSecrets, loadConfig, type RelayConfig } from '../server/src/config'
import { eventsKey } from '../server/src/keys'
import { LogCapture, startRedis, type TestRedis } from '../server/test/kit'
import { buildBundle, removeBundle } from './demo-build-kit'
import {
  en,
  isInteractionsPath,
  logInteraction,
  recordApiRequests,
  syncIndicator,
} from './journal-kit'

/**
 * The whole chain over real HTTP in Chromium: browser → relay → HTTP mock upstream → signed
 * callback → relay → Redis → SSE → browser. The relay serves the production build (no mock in
 * the page) and holds the region's key; the browser's key field gets a throwaway value.
 */
let dir = ''
let redis: TestRedis | null = null
let upstream: ChildProcess | null = null
let relay: Relay | null = null
let config: RelayConfig | null = null
let idp: IdentityProvider | null = null
let origin = ''
/** The signed-in counsellor's cookies, for the requests this test makes itself. */
let cookie = ''
const logs = new LogCapture()

function freePort(): Promise<number> {
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

/** A candidate whose timeline already has cards (read through the relay, like the page does). */
async function candidateWithInteractions(): Promise<string> {
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

/**
 * What a counsellor does: open the app on the relay. The app finds the relay by itself (relay
 * mode, nothing to configure), is told nobody is signed in, and sends the browser to the local
 * identity provider, whose development form takes any password; then it is back on the list.
 * Keeps the session cookie for the test's own reads.
 */
async function signInAtRelay(page: Page, login = 'anna'): Promise<void> {
  await page.goto(`${origin}/candidates`)
  await page.getByPlaceholder('Enter any login').fill(login)
  await page.getByPlaceholder('and password').fill('any')
  await page.getByRole('button', { name: /sign-in/i }).click()
  await expect(page).toHaveURL(`${origin}/candidates`)
  await expect(
    page.getByRole('list', { name: 'Candidates' }).getByRole('link').first(),
  ).toBeVisible()
  cookie = (await page.context().cookies(origin))
    .map((entry) => `${entry.name}=${entry.value}`)
    .join('; ')
}

test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  test.setTimeout(240_000)
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  dir = buildBundle('build:production', { VITE_API_ORIGIN: origin, VITE_ENABLE_MOCK: '' })
  redis = await startRedis()
  // The HTTP mock upstream in its own process (it needs tsx to load the mock's modules).
  const upstreamPort = await freePort()
  upstream = spawn(process.execPath, ['--import', 'tsx', 'server/mock-upstream/main.ts'], {
    env: { ...process.env, MOCK_UPSTREAM_PORT: String(upstreamPort), MOCK_LATENCY_MS: '5000' },
    stdio: 'ignore',
  })
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
  idp = await startIdentityProvider()
  const env: Record<string, string> = {
    RELAY_OIDC_ISSUER: idp.issuer,
    RELAY_OIDC_CLIENT_ID: idp.clientId,
    RELAY_OIDC_CLIENT_SECRET: idp.clientSecret,
    RELAY_OIDC_SCOPES: 'openid profile email groups',
    RELAY_ACCESS_RULES: DEMO_ACCESS_RULES,
    RELAY_UPSTREAM_ORIGIN: upstreamUrl,
    RELAY_PUBLIC_URL: origin,
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
  }
  config = loadConfig(env)
  relay = await buildRelay(config, { logStream: logs })
  await relay.app.listen({ host: '127.0.0.1', port })
})
test.afterAll(async () => {
  await relay?.close()
  await idp?.close()
  upstream?.kill('SIGTERM')
  await redis?.stop()
  removeBundle(dir)
})

test('a write through the relay is confirmed by the signed callback over /events, and no key reaches the browser', async ({
  page,
}) => {
  test.setTimeout(120_000)
  if (!relay || !config) throw new Error('not started')
  const answers: string[] = []
  page.on('response', async (response) => {
    if (!response.url().startsWith(origin)) return
    const headers = JSON.stringify(await response.allHeaders())
    const isStream = (response.headers()['content-type'] ?? '').includes('event-stream')
    const body = isStream ? '' : await response.text().catch(() => '')
    answers.push(`${headers}\n${body}`)
  })

  await signInAtRelay(page)
  await page.goto(`${origin}/candidates/${await candidateWithInteractions()}`)
  const feed = page.getByRole('feed', { name: en.feed })
  await expect(feed.getByRole('article').first()).toBeVisible()

  const seen = recordApiRequests(page)
  const summary = `Through the relay ${Date.now().toString(36)}`
  await logInteraction(page, en, summary)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(en.pendingNew)
  // The engine runs after 5 s and POSTs its signed callback to the relay, which pushes it.
  await expect(card).not.toContainText(en.pending)
  await expect(syncIndicator(page)).toHaveAccessibleName(en.syncStatus(en.allSaved))

  // The callback did it, not polling: its outcome is in the relay's stream for Utrecht, and
  // after the submit the page read the interactions once (the outcome's invalidation).
  const key = seen.find((r) => r.method === 'POST' && isInteractionsPath(r.path))?.key
  expect(key).toBeTruthy()
  const entries = await relay.redis.xrange(
    eventsKey({ region: 'utrecht', environment: 'production' }),
    '-',
    '+',
  )
  expect(
    entries
      .map(([, fields]) => JSON.parse(fields[1] ?? '{}') as { idempotencyKey?: string })
      .map((o) => o.idempotencyKey),
  ).toContain(key)
  const submitAt = seen.find((r) => r.method === 'POST' && isInteractionsPath(r.path))?.at ?? 0
  const reads = seen.filter(
    (r) => r.method === 'GET' && isInteractionsPath(r.path) && r.at >= submitAt,
  )
  expect(reads).toHaveLength(1)

  // Nothing the relay answered carries a configured key or secret; nor does any log line.
  expect(answers.length).toBeGreaterThan(5)
  // The mock's API keys are public demo keys the app itself ships (src/config/demo-regions.ts),
  // so they are left out here; the relay's own test (server/test/chain.test.ts) scans private ones.
  const publicKeys: string[] = DEMO_REGIONS.map((region) => region.key)
  const secrets = configuredSecrets(config).filter((secret) => !publicKeys.includes(secret))
  expect(secrets.length).toBeGreaterThanOrEqual(3)
  for (const answer of answers) for (const secret of secrets) expect(answer).not.toContain(secret)
  for (const line of logs.lines) for (const secret of secrets) expect(line).not.toContain(secret)
  // Nor the session cookie (signed in at the identity provider in this run).
  const sessionValue = cookie.split('; ').find((part) => part.startsWith('ct_session='))
  expect(sessionValue).toBeTruthy()
  for (const line of logs.lines) expect(line).not.toContain(sessionValue?.split('=')[1] ?? '')
})

test('a second browser on the same candidate sees the first one’s change appear live, marked new', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  // Two browsers: nothing shared but the relay (separate storage, journals and streams).
  const first = await browser.newContext()
  const second = await browser.newContext()
  try {
    const writer = await first.newPage()
    const reader = await second.newPage()
    // Two colleagues of the same region, each signed in at the identity provider.
    await signInAtRelay(writer, 'bram')
    await signInAtRelay(reader, 'anna')
    const candidateId = await candidateWithInteractions()
    const readerStream = reader.waitForRequest((request) => request.url().includes('/events'))
    await reader.goto(`${origin}/candidates/${candidateId}`)
    await writer.goto(`${origin}/candidates/${candidateId}`)
    const readerFeed = reader.getByRole('feed', { name: en.feed })
    await expect(readerFeed.getByRole('article').first()).toBeVisible()
    await expect(
      writer.getByRole('feed', { name: en.feed }).getByRole('article').first(),
    ).toBeVisible()
    await readerStream

    const summary = `A colleague through the relay ${Date.now().toString(36)}`
    await logInteraction(writer, en, summary)
    // The engine runs after 5 s; its callback reaches both browsers through the relay's stream.
    const card = readerFeed.getByRole('article', { name: summary })
    await expect(card).toBeVisible({ timeout: 30_000 })
    await expect(card.getByText('New', { exact: true })).toBeVisible()
    await expect(reader.getByRole('status').filter({ hasText: 'A colleague logged' })).toBeVisible()
    // Who did it, from the relay's audit trail: the writer's name, not the reader's.
    await expect(card).toContainText('logged by Bram Jansen')
    // The writer's own card is its own: confirmed, not marked as a colleague's.
    const own = writer.getByRole('feed', { name: en.feed }).getByRole('article', { name: summary })
    await expect(own).not.toContainText(en.pending)
    await expect(own.getByText('New', { exact: true })).toHaveCount(0)
  } finally {
    await first.close()
    await second.close()
  }
})
