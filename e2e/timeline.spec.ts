import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mockIn } from './mock-control.test-helpers'

type Stored = Awaited<ReturnType<ReturnType<typeof mockIn>['interactions']>>[number]

/** A candidate of the demo region with a handful of interactions of at least two types. */
async function pickCandidate(page: Page, match: (stored: Stored[]) => boolean) {
  await page.goto('/candidates')
  const mock = mockIn(page)
  for (const candidate of await mock.candidates()) {
    const stored = await mock.interactions(candidate.id)
    if (match(stored)) return { candidate, stored }
  }
  throw new Error('no demo candidate fits')
}

const typesOf = (stored: Stored[]) => new Set(stored.flatMap((item) => item.type))
const ordinary = (stored: Stored[]) =>
  stored.length >= 4 &&
  stored.length < 100 &&
  typesOf(stored).size >= 2 &&
  stored.some((item) => typeof item.summary === 'string')

test('counsellor finds a candidate by e-mail, filters, searches, moves by keyboard and exports', async ({
  page,
}) => {
  const { candidate, stored } = await pickCandidate(page, ordinary)

  await page
    .getByRole('searchbox', { name: 'E-mail address or phone number' })
    .fill(candidate.email.toUpperCase())
  await page.getByRole('button', { name: 'Find' }).click()
  await page.getByRole('list', { name: 'Search result' }).getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`/candidates/${candidate.id}`))

  const feed = page.getByRole('feed', { name: 'Interactions' })
  await expect(feed.getByRole('article')).toHaveCount(stored.length)

  // Filter by one type: only entries of that type remain, and the URL says so.
  const type = [...typesOf(stored)][0] ?? ''
  const ofType = stored.filter((item) => item.type.includes(type)).length
  await page
    .getByRole('group', { name: 'Type' })
    .getByRole('button', { name: `${type} (${ofType})` })
    .click()
  await expect(feed.getByRole('article')).toHaveCount(ofType)
  await expect(page).toHaveURL(
    new RegExp(`type=${encodeURIComponent(type).replace(/%20/g, '\\+')}`),
  )
  await page.getByRole('button', { name: 'Clear all filters' }).click()
  await expect(feed.getByRole('article')).toHaveCount(stored.length)

  // Search: a word from one summary finds that entry.
  const summary = stored.find((item) => typeof item.summary === 'string')?.summary
  if (typeof summary !== 'string') throw new Error('a summary')
  const word = summary.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? summary
  await page.getByRole('searchbox', { name: 'Search summary and notes' }).fill(word)
  await expect(feed.getByRole('article', { name: summary }).first()).toBeVisible()
  await expect(page).toHaveURL(/q=/)
  await page.getByRole('searchbox', { name: 'Search summary and notes' }).fill('')
  await expect(feed.getByRole('article')).toHaveCount(stored.length)

  // Keyboard: one tab stop, arrows and j/k move, Enter opens the entry in place.
  const articles = feed.getByRole('article')
  await articles.first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(articles.nth(1)).toBeFocused()
  await page.keyboard.press('j')
  await expect(articles.nth(2)).toBeFocused()
  await page.keyboard.press('k')
  await expect(articles.nth(1)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(articles.nth(1).getByRole('button', { name: 'Hide details' })).toBeVisible()

  // Export: a CSV with a header and one row per shown entry.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^interactions-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = await readFile(await file.path(), 'utf8')
  expect(csv.startsWith('\uFEFFDate (as stored),Date and time (local),Type,Summary')).toBe(true)
  // Every shown record is in it (the last column is the record id).
  for (const item of stored) expect(csv).toContain(`,${item.id}\r\n`)
  await expect(page.getByText(/Exported \d+ interactions? to interactions-/)).toBeVisible()
})

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' })

  test('een consulent zoekt op e-mail, filtert op soort, zoekt en exporteert', async ({ page }) => {
    const { candidate, stored } = await pickCandidate(page, ordinary)
    await expect(page.getByRole('heading', { level: 1, name: 'Kandidaten' })).toBeVisible()

    await page
      .getByRole('searchbox', { name: 'E-mailadres of telefoonnummer' })
      .fill(candidate.email)
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click()
    await page.getByRole('list', { name: 'Zoekresultaat' }).getByRole('link').click()

    const feed = page.getByRole('feed', { name: 'Contactmomenten' })
    await expect(feed.getByRole('article')).toHaveCount(stored.length)

    const type = [...typesOf(stored)][0] ?? ''
    const ofType = stored.filter((item) => item.type.includes(type)).length
    await page
      .getByRole('group', { name: 'Soort' })
      .getByRole('button', { name: `${type} (${ofType})` })
      .click()
    await expect(feed.getByRole('article')).toHaveCount(ofType)
    await expect(
      page.getByText(`${ofType} van ${stored.length} contactmomenten getoond`),
    ).toBeVisible()

    await page.getByRole('searchbox', { name: 'Zoeken in samenvatting en notities' }).fill('xyzzy')
    await expect(page.getByText('Geen contactmomenten gevonden met deze filters')).toBeVisible()
    await page.getByRole('button', { name: 'Zoekopdracht wissen' }).click()
    await expect(feed.getByRole('article')).toHaveCount(ofType)

    const articles = feed.getByRole('article')
    await articles.first().focus()
    await page.keyboard.press('ArrowDown')
    // The next entry, or the same one when the filter left only one.
    await expect(ofType > 1 ? articles.nth(1) : articles.first()).toBeFocused()

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'CSV exporteren' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^contactmomenten-.*\.csv$/)
    const csv = await readFile(await file.path(), 'utf8')
    expect(csv.startsWith('\uFEFFDatum (zoals opgeslagen);Datum en tijd (lokaal);Soort')).toBe(true)
  })
})

test('a candidate at the API limit says so, and a filtered link survives a reload', async ({
  page,
}) => {
  const { candidate } = await pickCandidate(page, (stored) => stored.length > 100)
  await page.goto(`/candidates/${candidate.id}?q=pabo`)

  await expect(page.getByText('Only the newest 100 interactions are shown')).toBeVisible()
  const feed = page.getByRole('feed', { name: 'Interactions' })
  const status = page.getByText(/^Showing \d+ of 100 interactions$/)
  await expect(status).toBeVisible()
  const shown = Number(/\d+/.exec((await status.textContent()) ?? '')?.[0])
  await expect(feed.getByRole('article')).toHaveCount(shown)
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search summary and notes' })).toHaveValue(
    'pabo',
  )
  await expect(feed.getByRole('article')).toHaveCount(shown)
})

test('the print view leaves out the app bar and filters and opens every entry', async ({
  page,
}) => {
  const { candidate, stored } = await pickCandidate(page, ordinary)
  await page.goto(`/candidates/${candidate.id}`)
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await expect(feed.getByRole('article')).toHaveCount(stored.length)

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('search', { name: 'Filter interactions' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden()
  await expect(feed.getByRole('term').filter({ hasText: 'Logged' }).first()).toBeVisible()
})

test('on a 360 px phone the timeline fits the screen and the filters fold away', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  const { candidate } = await pickCandidate(page, (stored) => stored.length > 100)
  await page.goto(`/candidates/${candidate.id}`)
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await expect(feed.getByRole('article').first()).toBeVisible()

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expect(page.getByRole('group', { name: 'Type' })).toBeHidden()
  await page.getByRole('button', { name: 'Filters' }).click()
  await expect(page.getByRole('group', { name: 'Type' })).toBeVisible()
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the candidate pages have no axe violations in ${scheme} mode`, async ({ page }) => {
    // Three full-page scans, one of a 100+ entry timeline: 15–25 s on 2 cores, near the
    // default 30 s. The limit is for a hang, not a speed target.
    test.setTimeout(60_000)
    await page.emulateMedia({ colorScheme: scheme })
    const { candidate } = await pickCandidate(page, (stored) => stored.length > 100)
    await expect(page.getByRole('list', { name: 'Candidates' })).toBeVisible()
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

    await page.goto(`/candidates/${candidate.id}`)
    const feed = page.getByRole('feed', { name: 'Interactions' })
    await expect(feed.getByRole('article').first()).toBeVisible()
    await feed.getByRole('article').nth(1).focus()
    await page.keyboard.press('Enter')
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

    await page.getByRole('searchbox', { name: 'Search summary and notes' }).fill('xyzzy')
    await expect(page.getByText('No interactions match these filters')).toBeVisible()
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  })
}
