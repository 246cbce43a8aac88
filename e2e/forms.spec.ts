import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { mockIn } from './mock-control.test-helpers'

// Journeys through the interaction and candidate forms, each to the server's confirmation on
// the built-in mock (a short engine latency keeps them quick), with an axe scan of every dialog.

type Stored = Awaited<ReturnType<ReturnType<typeof mockIn>['interactions']>>[number]
const LATENCY = '?mock.latency=300'
const CONFIRMED = { timeout: 20_000 }

async function pickCandidate(page: Page, match: (stored: Stored[]) => boolean) {
  await page.goto(`/candidates${LATENCY}`)
  const mock = mockIn(page)
  for (const candidate of await mock.candidates()) {
    const stored = await mock.interactions(candidate.id)
    if (match(stored)) return { candidate, stored }
  }
  throw new Error('no demo candidate fits')
}

/** A candidate with a few interactions, one of them with a summary no other one has. */
async function candidateWithUniqueSummary(page: Page) {
  const { candidate, stored } = await pickCandidate(
    page,
    (items) =>
      items.length >= 3 &&
      items.length < 40 &&
      items.some(
        (item) =>
          typeof item.summary === 'string' &&
          items.filter((other) => other.summary === item.summary).length === 1,
      ),
  )
  const target = stored.find(
    (item) =>
      typeof item.summary === 'string' &&
      stored.filter((other) => other.summary === item.summary).length === 1,
  )
  if (!target || typeof target.summary !== 'string') throw new Error('no unique summary')
  return { candidate, stored, target, summary: target.summary }
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations).toEqual([])
}

async function chooseTypes(page: Page, row: Locator, types: readonly string[]) {
  await row.getByRole('combobox', { name: /^Type/ }).click()
  for (const type of types) await page.getByRole('option', { name: type, exact: true }).click()
  await page.keyboard.press('Escape')
}

test('counsellor logs 3 interactions at once and sees them confirmed', async ({ page }) => {
  const { candidate, stored } = await pickCandidate(
    page,
    (items) => items.length >= 1 && items.length < 40,
  )
  await page.goto(`/candidates/${candidate.id}${LATENCY}`)
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await expect(feed.getByRole('article')).toHaveCount(stored.length)

  await page.getByRole('button', { name: 'Log interaction' }).click()
  const dialog = page.getByRole('dialog', { name: 'Log interactions' })
  const row = (n: number) => dialog.getByRole('group', { name: `Row ${n}` })
  await expect(row(1)).toBeVisible()
  await chooseTypes(page, row(1), ['Telefonisch'])
  // A typed date without a time is stored as that calendar day, never shifted.
  await row(1).getByRole('switch', { name: 'Include time' }).click()
  await row(1).getByRole('group', { name: /^Date/ }).getByRole('spinbutton').first().click()
  await page.keyboard.type('15032026')
  await row(1).getByRole('textbox', { name: 'Summary' }).fill('E2E eerste gesprek')
  await row(1).getByRole('textbox', { name: 'Duration' }).fill('45')
  await dialog.getByRole('button', { name: 'Duplicate row 1' }).click()
  await row(2).getByRole('textbox', { name: 'Summary' }).fill('E2E tweede gesprek')
  await dialog.getByRole('button', { name: 'Add row' }).click()
  await chooseTypes(page, row(3), ['E-mail', 'Anders'])
  await row(3).getByRole('textbox', { name: 'Summary' }).fill('E2E mail')
  await expectNoAxeViolations(page)

  await dialog.getByRole('button', { name: 'Log 3 interactions' }).click()
  await expect(dialog).toBeHidden()
  await expect(feed.getByRole('article')).toHaveCount(stored.length + 3)
  for (const summary of ['E2E eerste gesprek', 'E2E tweede gesprek', 'E2E mail']) {
    await expect(feed.getByRole('article', { name: summary })).toBeVisible()
  }
  // Pending at once, then confirmed by the (mock) server: the marks go away.
  await expect(feed.getByText(/^Pending/)).toHaveCount(0, CONFIRMED)
  await expect(feed.getByRole('article')).toHaveCount(stored.length + 3)

  const saved = await mockIn(page).interactions(candidate.id)
  const first = saved.find((item) => item.summary === 'E2E eerste gesprek')
  expect(first).toMatchObject({ type: ['Telefonisch'], performedAt: '2026-03-15', duration: 2700 })
  expect(saved.find((item) => item.summary === 'E2E mail')?.type).toEqual(['E-mail', 'Anders'])
})

test('counsellor edits one field of one interaction and only that field changes', async ({
  page,
}) => {
  const { candidate, target, summary } = await candidateWithUniqueSummary(page)
  await page.goto(`/candidates/${candidate.id}${LATENCY}`)
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await feed.getByRole('article', { name: summary }).getByRole('button', { name: 'Edit' }).click()

  const dialog = page.getByRole('dialog', { name: 'Edit interaction' })
  const save = dialog.getByRole('button', { name: 'Save changes' })
  await expect(save).toBeDisabled()
  await expect(dialog.getByText('Nothing has changed yet.')).toBeVisible()
  await expectNoAxeViolations(page)

  await dialog.getByRole('textbox', { name: 'Notes' }).fill('Bijgewerkt in de e2e-test')
  await save.click()
  await expect(dialog).toBeHidden()
  const article = feed.getByRole('article', { name: summary })
  await expect(article).toContainText('Bijgewerkt in de e2e-test')
  await expect(article.getByText(/^Pending/)).toHaveCount(0, CONFIRMED)

  const saved = (await mockIn(page).interactions(candidate.id)).find((i) => i.id === target.id)
  // Only the notes changed; everything else is as it was.
  expect(saved).toMatchObject({
    type: target.type,
    performedAt: target.performedAt,
    summary: target.summary,
    notes: 'Bijgewerkt in de e2e-test',
  })
})

test('counsellor deletes one interaction after a confirmation that starts on Cancel', async ({
  page,
}) => {
  const { candidate, stored, target, summary } = await candidateWithUniqueSummary(page)
  await page.goto(`/candidates/${candidate.id}${LATENCY}`)
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await feed.getByRole('article', { name: summary }).getByRole('button', { name: 'Delete' }).click()

  const confirm = page.getByRole('alertdialog', { name: 'Delete this interaction?' })
  await expect(confirm).toContainText('will be deleted permanently')
  await expect(confirm).toContainText(target.type.join(', '))
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expectNoAxeViolations(page)

  await confirm.getByRole('button', { name: 'Delete permanently' }).click()
  await expect(confirm).toBeHidden()
  await expect(feed.getByRole('article', { name: summary })).toHaveCount(0, CONFIRMED)
  await expect(feed.getByRole('article')).toHaveCount(stored.length - 1)
  const saved = await mockIn(page).interactions(candidate.id)
  expect(saved.map((item) => item.id)).not.toContain(target.id)
})

test('counsellor creates a candidate with 2 interactions and opens it once confirmed', async ({
  page,
}) => {
  await page.goto(`/candidates${LATENCY}`)
  await page.getByRole('button', { name: 'New candidate' }).click()
  const dialog = page.getByRole('dialog', { name: 'New candidate' })
  await dialog.getByRole('textbox', { name: 'First name' }).fill('Noor')
  await dialog.getByRole('textbox', { name: 'Last name' }).fill('van E2E')
  await dialog.getByRole('textbox', { name: 'E-mail address' }).fill('noor.e2e@example.nl')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'More fields' }).click()
  await dialog.getByRole('textbox', { name: 'Phone number' }).fill('06 12345678')

  await dialog.getByRole('button', { name: 'Add row' }).click()
  const row = (n: number) => dialog.getByRole('group', { name: `Row ${n}` })
  await chooseTypes(page, row(1), ['Adviesgesprek'])
  await row(1).getByRole('textbox', { name: 'Summary' }).fill('Intakegesprek')
  await dialog.getByRole('button', { name: 'Duplicate row 1' }).click()
  await row(2).getByRole('textbox', { name: 'Summary' }).fill('Vervolgafspraak')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Create candidate' }).click()
  await expect(dialog).toBeHidden()

  const pending = page.getByRole('list', { name: 'New candidates' })
  await expect(pending.getByRole('listitem')).toContainText('Noor van E2E with 2 interactions')
  await pending.getByRole('link', { name: 'Open Noor van E2E' }).click(CONFIRMED)
  await expect(page.getByRole('heading', { level: 1, name: 'Noor van E2E' })).toBeVisible()
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await expect(feed.getByRole('article')).toHaveCount(2)
  await expect(feed.getByRole('article', { name: 'Intakegesprek' })).toBeVisible()
  await expect(feed.getByRole('article', { name: 'Vervolgafspraak' })).toBeVisible()
})

test('on a phone the form fills the screen and has no axe violations in dark mode', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.emulateMedia({ colorScheme: 'dark' })
  const { candidate } = await pickCandidate(page, (items) => items.length >= 1 && items.length < 40)
  await page.goto(`/candidates/${candidate.id}${LATENCY}`)
  await page.getByRole('button', { name: 'Log interaction' }).click()
  const dialog = page.getByRole('dialog', { name: 'Log interactions' })
  await expect(dialog.getByRole('group', { name: 'Row 1' })).toBeVisible()
  const box = await dialog.boundingBox()
  expect(box?.width).toBe(360)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectNoAxeViolations(page)
})

test('counsellor corrects and resubmits a change the server failed', async ({ page }) => {
  const { candidate, stored } = await pickCandidate(
    page,
    (items) => items.length >= 1 && items.length < 40,
  )
  await page.goto(`/candidates/${candidate.id}?mock.latency=300&mock.failureRate=1`)
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await expect(feed.getByRole('article')).toHaveCount(stored.length)
  await page.getByRole('button', { name: 'Log interaction' }).click()
  const log = page.getByRole('dialog', { name: 'Log interactions' })
  await chooseTypes(page, log.getByRole('group', { name: 'Row 1' }), ['Anders'])
  await log.getByRole('textbox', { name: 'Summary' }).fill('E2E mislukt')
  await log.getByRole('button', { name: 'Log interaction' }).click()
  const failed = feed.getByRole('article', { name: 'E2E mislukt' })
  await expect(failed).toContainText('Failed', CONFIRMED)

  await page.evaluate(() => {
    window.__candidateTimelineMock?.setScenario({ failureRate: 0 })
  })
  await failed.getByRole('button', { name: 'Edit & resubmit' }).click()
  const correction = page.getByRole('dialog', { name: 'Correct and resubmit' })
  await expect(correction.getByRole('alert')).toContainText('This change was not saved.')
  await expectNoAxeViolations(page)
  await correction.getByRole('textbox', { name: 'Summary' }).fill('E2E gecorrigeerd')
  await correction.getByRole('button', { name: 'Resubmit' }).click()
  await expect(correction).toBeHidden()
  await expect(feed.getByRole('article', { name: 'E2E mislukt' })).toHaveCount(0)
  const corrected = feed.getByRole('article', { name: 'E2E gecorrigeerd' })
  await expect(corrected).toBeVisible()
  await expect(corrected.getByText(/^Pending/)).toHaveCount(0, CONFIRMED)
  await expect(feed.getByRole('article')).toHaveCount(stored.length + 1)
})
