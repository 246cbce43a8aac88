import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mockIn } from './mock-control.test-helpers'

/**
 * What a counsellor notices in the first minutes (issue 16): the device turning dark while a
 * timeline is open, the date filter in the app's language, and the app bar on a phone.
 */

type Stored = Awaited<ReturnType<ReturnType<typeof mockIn>['interactions']>>[number]

async function pickCandidate(page: Page, match: (stored: Stored[]) => boolean) {
  await page.goto('/candidates')
  const mock = mockIn(page)
  for (const candidate of await mock.candidates()) {
    const stored = await mock.interactions(candidate.id)
    if (match(stored)) return { candidate, stored }
  }
  throw new Error('no demo candidate fits')
}

/** The app's language before it starts (what the language switch would have stored). */
async function useAppLanguage(page: Page, language: 'en' | 'nl') {
  await page.addInitScript((value) => {
    localStorage.setItem('candidate-timeline.language', value)
  }, language)
}

/** The colour of every entry's Edit and Delete button, counted by value. */
async function actionColours(page: Page) {
  return page.evaluate(() => {
    const counts: Record<string, number> = {}
    for (const button of document.querySelectorAll('article button')) {
      if (!/^(Edit|Delete)$/.test(button.textContent.trim())) continue
      const colour = getComputedStyle(button).color
      counts[colour] = (counts[colour] ?? 0) + 1
    }
    return counts
  })
}

/** What in the timeline's entries is still changing colour (CSS transitions running). */
async function coloursUnderWay(page: Page) {
  return page.evaluate(() =>
    document
      .getAnimations()
      .filter((animation) => animation instanceof CSSTransition)
      .map((transition) => transition.effect)
      .filter((effect) => effect instanceof KeyframeEffect)
      .map((effect) => effect.target)
      .filter((target) => target?.closest('.tl-entry'))
      .map((target) => target?.textContent ?? ''),
  )
}

/** Scrolls through the whole page and back, as a reader does: every entry has been drawn once. */
async function readToTheEnd(page: Page) {
  await page.evaluate(async () => {
    const frame = () =>
      new Promise((resolve) => {
        requestAnimationFrame(resolve)
      })
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y)
      await frame()
      await frame()
    }
    window.scrollTo(0, 0)
    await frame()
  })
}

test('the device turning dark while a timeline is open recolours every entry, on screen or not', async ({
  page,
}) => {
  // Axe over a hundred entries is slow on a shared machine.
  test.setTimeout(120_000)
  await page.emulateMedia({ colorScheme: 'light' })
  const { candidate } = await pickCandidate(page, (stored) => stored.length > 100)
  await page.goto(`/candidates/${candidate.id}`)
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await expect(feed.getByRole('article')).toHaveCount(100)
  await expect(
    feed.getByRole('article').last().getByRole('button', { name: 'Delete' }),
  ).toBeAttached()
  await readToTheEnd(page)

  // As a laptop does at sunset: the page stays open, the system's scheme changes.
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-mui-color-scheme', 'dark')
  // From that moment every entry has the dark scheme's colours, whether the browser has drawn
  // it lately or not: dark primary #90caf9 and MUI's dark error colour #f44336, never the light
  // theme's #1565c0 and #d32f2f (read once, as axe does, not waited for).
  expect(await actionColours(page)).toEqual({ 'rgb(144, 202, 249)': 100, 'rgb(244, 67, 54)': 100 })
  // Nor does any entry fade over from the old colours: off-screen entries are not drawn, so a fade
  // there starts whenever something reads them and shows the light colours first.
  expect(await coloursUnderWay(page)).toEqual([])
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  // And back again when the sun rises.
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-mui-color-scheme', 'light')
  expect(await actionColours(page)).toEqual({ 'rgb(21, 101, 192)': 100, 'rgb(211, 47, 47)': 100 })
})

const DATE_FILTER_CASES = [
  {
    app: 'nl',
    browser: 'en-US',
    feed: 'Contactmomenten',
    from: 'Vanaf',
    placeholder: 'DD-MM-JJJJ',
    search: 'Zoeken in samenvatting en notities',
  },
  {
    app: 'en',
    browser: 'nl-NL',
    feed: 'Interactions',
    from: 'From',
    placeholder: 'DD-MM-YYYY',
    search: 'Search summary and notes',
  },
] as const

for (const each of DATE_FILTER_CASES) {
  test.describe(`app in ${each.app}, browser in ${each.browser}`, () => {
    test.use({ locale: each.browser })

    test('the date filter writes dates the way the forms do, in the app language', async ({
      page,
    }) => {
      test.setTimeout(60_000)
      await useAppLanguage(page, each.app)
      const { candidate } = await pickCandidate(page, (stored) => stored.length >= 4)
      await page.goto(`/candidates/${candidate.id}`)
      await expect(
        page.getByRole('feed', { name: each.feed }).getByRole('article').first(),
      ).toBeVisible()

      // Keyboard only: from the search box, Tab reaches the "from" date, typed day first.
      await page.getByRole('searchbox', { name: each.search }).focus()
      await page.keyboard.press('Tab')
      const from = page.getByRole('group', { name: each.from, exact: true })
      await expect(from).toContainText(each.placeholder)
      await expect(from.getByRole('spinbutton').first()).toBeFocused()
      await page.keyboard.type('01022025')
      await expect(page).toHaveURL(/[?&]from=2025-02-01(&|$)/)
      await expect(from.locator('input')).toHaveValue('01-02-2025')
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

      // A link with the filter shows the day the same way on a fresh load, before the picker
      // has been fetched (the stand-in), and the picker then takes over with the same day.
      await page.reload()
      const standIn = page.getByRole('textbox', { name: each.from, exact: true })
      await expect(standIn).toHaveValue('01-02-2025')
      await standIn.click()
      await expect(
        page.getByRole('group', { name: each.from, exact: true }).locator('input'),
      ).toHaveValue('01-02-2025')
    })
  })
}

for (const language of ['en', 'nl'] as const) {
  test(`on a 360 px phone the app bar is at most two lines high (${language})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 })
    await useAppLanguage(page, language)
    await page.goto('/candidates')
    const status = page.getByRole('button', {
      name:
        language === 'nl'
          ? 'Synchronisatie: Alle wijzigingen opgeslagen'
          : 'Sync status: All changes saved',
    })
    await expect(status).toBeVisible()
    // An icon: the words are its name and tooltip, not text on the bar.
    await expect(
      status.getByText(language === 'nl' ? 'Alle wijzigingen' : 'All changes'),
    ).toBeHidden()
    expect((await status.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(48)
    const header = page.getByRole('banner')
    const box = await header.boundingBox()
    expect(box).not.toBeNull()
    // One toolbar line is 56 px on a phone: two lines and their padding stay under 130 px.
    expect(box?.height ?? Infinity).toBeLessThanOrEqual(130)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    // The page's own part (its heading) comes with its chunk, after the bar: scan the whole page.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

    await status.hover()
    await expect(page.getByRole('tooltip')).toHaveText(
      language === 'nl'
        ? 'Synchronisatie: Alle wijzigingen opgeslagen'
        : 'Sync status: All changes saved',
    )
  })
}

test('on a wide screen the sync status keeps its words', async ({ page }) => {
  await page.goto('/candidates')
  await expect(page.getByRole('button', { name: 'Sync status: All changes saved' })).toHaveText(
    'All changes saved',
  )
})
