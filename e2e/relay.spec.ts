import { expect, test, type Page } from '@playwright/test'
import { DEMO_REGIONS } from '@/config/demo-regions'
import type { Relay } from '../server/src/app'
import { configuredSecrets, type RelayConfig } from '../server/src/config'
import { eventsKey } from '../server/src/keys'
import {
  en,
  fillLogDialog,
  isInteractionsPath,
  logInteraction,
  recordApiRequests,
  syncIndicator,
  type SeenRequest,
} from './journal.test-helpers'
import {
  candidateWithInteractions as firstCandidateWithInteractions,
  signInAtRelay as signInAt,
  startRelayChain,
  type RelayChain,
} from './relay-chain.test-helpers'

/**
 * The whole chain over real HTTP in Chromium: browser → relay → HTTP mock upstream → signed
 * callback → relay → Redis → SSE → browser. The relay serves the production build (no mock in
 * the page) and holds the region's key; the browser's key field gets a throwaway value.
 * The chain itself is started by relay-chain.test-helpers.ts (shared with relay-live.spec.ts).
 */
let chain: RelayChain | null = null
let relay: Relay | null = null
let config: RelayConfig | null = null
let origin = ''
/** The signed-in counsellor's cookies, for the requests this test makes itself. */
let cookie = ''
/** Every log line the relay wrote. */
const logLines = (): string[] => chain?.logs.lines ?? []

/** A candidate whose timeline already has cards (read through the relay, like the page does). */
function candidateWithInteractions(): Promise<string> {
  return firstCandidateWithInteractions(origin, cookie)
}

/** Signs `login` in through the app and the identity provider; keeps the cookie for reads. */
async function signInAtRelay(page: Page, login = 'anna'): Promise<void> {
  cookie = await signInAt(page, origin, login)
}

test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  test.setTimeout(240_000)
  chain = await startRelayChain()
  relay = chain.main.relay
  config = chain.main.config
  origin = chain.main.origin
})
test.afterAll(async () => {
  await chain?.close()
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
  for (const line of logLines()) for (const secret of secrets) expect(line).not.toContain(secret)
  // Nor the session cookie (signed in at the identity provider in this run).
  const sessionValue = cookie.split('; ').find((part) => part.startsWith('ct_session='))
  expect(sessionValue).toBeTruthy()
  for (const line of logLines()) expect(line).not.toContain(sessionValue?.split('=')[1] ?? '')
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

/** The outcomes' idempotency keys in the relay's stream of one scope. */
async function streamedKeys(environment: 'production' | 'sandbox'): Promise<string[]> {
  if (!relay) throw new Error('not started')
  const entries = await relay.redis.xrange(eventsKey({ region: 'utrecht', environment }), '-', '+')
  return entries
    .map(([, fields]) => {
      const at = fields.indexOf('outcome')
      const raw = at >= 0 ? fields[at + 1] : fields[1]
      try {
        return (JSON.parse(raw ?? '{}') as { idempotencyKey?: string }).idempotencyKey ?? ''
      } catch {
        return ''
      }
    })
    .filter((key) => key !== '')
}

const writeKeys = (seen: SeenRequest[], method: string) =>
  seen.filter((r) => r.method === method && r.key !== null).map((r) => r.key ?? '')

test('edit and delete through the relay are confirmed by their callbacks', async ({ page }) => {
  test.setTimeout(120_000)
  await signInAtRelay(page)
  await page.goto(`${origin}/candidates/${await candidateWithInteractions()}`)
  const feed = page.getByRole('feed', { name: en.feed })
  const summary = `Edit and delete via the relay ${Date.now().toString(36)}`
  await logInteraction(page, en, summary)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).not.toContainText(en.pending, { timeout: 30_000 })

  const seen = recordApiRequests(page)
  await card.getByRole('button', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit interaction' })
  await dialog.getByRole('textbox', { name: 'Notes' }).fill('Edited through the relay')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(card).toContainText('Edited through the relay')
  await expect(card).not.toContainText(en.pending, { timeout: 30_000 })
  const [editKey] = writeKeys(seen, 'PATCH')
  expect(editKey).toBeTruthy()
  expect(await streamedKeys('production')).toContain(editKey)

  await card.getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete this interaction?' })
  await confirm.getByRole('button', { name: 'Delete permanently' }).click()
  await expect(confirm).toBeHidden()
  await expect(feed.getByRole('article', { name: summary })).toHaveCount(0, { timeout: 30_000 })
  const [deleteKey] = writeKeys(seen, 'DELETE')
  expect(deleteKey).toBeTruthy()
  await expect.poll(() => streamedKeys('production')).toContain(deleteKey)
  await expect(syncIndicator(page)).toHaveAccessibleName(en.syncStatus(en.allSaved))
})

test('a sandbox write through the relay reaches only the sandbox', async ({ page }) => {
  test.setTimeout(120_000)
  await signInAtRelay(page)
  await page.getByRole('banner').getByRole('switch', { name: 'Sandbox' }).click()
  await expect(page).toHaveURL(/sandbox=1/)
  await page.getByRole('list', { name: 'Candidates' }).getByRole('link').first().click()
  const feed = page.getByRole('feed', { name: en.feed })
  await expect(feed.or(page.getByText('No interactions yet'))).toBeVisible()
  const seen = recordApiRequests(page)
  const summary = `Sandbox via the relay ${Date.now().toString(36)}`
  await logInteraction(page, en, summary)
  await expect(feed.getByRole('article', { name: summary })).not.toContainText(en.pending, {
    timeout: 30_000,
  })
  const [key] = writeKeys(seen, 'POST')
  expect(key).toBeTruthy()
  expect(await streamedKeys('sandbox')).toContain(key)
  expect(await streamedKeys('production')).not.toContain(key)
})

test('a session that ends mid-work: sign in again, come back, and the change goes out once with its key', async ({
  page,
}) => {
  test.setTimeout(150_000)
  if (!relay) throw new Error('not started')
  await signInAtRelay(page)
  const candidateId = await candidateWithInteractions()
  await page.goto(`${origin}/candidates/${candidateId}`)
  const feed = page.getByRole('feed', { name: en.feed })
  await expect(feed.getByRole('article').first()).toBeVisible()
  const seen = recordApiRequests(page)

  const summary = `Kept across sign-in ${Date.now().toString(36)}`
  const { dialog, submit } = await fillLogDialog(page, en, summary)
  // The session ends while the counsellor types (expired, or signed out in another tab).
  const sessions = await relay.redis.keys('session:*')
  expect(sessions.length).toBeGreaterThan(0)
  await relay.redis.del(...sessions)
  await submit.click()

  const ended = page.getByRole('alertdialog', { name: 'Your sign-in has ended' })
  await expect(ended).toBeVisible()
  await expect(dialog).toBeHidden()
  await ended.getByRole('button', { name: 'Sign in again' }).click()
  // The identity provider still knows Anna (single sign-on), so it sends her straight back
  // with a fresh relay session, to the page she was on.
  const { redis } = relay
  await expect.poll(async () => (await redis.keys('session:*')).length).toBeGreaterThan(0)
  await expect(page).toHaveURL(`${origin}/candidates/${candidateId}`)

  // Back on the same page: the change is there, goes out, and is confirmed — once.
  const card = page.getByRole('feed', { name: en.feed }).getByRole('article', { name: summary })
  await expect(card).toBeVisible()
  await expect(card).not.toContainText(en.pending, { timeout: 30_000 })
  const posts = writeKeys(seen, 'POST')
  expect(posts.length).toBeGreaterThanOrEqual(2) // refused while signed out, then sent
  expect(new Set(posts).size).toBe(1) // always under the same key
  cookie = (await page.context().cookies(origin))
    .map((entry) => `${entry.name}=${entry.value}`)
    .join('; ')
  const records = (await (
    await fetch(`${origin}/api/v2/candidates/${candidateId}/interactions`, { headers: { cookie } })
  ).json()) as { data: { summary?: string }[] }
  expect(records.data.filter((record) => record.summary === summary)).toHaveLength(1)
})

test('a Rijnmond counsellor without sandbox rights is offered only Rijnmond, and the relay refuses the rest', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signInAtRelay(page, 'ravi')
  const banner = page.getByRole('banner')
  await expect(banner.getByRole('switch', { name: 'Sandbox' })).toHaveCount(0)
  await banner.getByRole('button', { name: /^Account: Ravi Bakker/ }).click()
  const regions = page.getByRole('menuitemradio')
  await expect(regions).toHaveCount(1)
  await expect(regions.first()).toContainText('Rijnmond')
  await page.keyboard.press('Escape')

  // Asked directly, from the counsellor's own signed-in browser, the relay says no.
  const statuses = await page.evaluate(async () => {
    const ask = async (path: string, headers: Record<string, string>) => {
      const response = await fetch(path, { headers })
      const body = (await response.json()) as { error?: unknown }
      return `${response.status} ${typeof body.error === 'string' ? body.error : '?'}`
    }
    return [
      await ask('/api/v2/candidates', { 'x-relay-region': 'utrecht' }),
      await ask('/api/sandbox/candidates', { 'x-relay-region': 'rijnmond' }),
      await ask('/api/v2/candidates', { 'x-relay-region': 'rijnmond', 'x-api-sandbox': 'true' }),
    ]
  })
  expect(statuses).toEqual([
    '403 forbidden_region',
    '403 forbidden_environment',
    '403 forbidden_environment',
  ])
})

test('signing out ends the session at the relay; the app then asks to sign in', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signInAtRelay(page, 'bram')
  const signedIn = cookie
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Account: Bram Jansen/ })
    .click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  // The relay's session is gone at once; the identity provider asks whether to end its own too.
  await page.getByRole('button', { name: 'Yes, sign me out' }).click()
  await expect(page).toHaveURL(new RegExp(`^${origin}/`))
  // The old cookie is worth nothing now, on this relay and (same Redis) on any other.
  const after = await fetch(`${origin}/api/v2/candidates`, { headers: { cookie: signedIn } })
  expect(after.status).toBe(401)
  // Just signed out, the app does not bounce back to the identity provider by itself: it says
  // so and offers sign-in, and names no region.
  await page.goto(`${origin}/candidates`)
  await expect(page.getByText('You are not signed in.')).toBeVisible()
  await expect(page.getByTestId('region-in-use')).toHaveCount(0)
  await page.getByRole('banner').getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByPlaceholder('Enter any login')).toBeVisible()
})
