import { expect, test } from '@playwright/test'
import {
  POST_INTERACTIONS,
  control,
  en,
  fillLogDialog,
  isInteractionsPath,
  logInteraction,
  openCandidate,
  persistedJournal,
  pickCandidate,
  quiet,
  recordApiRequests,
  uniqueSummary,
} from './journal.test-helpers'

/** Issue 4, cases 7 and 8: a write survives a reload and a closed tab, and still lands once. */

const posts = (seen: ReturnType<typeof recordApiRequests>) =>
  seen.filter((request) => request.method === 'POST' && isInteractionsPath(request.path))

test('7 · a write queued at a reload is back after the reload, is not sent again, and is reconciled once the queue runs', async ({
  page,
}) => {
  const { candidate } = await pickCandidate(page, quiet)
  // A stuck queue: accepted (202) but not executed, however long the reload takes.
  const feed = await openCandidate(page, en, candidate.id, { 'mock.stuck': '1' })
  const summary = uniqueSummary('Survives a reload')
  await logInteraction(page, en, summary)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(en.pendingNew)
  // The card is there before the 202 (issue 14); the entry is `queued` once the 202 is in.
  await expect.poll(async () => (await persistedJournal(page))[0]?.phase).toBe('queued')
  const [entry] = await persistedJournal(page)
  expect(await control(page).queued()).toEqual([entry?.key])

  const seen = recordApiRequests(page)
  await page.reload()
  await expect(card).toContainText(en.pendingNew)
  const mock = control(page)
  // "Show only: Pending" finds exactly the change that came back.
  const onlyPending = page
    .getByRole('group', { name: en.showOnly })
    .getByRole('button', { name: `${en.onlyPending} (1)` })
  await onlyPending.click()
  await expect(feed.getByRole('article')).toHaveCount(1)
  await expect(card).toBeVisible()
  await onlyPending.click()
  expect(await mock.queued()).toEqual([entry?.key])
  // It had its 202 before the reload: the reloaded app waits for it instead of sending it again.
  expect(posts(seen)).toHaveLength(0)

  await mock.setScenario({ stuckQueue: false })
  await expect(card).not.toContainText(en.pending)
  await expect(card).not.toContainText(en.confirming)
  await expect(card).toBeVisible()
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(1)
  expect((await mock.outcomes()).map((outcome) => outcome.idempotencyKey)).toEqual([entry?.key])
  expect(await mock.count(POST_INTERACTIONS)).toBe(0)
  await expect.poll(() => persistedJournal(page)).toEqual([])
})

test('8 · a write whose tab was closed while it was being sent goes out again with the same key when the app is opened again, and lands once', async ({
  context,
  page,
}) => {
  const { candidate } = await pickCandidate(page, quiet)
  // mock.drop: the engine queues the first POST but its response is lost, so the journal holds
  // the entry as `sending` and retries in 1 s. The tab is closed before that retry can go out.
  // (The mock cannot hold a request open; a lost response is the closest "still sending".)
  await openCandidate(page, en, candidate.id, { 'mock.drop': '1', 'mock.latency': '3000' })
  const summary = uniqueSummary('Tab closed')
  const firstKey = new Promise<string | null>((resolve) => {
    page.on('requestfailed', (request) => {
      if (request.method() !== 'POST') return
      resolve(new URL(request.url()).searchParams.get('idempotencyKey'))
      void page.close()
    })
  })
  const { submit } = await fillLogDialog(page, en, summary)
  await submit.click()
  const key = await firstKey
  expect(key).toBeTruthy()
  await expect.poll(() => page.isClosed()).toBe(true)

  // The counsellor comes back in a new tab of the same browser profile.
  const again = await context.newPage()
  const seen = recordApiRequests(again)
  const feed = await openCandidate(again, en, candidate.id)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toBeVisible()
  await expect(card).not.toContainText(en.pending)
  await expect(card).not.toContainText(en.confirming)

  const mock = control(again)
  expect(posts(seen).map((request) => request.key)).toEqual([key])
  expect(await mock.count(POST_INTERACTIONS)).toBe(1)
  // Both POSTs reached the engine, yet it ran the write once: exactly one record.
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(1)
  expect((await mock.outcomes()).map((outcome) => outcome.idempotencyKey)).toEqual([key])
  await expect.poll(() => persistedJournal(again)).toEqual([])
})
