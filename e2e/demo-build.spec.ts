import { expect, test } from '@playwright/test'
import { buildBundle, removeBundle, serveStatic, type StaticHost } from './demo-build.test-helpers'

// `npm run build:demo` under a sub-path, served by a plain static host; nothing of the e2e build.
const BASE = '/demo/sub/'
let dir = ''
const hosts: StaticHost[] = []

test.describe.configure({ mode: 'serial' })
test.beforeAll(() => {
  test.setTimeout(180_000)
  dir = buildBundle('build:demo', { DEMO_BASE: BASE })
})
test.afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()))
  removeBundle(dir)
})

test('the demo runs on the mock under a sub-path; deep links and reloads work', async ({
  page,
}) => {
  const host = await serveStatic(dir, BASE, 'spa')
  hosts.push(host)

  await page.goto(`${host.origin}${BASE}`)
  await expect(page).toHaveURL(`${host.origin}${BASE}candidates`)
  const first = page.getByRole('list', { name: 'Candidates' }).getByRole('link').first()
  await expect(first).toBeVisible()
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
    `${host.origin}${BASE}mockServiceWorker.js`,
  )

  await first.click()
  await expect(page).toHaveURL(new RegExp(`${BASE}candidates/rec\\w+$`))
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Loading/)
  const heading = await page.getByRole('heading', { level: 1 }).textContent()
  const deepLink = page.url()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading ?? '')

  // A fresh visitor following the deep link (no service worker yet) and a sandbox link.
  const visitor = await page.context().browser()?.newPage()
  if (!visitor) throw new Error('no browser')
  await visitor.goto(deepLink)
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(heading ?? '')
  await visitor.goto(`${host.origin}${BASE}settings?sandbox=1`)
  await expect(visitor.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(visitor.getByRole('region', { name: 'Sandbox notice' })).toBeVisible()
  await visitor.getByRole('link', { name: 'Candidate Timeline' }).click()
  await expect(visitor).toHaveURL(`${host.origin}${BASE}candidates?sandbox=1`)
  await visitor.close()
})

test('on a host without an SPA fallback, the shipped 404.html keeps deep links working', async ({
  page,
}) => {
  const host = await serveStatic(dir, BASE, '404.html')
  hosts.push(host)
  await page.goto(`${host.origin}${BASE}candidates`)
  const first = page.getByRole('list', { name: 'Candidates' }).getByRole('link').first()
  await first.click()
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).not.toHaveText(/Loading/)
  const name = await heading.textContent()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '')
})
