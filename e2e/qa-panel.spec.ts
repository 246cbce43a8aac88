import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mockIn } from './mock-control.test-helpers'
import {
  candidatePayload,
  engineIdle,
  interactionPayload,
  writeInPage,
} from './page-mock.test-helpers'

async function openPanel(page: Page) {
  await page.getByRole('button', { name: 'QA panel' }).click()
  return page.getByRole('dialog', { name: 'QA panel' })
}

function scenario(page: Page) {
  return page.evaluate(() => window.__candidateTimelineMock?.getScenario())
}

test('every setting lands in the URL, and the copied link reproduces the scenario', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/candidates')
  const panel = await openPanel(page)

  await panel.getByRole('spinbutton', { name: 'Engine latency (ms)' }).fill('3000')
  await panel.getByRole('slider', { name: /Failure rate/ }).press('End')
  await panel.getByRole('switch', { name: 'Events stream (/events)' }).click()
  await panel.getByRole('radio', { name: /Rate limit/ }).check()
  await expect(page).toHaveURL(
    /mock\.latency=3000.*mock\.failureRate=1.*mock\.events=off.*mock\.readErrors=burst%3A5/,
  )

  await panel.getByRole('button', { name: 'Copy link to this scenario' }).click()
  await expect(panel.getByText('Link copied.')).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toBe(page.url())

  const fresh = await context.newPage()
  await fresh.goto(link)
  const freshPanel = await openPanel(fresh)
  await expect(freshPanel.getByRole('spinbutton', { name: 'Engine latency (ms)' })).toHaveValue(
    '3000',
  )
  await expect(
    freshPanel.getByRole('switch', { name: 'Events stream (/events)' }),
  ).not.toBeChecked()
  await expect(freshPanel.getByRole('radio', { name: /Rate limit/ })).toBeChecked()
  expect(await scenario(fresh)).toMatchObject({
    latencyMs: 3000,
    failureRate: 1,
    eventsEnabled: false,
    readErrors: { mode: 'burst', perSecond: 5 },
  })
  await fresh.close()

  await panel.getByRole('button', { name: 'Back to the demo defaults' }).click()
  await expect(page).toHaveURL(/\/candidates$/)
})

test('a stuck queue holds a write until released; events off answers 503', async ({ page }) => {
  await page.goto('/candidates?mock.latency=0')
  const [person] = await mockIn(page).candidates()
  if (!person) throw new Error('the seed has candidates')
  const panel = await openPanel(page)
  await panel.getByRole('switch', { name: 'Stuck queue' }).click()
  await expect(page).toHaveURL(/mock\.stuck=1/)

  const write = await writeInPage(page, {
    method: 'POST',
    path: `/candidates/${person.id}/interactions`,
    body: [interactionPayload({ summary: 'held by the stuck queue' })],
  })
  expect(write).toMatchObject({ status: 202 })
  await expect(panel.getByText('1 write waiting in the queue.')).toBeVisible()
  await page.waitForTimeout(1000)
  expect(await page.evaluate(() => window.__candidateTimelineMock?.queued().length)).toBe(1)

  await panel.getByRole('switch', { name: 'Stuck queue' }).click()
  await engineIdle(page)
  await expect(panel.getByText('0 writes waiting in the queue.')).toBeVisible()
  expect(
    (await mockIn(page).interactions(person.id)).some(
      (i) => i.summary === 'held by the stuck queue',
    ),
  ).toBe(true)

  await panel.getByRole('switch', { name: 'Events stream (/events)' }).click()
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/v2/events', {
      headers: { 'x-api-key': 'demo-utrecht', accept: 'text/event-stream' },
    })
    return response.status
  })
  expect(status).toBe(503)
})

test('the next write can lose its response; the write itself is still queued', async ({ page }) => {
  await page.goto('/candidates?mock.latency=0')
  const [person] = await mockIn(page).candidates()
  if (!person) throw new Error('the seed has candidates')
  const panel = await openPanel(page)
  const drop = panel.getByRole('switch', { name: 'Lose the response of the next write' })
  await drop.click()
  await expect(page).toHaveURL(/mock\.drop=1/)

  const lost = await writeInPage(page, {
    method: 'POST',
    path: `/candidates/${person.id}/interactions`,
    idempotencyKey: 'qa-drop-1',
    body: [interactionPayload({ summary: 'response lost' })],
  })
  expect(lost).toMatchObject({ error: expect.stringContaining('TypeError') })
  // Used up: the switch turns itself off, the URL follows, and a retry with the same key is
  // answered with the first 202 without running twice.
  await expect(drop).not.toBeChecked()
  await expect(page).not.toHaveURL(/mock\.drop/)
  const retry = await writeInPage(page, {
    method: 'POST',
    path: `/candidates/${person.id}/interactions`,
    idempotencyKey: 'qa-drop-1',
    body: [interactionPayload({ summary: 'response lost' })],
  })
  expect(retry).toMatchObject({ status: 202 })
  await engineIdle(page)
  const stored = await mockIn(page).interactions(person.id)
  expect(stored.filter((i) => i.summary === 'response lost')).toHaveLength(1)
})

test('failing reads: the app backs off and recovers, the count shows in the URL', async ({
  page,
}) => {
  await page.goto('/settings')
  const panel = await openPanel(page)
  await panel.getByRole('radio', { name: 'The next reads answer 429 (too many requests)' }).check()
  await panel.getByRole('spinbutton', { name: 'Number of failing reads' }).fill('3')
  await expect(page).toHaveURL(/mock\.readErrors=429x3/)
  await panel.getByRole('button', { name: 'Close the QA panel' }).click()

  await page.getByRole('link', { name: 'Candidate Timeline' }).click()
  await expect(
    page.getByRole('list', { name: 'Candidates' }).getByRole('link').first(),
  ).toBeVisible({
    timeout: 20_000,
  })
  await expect(page).not.toHaveURL(/mock\.readErrors/)
  expect((await scenario(page))?.readErrors).toBeNull()
})

test('resetting the demo data removes what was written, after a confirmation', async ({ page }) => {
  await page.goto('/candidates?mock.latency=0')
  await writeInPage(page, {
    method: 'POST',
    path: '/candidates',
    body: [candidatePayload('Resetta', 'Aaareset', 'resetta@example.org')],
  })
  await engineIdle(page)
  await page.reload()
  const list = page.getByRole('list', { name: 'Candidates' })
  await expect(list.getByText('Resetta Aaareset')).toBeVisible()

  const panel = await openPanel(page)
  await panel.getByRole('button', { name: 'Reset demo data' }).click()
  const confirm = page.getByRole('dialog', { name: 'Reset the demo data?' })
  await expect(confirm).toContainText('This cannot be undone.')
  await confirm.getByRole('button', { name: 'Reset data' }).click()
  await expect(panel.getByText('The demo data was reset.')).toBeVisible()
  await panel.getByRole('button', { name: 'Close the QA panel' }).click()
  await expect(list.getByRole('link').first()).toBeVisible()
  await expect(list.getByText('Resetta Aaareset')).toHaveCount(0)
})

test('the QA panel passes an accessibility scan', async ({ page }) => {
  await page.goto('/candidates?mock.readErrors=burst:3&mock.stuck=1')
  const panel = await openPanel(page)
  await expect(panel.getByRole('switch', { name: 'Stuck queue' })).toBeChecked()
  await expect(panel.getByRole('spinbutton', { name: 'Reads allowed per second' })).toHaveValue('3')
  const scan = await new AxeBuilder({ page }).analyze()
  expect(scan.violations).toEqual([])
})
