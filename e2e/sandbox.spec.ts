import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mockIn } from './mock-control.test-helpers'
import {
  candidatePayload,
  engineIdle,
  interactionPayload,
  writeInPage,
} from './page-mock.test-helpers'

const appBarSwitch = (page: Page) =>
  page.getByRole('banner').getByRole('switch', { name: 'Sandbox' })
const sandboxBanner = (page: Page) => page.getByRole('region', { name: 'Sandbox notice' })

test('the sandbox switch is on every screen, lives in the URL and puts the banner on', async ({
  page,
  context,
}) => {
  await page.goto('/candidates')
  await expect(appBarSwitch(page)).not.toBeChecked()
  await expect(sandboxBanner(page)).toHaveCount(0)

  await appBarSwitch(page).click()
  await expect(page).toHaveURL(/\/candidates\?sandbox=1$/)
  await expect(sandboxBanner(page)).toContainText('you are working with test data')
  await expect(page).toHaveTitle(/^SANDBOX · /)

  // Moving around keeps the sandbox, and so does a reload.
  await page.getByRole('list', { name: 'Candidates' }).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/candidates\/rec\w+\?sandbox=1$/)
  await expect(sandboxBanner(page)).toBeVisible()
  await page.reload()
  await expect(appBarSwitch(page)).toBeChecked()
  await expect(sandboxBanner(page)).toBeVisible()
  await page.getByRole('banner').getByRole('link', { name: 'Settings' }).click()
  await expect(page).toHaveURL(/\/settings\?sandbox=1$/)
  await expect(sandboxBanner(page)).toBeVisible()

  await page.mouse.move(0, 300) // let the Settings tooltip close before the scan
  await expect(page.getByRole('tooltip')).toHaveCount(0)
  const scan = await new AxeBuilder({ page }).analyze()
  expect(scan.violations).toEqual([])

  // A sandbox link opens in the sandbox, in a fresh tab too.
  const other = await context.newPage()
  await other.goto('/candidates?sandbox=1')
  await expect(other.getByRole('banner').getByRole('switch', { name: 'Sandbox' })).toBeChecked()
  await expect(other.getByRole('region', { name: 'Sandbox notice' })).toBeVisible()
  await other.close()

  await page.getByRole('button', { name: 'Leave sandbox' }).click()
  await expect(page).toHaveURL(/\/settings$/)
  await expect(sandboxBanner(page)).toHaveCount(0)
  await expect(page).not.toHaveTitle(/SANDBOX/)
})

test('a sandbox write never reaches production data, and a production write never the sandbox', async ({
  page,
}) => {
  const run = Date.now().toString(36)
  await page.goto('/candidates')
  const [prodPerson] = await mockIn(page).candidates('utrecht', 'production')
  const [sandboxPerson] = await mockIn(page).candidates('utrecht', 'sandbox')
  if (!prodPerson || !sandboxPerson) throw new Error('the seed has candidates')

  // One candidate and one interaction per environment; the sandbox by header and by prefix.
  const writes = await Promise.all([
    writeInPage(page, {
      method: 'POST',
      path: '/candidates',
      body: [candidatePayload('Pieter', `Aaaprod ${run}`, `pieter.${run}@example.org`)],
    }),
    writeInPage(page, {
      method: 'POST',
      path: '/candidates',
      sandbox: 'header',
      body: [candidatePayload('Sandra', `Aaasandbox ${run}`, `sandra.${run}@example.org`)],
    }),
    writeInPage(page, {
      method: 'POST',
      path: `/candidates/${prodPerson.id}/interactions`,
      body: [interactionPayload({ summary: `PROD-ONLY ${run}` })],
    }),
    writeInPage(page, {
      method: 'POST',
      path: `/candidates/${sandboxPerson.id}/interactions`,
      sandbox: 'prefix',
      body: [interactionPayload({ summary: `SANDBOX-ONLY ${run}` })],
    }),
    // Aimed at a production candidate, but sent in sandbox: it must not land in production.
    writeInPage(page, {
      method: 'POST',
      path: `/candidates/${prodPerson.id}/interactions`,
      sandbox: 'header',
      body: [interactionPayload({ summary: `CROSSED ${run}` })],
    }),
  ])
  expect(writes.map((w) => ('status' in w ? w.status : w.error))).toEqual([202, 202, 202, 202, 202])
  await engineIdle(page)

  const everything = (environment: 'production' | 'sandbox') =>
    page.evaluate(
      ([env]) => {
        const mock = window.__candidateTimelineMock
        if (!mock) throw new Error('no mock control')
        const people = mock.findCandidates('utrecht', env)
        const notes = people.flatMap((person) =>
          mock.findInteractions('utrecht', env, person.id).map((i) => i.summary ?? ''),
        )
        return { names: people.map((p) => `${p.firstName} ${p.lastName}`), summaries: notes }
      },
      [environment] as const,
    )
  const production = await everything('production')
  const sandbox = await everything('sandbox')
  expect(production.names).toContain(`Pieter Aaaprod ${run}`)
  expect(production.names).not.toContain(`Sandra Aaasandbox ${run}`)
  expect(sandbox.names).toContain(`Sandra Aaasandbox ${run}`)
  expect(sandbox.names).not.toContain(`Pieter Aaaprod ${run}`)
  expect(production.summaries).toContain(`PROD-ONLY ${run}`)
  expect(production.summaries).not.toContain(`SANDBOX-ONLY ${run}`)
  expect(production.summaries).not.toContain(`CROSSED ${run}`)
  expect(sandbox.summaries).toContain(`SANDBOX-ONLY ${run}`)
  expect(sandbox.summaries).not.toContain(`PROD-ONLY ${run}`)
  const crossed = await page.evaluate(() =>
    window.__candidateTimelineMock?.outcomes().find((o) => o.status === 'failed'),
  )
  expect(crossed?.error?.code).toBe('not_found')

  // The UI of each environment shows its own data only.
  await page.reload()
  const list = page.getByRole('list', { name: 'Candidates' })
  await expect(list.getByText(`Pieter Aaaprod ${run}`)).toBeVisible()
  await expect(list.getByText(`Sandra Aaasandbox ${run}`)).toHaveCount(0)
  await appBarSwitch(page).click()
  await expect(list.getByText(`Sandra Aaasandbox ${run}`)).toBeVisible()
  await expect(list.getByText(`Pieter Aaaprod ${run}`)).toHaveCount(0)

  await page.goto(`/candidates/${prodPerson.id}`)
  await expect(page.getByText(`PROD-ONLY ${run}`)).toBeVisible()
  await expect(page.getByText(`CROSSED ${run}`)).toHaveCount(0)
  await page.goto(`/candidates/${prodPerson.id}?sandbox=1`)
  await expect(page.getByRole('heading', { level: 1, name: 'Candidate not found' })).toBeVisible()
  await page.goto(`/candidates/${sandboxPerson.id}?sandbox=1`)
  await expect(page.getByText(`SANDBOX-ONLY ${run}`)).toBeVisible()
})
