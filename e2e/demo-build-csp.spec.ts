import { createServer, type Server } from 'node:http'
import { expect, test } from '@playwright/test'
import { recordConsole } from './page-mock.test-helpers'
import { buildBundle, removeBundle, serveStatic, type StaticHost } from './demo-build.test-helpers'

/**
 * The production bundle (no mock) under its Content-Security-Policy, in a real browser: the app
 * shell renders without a single policy violation, the settings refuse an origin the policy
 * does not allow, and the configured API origin can be reached.
 */
let dir = ''
let host: StaticHost | null = null
let api: Server | null = null
let apiOrigin = ''

test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  test.setTimeout(180_000)
  // A stand-in for the upstream that allows this page (CORS) and refuses every key.
  api = createServer((request, response) => {
    const cors = {
      'access-control-allow-origin': request.headers.origin ?? '*',
      'access-control-allow-headers': 'x-api-key, x-api-sandbox, content-type, accept',
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end()
      return
    }
    response.writeHead(401, { ...cors, 'content-type': 'application/json' })
    response.end(
      JSON.stringify({
        statusCode: 401,
        message: 'Unknown API key.',
        error: { code: 'unauthorized' },
      }),
    )
  })
  await new Promise<void>((resolve) => api?.listen(0, '127.0.0.1', resolve))
  const address = api.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  apiOrigin = `http://127.0.0.1:${address.port}`
  dir = buildBundle('build:production', { VITE_API_ORIGIN: apiOrigin, VITE_ENABLE_MOCK: '' })
  host = await serveStatic(dir, '/', 'spa')
})
test.afterAll(async () => {
  await host?.close()
  api?.close()
  removeBundle(dir)
})

test('the production build runs under its CSP and connects only where it is allowed to', async ({
  page,
}) => {
  if (!host) throw new Error('no host')
  const lines = recordConsole(page)
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      )
    })
  })
  await page.goto(`${host.origin}/candidates`)
  await expect(page.getByText('Not connected yet')).toBeVisible()
  await expect(page.getByRole('button', { name: 'QA panel' })).toHaveCount(0)
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull()

  await page.getByRole('link', { name: 'Open the settings' }).click()
  await expect(page.getByRole('radio', { name: /Built-in demo backend/ })).toBeDisabled()
  const address = page.getByRole('textbox', { name: 'API address' })
  await expect(address).toHaveValue(apiOrigin)

  // Somewhere the policy does not allow: refused before any request is made.
  await address.fill('https://elsewhere.example')
  await page.getByLabel(/^API key/).fill('a-key')
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/This build may only connect to/)).toBeVisible()

  // The configured origin is allowed: the stand-in's 401 comes through and is explained.
  await address.fill(apiOrigin)
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByRole('alert')).toContainText('Wrong API key')

  expect(lines.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([])
  const violations = await page.evaluate(() => {
    const seen: unknown = Reflect.get(window, '__cspViolations')
    return Array.isArray(seen) ? seen.map(String) : ['(the listener did not run)']
  })
  expect(violations).toEqual([])
})
