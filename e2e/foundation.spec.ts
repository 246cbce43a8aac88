import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { mockIn } from './mock-control.test-helpers'

test('a visitor opens the demo, picks a candidate and sees its interactions from the mock', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/candidates$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible()

  const candidates = page.getByRole('list', { name: 'Candidates' })
  const first = candidates.getByRole('link').first()
  await expect(first).toBeVisible()
  // The data came from the mock through the service worker, not from a server of ours.
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

  const accessibleName = (await first.textContent()) ?? ''
  await first.click()
  await expect(page).toHaveURL(/\/candidates\/rec[A-Za-z0-9]+/)
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toBeVisible()
  expect(accessibleName).toContain((await heading.textContent()) ?? '-')

  // The newest interaction the mock holds for this candidate is on the page.
  const candidateId = new URL(page.url()).pathname.split('/').pop() ?? ''
  const stored = await mockIn(page).interactions(candidateId)
  const summary = stored
    .map((interaction) => interaction.summary)
    .find((s) => typeof s === 'string')
  if (typeof summary === 'string') await expect(page.getByText(summary).first()).toBeVisible()
  else await expect(page.getByText(/No interactions have been logged/)).toBeVisible()

  const scan = await new AxeBuilder({ page }).analyze()
  expect(scan.violations).toEqual([])
})

test('a deep link to a candidate works on reload', async ({ page }) => {
  await page.goto('/candidates')
  const first = page.getByRole('list', { name: 'Candidates' }).getByRole('link').first()
  await first.click()
  const heading = await page.getByRole('heading', { level: 1 }).textContent()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading ?? '')
})

test('an unknown candidate shows a clear message, not a blank page', async ({ page }) => {
  await page.goto('/candidates/recDoesNotExist00')
  await expect(page.getByRole('heading', { level: 1, name: 'Candidate not found' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to candidates' })).toBeVisible()
})

test('reads that keep failing end in a clear message with a retry, not a blank page', async ({
  page,
}) => {
  await page.goto('/candidates?mock.readErrors=500x20')
  await expect(page.getByText('The server had a problem')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
})
