import { expect, test, type Page } from '@playwright/test'
import {
  GET_INTERACTIONS,
  control,
  en,
  isInteractionsPath,
  logInteraction,
  nl,
  openCandidate,
  persistedJournal,
  pickCandidate,
  quiet,
  recordApiRequests,
  syncIndicator,
  uniqueSummary,
  type Ui,
} from './journal.test-helpers'

/** Issue 4, cases 9 and 10: failing reads back off; a change with no news turns stale. */

for (const status of [429, 500] as const) {
  test(`9 · reads failing with ${status} while polling back off exponentially — no request storm`, async ({
    page,
  }) => {
    test.setTimeout(60_000)
    const { candidate } = await pickCandidate(page, quiet)
    // Events off: only polling can confirm. Stuck: the change stays queued, so polling goes on.
    const feed = await openCandidate(page, en, candidate.id, {
      'mock.events': 'off',
      'mock.stuck': '1',
    })
    const mock = control(page)
    const seen = recordApiRequests(page)
    const statuses: number[] = []
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (response.request().method() === 'GET' && isInteractionsPath(url.pathname))
        statuses.push(response.status())
    })
    const summary = uniqueSummary(`Reads ${status}`)
    await logInteraction(page, en, summary)
    await mock.setScenario({ readErrors: { mode: 'next', status, remaining: 999 } })
    const from = Date.now()
    const readsBefore = await mock.count(GET_INTERACTIONS)

    // The measurement IS a time window: count what the app asks for during 16 s.
    await page.waitForTimeout(16_000)

    const reads = seen
      .filter((r) => r.method === 'GET' && isInteractionsPath(r.path) && r.at >= from)
      .map((r) => r.at - from)
    const events = seen.filter((r) => r.path.endsWith('/events') && r.at >= from)
    // Poll backoff is 1 s doubling: reads at about 1, 3, 7 and 15 s. A fixed 1 s poll would make
    // 16, and retries on top of it more.
    expect(reads.length).toBeGreaterThanOrEqual(3)
    expect(reads.length).toBeLessThanOrEqual(5)
    const gaps = reads.slice(1).map((at, index) => at - (reads[index] ?? 0))
    for (let index = 1; index < gaps.length; index += 1) {
      expect(gaps[index]).toBeGreaterThan((gaps[index - 1] ?? 0) * 1.5)
    }
    expect(await mock.count(GET_INTERACTIONS)).toBe(readsBefore + reads.length)
    expect(statuses.slice(-reads.length)).toEqual(reads.map(() => status))
    // The /events reconnects (503 while off) back off too.
    expect(events.length).toBeLessThanOrEqual(5)
    // Nothing lost meanwhile: still pending on the timeline and in the journal.
    await expect(feed.getByRole('article', { name: summary })).toContainText(en.pendingNew)
    expect((await persistedJournal(page)).map((entry) => entry.phase)).toEqual(['queued'])
  })
}

async function staleAfterDeadline(page: Page, ui: Ui) {
  const { candidate } = await pickCandidate(page, quiet)
  // The journal's queued deadline is 2 minutes and the app offers no way to shorten it (main.tsx
  // passes no journal options; no URL or storage switch), so the page gets a fake clock.
  await page.clock.install()
  const feed = await openCandidate(page, ui, candidate.id, { 'mock.stuck': '1' })
  const mock = control(page)
  const summary = uniqueSummary(ui === en ? 'No news' : 'Geen nieuws')
  await logInteraction(page, ui, summary)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(ui.pendingNew)
  // The deadline counts from the 202. The card shows before it (the dialog closes once the
  // change is journaled), so time jumps only once the change is queued. A jump while the request
  // was still out let the 202 land after it (one CI run in two), and the two minutes then
  // started later than this test counts.
  await expect
    .poll(async () => (await persistedJournal(page)).map((entry) => entry.phase))
    .toEqual(['queued'])

  await page.clock.fastForward('01:50')
  await expect(card).toContainText(ui.pendingNew) // not before the deadline
  await page.clock.fastForward('00:15')
  await expect(card).toContainText(ui.staleNew)
  await expect(card).toContainText(ui.staleExplained)
  expect((await persistedJournal(page)).map((entry) => entry.phase)).toEqual(['stale'])
  await expect(syncIndicator(page)).toHaveAccessibleName(ui.syncStatus(ui.delayedOne))

  const onlyStale = page
    .getByRole('group', { name: ui.showOnly })
    .getByRole('button', { name: `${ui.onlyStale} (1)` })
  await onlyStale.click()
  await expect(feed.getByRole('article')).toHaveCount(1)
  await expect(card).toBeVisible()
  await onlyStale.click()

  // "Check again" reads the candidate's interactions now; the engine still has not run it.
  const reads = await mock.count(GET_INTERACTIONS)
  await card.getByRole('button', { name: ui.checkAgain }).click()
  await expect.poll(() => mock.count(GET_INTERACTIONS)).toBeGreaterThan(reads)
  await expect(card).toContainText(ui.staleNew)

  // Stale is not final: once the engine runs it, the change is confirmed after all, once.
  await mock.setScenario({ stuckQueue: false })
  await expect(card).not.toContainText(ui.staleNew)
  await expect(card).not.toContainText(ui.confirming)
  await expect(card).toBeVisible()
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(1)
}

test('10 · a change stuck in the queue past the deadline says it is not confirmed yet, and is confirmed when the queue moves', async ({
  page,
}) => {
  await staleAfterDeadline(page, en)
})

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' })

  test('10 · een wijziging die na de termijn nog in de wachtrij staat, heet nog niet bevestigd', async ({
    page,
  }) => {
    await staleAfterDeadline(page, nl)
  })
})
