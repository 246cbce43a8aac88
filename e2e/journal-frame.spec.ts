import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import {
  control,
  en,
  fillLogDialog,
  logInteraction,
  openCandidate,
  persistedJournal,
  pickCandidate,
  POST_INTERACTIONS,
  quiet,
  uniqueSummary,
} from './journal.test-helpers'

/**
 * Issue 14, "the pending card within one frame": the dialog leaves as soon as the journal holds
 * the change, even when the 202 itself is slow (mock.writeDelay holds the answer, not the engine).
 */
test('with a slow 202 the dialog is gone and the card pending at once; the 202 then lands on the same card', async ({
  page,
}) => {
  const { candidate } = await pickCandidate(page, quiet)
  const summary = uniqueSummary('Slow 202')
  const feed = await openCandidate(page, en, candidate.id, {
    'mock.writeDelay': '600000',
    'mock.latency': '600000',
  })
  const mock = control(page)

  await logInteraction(page, en, summary) // waits until the dialog is hidden
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(en.pendingNew)
  // The write is queued upstream, but its 202 has not come back: the entry is still `sending`.
  const [entry] = await persistedJournal(page)
  expect(entry?.phase).toBe('sending')
  expect(await mock.queued()).toContain(entry?.key)
  // Focus went back to where the counsellor started, and the page is clean for axe while the
  // hidden form waits for its answer.
  await expect(page.getByRole('button', { name: en.logInteraction, exact: true })).toBeFocused()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  // The answer arrives: the same entry is accepted, still one card, still pending.
  await mock.setScenario({ writeAnswerDelayMs: 0 })
  await expect.poll(async () => (await persistedJournal(page))[0]?.phase).toBe('queued')
  await expect(feed.getByRole('article', { name: summary })).toHaveCount(1)
  await expect(card).toContainText(en.pendingNew)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

/**
 * Save's click saves without the browser submitting the form (decision 0099). In Chromium, Enter
 * in a field submits by clicking Save: both ways send the change once, under one key.
 */
test('Enter in a field saves once, like a click on Save', async ({ page }) => {
  const { candidate } = await pickCandidate(page, quiet)
  const feed = await openCandidate(page, en, candidate.id, { 'mock.latency': '600000' })
  const mock = control(page)
  const writes = () => mock.count(POST_INTERACTIONS)
  const before = await writes()

  const byEnter = uniqueSummary('Saved by Enter')
  const { dialog } = await fillLogDialog(page, en, byEnter)
  await dialog.getByRole('textbox', { name: en.summary }).press('Enter')
  await expect(dialog).toBeHidden()
  await expect(feed.getByRole('article', { name: byEnter })).toContainText(en.pendingNew)
  await expect.poll(writes).toBe(before + 1)

  const byClick = uniqueSummary('Saved by a click')
  await logInteraction(page, en, byClick)
  await expect(feed.getByRole('article', { name: byClick })).toContainText(en.pendingNew)
  await expect.poll(writes).toBe(before + 2)
  // Each change once, each under its own key; nothing else went out.
  const keys = (await persistedJournal(page)).map((entry) => entry.key)
  expect(new Set(keys).size).toBe(2)
  expect((await mock.queued()).filter((key) => keys.includes(key))).toHaveLength(2)
  expect(await writes()).toBe(before + 2)
})
