import { createServer, type Server } from 'node:http'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { recordConsole } from './page-mock.test-helpers'

const SECRET = 'qa-Secret-7fK2-never-log-me'

async function chooseUpstream(page: Page, address: string, key: string) {
  await page.goto('/settings')
  await page.getByRole('radio', { name: /Onderwijsregio API/ }).check()
  await page.getByRole('textbox', { name: 'API address' }).fill(address)
  await page.getByLabel(/^API key/).fill(key)
}

async function everythingStored(page: Page): Promise<{ local: string; session: string }> {
  return page.evaluate(() => {
    const dump = (storage: Storage) =>
      Object.keys(storage)
        .map((key) => `${key}=${storage.getItem(key) ?? ''}`)
        .join('\n')
    return { local: dump(window.localStorage), session: dump(window.sessionStorage) }
  })
}

test('an API key entered in the settings never reaches localStorage, a URL or the console', async ({
  page,
  baseURL,
}) => {
  const consoleLines = recordConsole(page)
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  page.on('framenavigated', (frame) => urls.push(frame.url()))

  // The app's own origin, where the mock answers like a relay would: a wrong key is a 401.
  await chooseUpstream(page, baseURL ?? '', SECRET)
  await page.getByRole('textbox', { name: 'Region' }).fill('Testregio')
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong API key' })).toContainText(
    'refused the key (status 401)',
  )
  await page.getByRole('button', { name: 'Save and connect' }).click()
  await expect(page.getByText(/^Saved\. The app now uses/)).toBeVisible()
  await page.getByRole('link', { name: 'Candidate Timeline' }).click()
  await expect(page.getByText('API key not accepted')).toBeVisible()
  await page.reload() // the key comes back from sessionStorage, and is used again
  await expect(page.getByText('API key not accepted')).toBeVisible()

  const stored = await everythingStored(page)
  expect(stored.session).toContain(SECRET) // kept for this tab only, by design
  expect(stored.local).not.toContain(SECRET)
  expect(page.url()).not.toContain(SECRET)
  expect(urls.filter((url) => url.includes(SECRET))).toEqual([])
  expect(consoleLines.filter((line) => line.includes(SECRET))).toEqual([])
})

test('a working key of the wrong region is called out, and the right region connects', async ({
  page,
  baseURL,
}) => {
  await chooseUpstream(page, baseURL ?? '', 'demo-rijnmond')
  await page.getByRole('textbox', { name: 'Region' }).fill('Onderwijsregio Utrecht')
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'it opens Onderwijsregio Rijnmond, not Onderwijsregio Utrecht',
  )

  await page.getByRole('textbox', { name: 'Region' }).fill('Onderwijsregio Rijnmond')
  await expect(page.getByRole('alert')).toContainText('The connection works')
  await page.getByRole('button', { name: 'Save and connect' }).click()
  const host = new URL(baseURL ?? '').host
  await expect(page.getByRole('banner')).toContainText(`Onderwijsregio Rijnmond (${host})`)
  // A real connection: no QA panel, and the data comes through the upstream path.
  await expect(page.getByRole('button', { name: 'QA panel' })).toHaveCount(0)
  await page.getByRole('link', { name: 'Candidate Timeline' }).click()
  await expect(
    page.getByRole('list', { name: 'Candidates' }).getByRole('link').first(),
  ).toBeVisible()
})

test('an address where nothing listens is explained as unreachable', async ({ page }) => {
  await chooseUpstream(page, 'http://127.0.0.1:9', 'any-key')
  await page.getByRole('button', { name: 'Test connection' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Cannot reach the server', { timeout: 15_000 })
  await expect(alert).toContainText('Nothing answered at http://127.0.0.1:9')
  await expect(alert).toContainText('CORS may still be the cause')

  await page.getByText('What was tested').click()
  await expect(alert).toContainText('GET http://127.0.0.1:9/api/v2/schema')
  await expect(alert).not.toContainText('any-key')
  const scan = await new AxeBuilder({ page }).analyze()
  expect(scan.violations).toEqual([])
})

test('a server that answers without CORS headers is explained as blocked by the browser', async ({
  page,
}) => {
  // A stand-in API that knows nothing about CORS: it answers, but never allows this page.
  const server: Server = createServer((request, response) => {
    response.writeHead(request.method === 'OPTIONS' ? 204 : 200, {
      'content-type': 'application/json',
    })
    response.end(JSON.stringify({ statusCode: 200, message: 'ok', data: {}, meta: {} }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  const { port } = address
  try {
    await chooseUpstream(page, `http://127.0.0.1:${port}`, 'any-key')
    await page.getByRole('button', { name: 'Test connection' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Blocked by the browser (CORS)')
    await expect(alert).toContainText('The relay server solves this')
    await expect(alert).toContainText('our best reading')
  } finally {
    server.close()
  }
})

test('the settings page passes an accessibility scan, in Dutch too', async ({ page }) => {
  await page.goto('/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  await page.getByRole('radio', { name: /Onderwijsregio API/ }).check()
  await page.getByRole('button', { name: 'Save and connect' }).click()
  await expect(page.getByText('Enter the API key.')).toBeVisible()
  await page.getByRole('radio', { name: 'Nederlands' }).check()
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible()
  await page.getByRole('radio', { name: 'Donker' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-mui-color-scheme', 'dark')
  // MUI's buttons fade to the new scheme's colours over 250 ms. Axe reads colours once, so a scan
  // started within the fade reads a colour between the schemes (the app bar's EN/NL buttons at
  // 3.85:1 on a loaded machine). The scan is of the page as it settles.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        // A transition cancelled by another change rejects; the one after it is in the list too.
        .map((transition) => transition.finished.catch(() => undefined)),
    ),
  )
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})
