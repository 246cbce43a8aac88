import { expect, test, type Page } from '@playwright/test'
import {
  candidatePayload,
  engineIdle,
  interactionPayload,
  recordConsole,
  writeInPage,
} from './page-mock.test-helpers'

// Every payload would leave a trace if it ever ran: a dialog, a console line or a global.
const IMG = `<img src=x onerror="window.__xss=1;console.log('XSS-FIRED');alert('XSS')">`
const SCRIPT = `<script>window.__xss=2;console.log('XSS-FIRED')</script>`
const SVG = `<svg onload="window.__xss=3;alert('XSS')"></svg>`

function watchForSideEffects(page: Page) {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const lines = recordConsole(page)
  return {
    async expectNothingRan() {
      expect(dialogs).toEqual([])
      expect(lines.filter((line) => line.includes('XSS-FIRED'))).toEqual([])
      expect(await page.evaluate(() => '__xss' in window)).toBe(false)
      // Nothing was parsed into markup either: no element came out of the user's text.
      expect(
        await page.evaluate(
          () => document.querySelectorAll('img[src="x"], main script, svg[onload]').length,
        ),
      ).toBe(0)
    },
  }
}

test('notes and names with HTML in them show as text and run nothing', async ({ page }) => {
  const effects = watchForSideEffects(page)
  await page.goto('/candidates?mock.latency=0')
  const created = await writeInPage(page, {
    method: 'POST',
    path: '/candidates',
    body: [candidatePayload(IMG, `Aaaxss ${SVG}`, 'xss.person@example.org')],
  })
  expect(created).toMatchObject({ status: 202 })
  await engineIdle(page)
  const person = await page.evaluate(() =>
    window.__candidateTimelineMock
      ?.findCandidates('utrecht', 'production')
      .find((candidate) => candidate.email === 'xss.person@example.org'),
  )
  if (!person) throw new Error('the candidate was not created')
  await writeInPage(page, {
    method: 'POST',
    path: `/candidates/${person.id}/interactions`,
    body: [
      interactionPayload({ summary: `Called back ${IMG}`, notes: `Said: ${SCRIPT} and ${SVG}` }),
    ],
  })
  await engineIdle(page)

  await page.reload()
  const list = page.getByRole('list', { name: 'Candidates' })
  const link = list.getByRole('link', { name: new RegExp('xss\\.person@example\\.org') })
  await expect(link).toContainText(IMG)
  await expect(link).toContainText(SVG)
  await link.click()

  await expect(page.getByRole('heading', { level: 1 })).toContainText(IMG)
  await expect(page.getByText(`Called back ${IMG}`)).toBeVisible()
  await expect(page.getByText(`Said: ${SCRIPT} and ${SVG}`)).toBeAttached()
  await page
    .getByRole('button', { name: /details/i })
    .first()
    .click()
  await expect(page.getByText(`Said: ${SCRIPT} and ${SVG}`)).toBeVisible()
  await effects.expectNothingRan()
})

test('a region name typed in the settings is shown as text in the app bar', async ({
  page,
  baseURL,
}) => {
  const effects = watchForSideEffects(page)
  await page.goto('/settings')
  await page.getByRole('radio', { name: /Onderwijsregio API/ }).check()
  await page.getByRole('textbox', { name: 'API address' }).fill(baseURL ?? '')
  await page.getByLabel(/^API key/).fill('no-such-key')
  await page.getByRole('textbox', { name: 'Region' }).fill(IMG)
  await page.getByRole('button', { name: 'Save and connect' }).click()
  await expect(page.getByRole('banner')).toContainText(IMG)
  await effects.expectNothingRan()
})
