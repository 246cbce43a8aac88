import { expect, test, type Page } from '@playwright/test'
import { writeInPage } from './page-mock.test-helpers'
import {
  POST_INTERACTIONS,
  control,
  en,
  fillLogDialog,
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
  watchCardAndAccept,
  type Ui,
} from './journal.test-helpers'

/**
 * Issue 4, "never lost, never twice", on the mock backend: one test per case. Cases 7–8 (reload,
 * closed tab) are in journal-durability.spec.ts, 9–10 (read errors, stale) in
 * journal-timing.spec.ts.
 */

const posts = (seen: ReturnType<typeof recordApiRequests>) =>
  seen.filter((request) => request.method === 'POST' && isInteractionsPath(request.path))

test('1 · the pending card is on the page before the 202 arrives, and stays pending while the engine works (no slow-accept knob: proven by event order)', async ({
  page,
}) => {
  // The mock answers a write at once (mock.latency delays the ENGINE, not the 202) and has no
  // knob to hold the 202 itself. So the proof is the order of events inside the page: the card
  // entered the DOM while the journal entry was still `sending`, before the 202's response
  // ended. Then mock.latency keeps the queue from executing while the card shows "pending".
  const { candidate } = await pickCandidate(page, quiet)
  const summary = uniqueSummary('Before the 202')
  const readTiming = await watchCardAndAccept(page, summary)
  const feed = await openCandidate(page, en, candidate.id, { 'mock.latency': '10000' })
  const mock = control(page)

  await logInteraction(page, en, summary)

  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(en.pendingNew)
  const timing = await readTiming()
  expect(timing?.cardAt).not.toBeNull()
  expect(timing?.acceptedAt).not.toBeNull()
  expect(timing?.phaseAtCard).toBe('sending')
  expect(timing?.cardAt ?? Infinity).toBeLessThan(timing?.acceptedAt ?? -Infinity)

  // Accepted but not executed: the engine still holds it, and the card says pending.
  const [entry] = await persistedJournal(page)
  expect(entry?.phase).toBe('queued')
  expect(await mock.queued()).toContain(entry?.key)
  expect(await mock.outcomes()).toEqual([])
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(0)
  await expect(card).toContainText(en.pendingNew)
})

async function confirmedByEvents(page: Page, ui: Ui) {
  const { candidate } = await pickCandidate(page, quiet)
  const feed = await openCandidate(page, ui, candidate.id, { 'mock.latency': '1500' })
  const mock = control(page)
  const seen = recordApiRequests(page)
  const summary = uniqueSummary(ui === en ? 'Called back' : 'Teruggebeld')

  await logInteraction(page, ui, summary)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(ui.pendingNew)
  await expect(syncIndicator(page)).toHaveAccessibleName(ui.syncStatus(ui.syncingOne))

  // The engine runs after 1.5 s; its outcome comes over /events and the mark goes.
  await expect(card).not.toContainText(ui.pending)
  await expect(card).not.toContainText(ui.confirming)
  await expect(feed.getByRole('article', { name: summary })).toHaveCount(1)
  await expect(card).toBeVisible()
  const [outcome] = await mock.outcomes()
  expect(outcome?.status).toBe('succeeded')
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(1)
  // Events did it, not polling: one re-read after the submit (the outcome's invalidation).
  const submitAt = posts(seen)[0]?.at ?? 0
  const reads = seen.filter(
    (request) =>
      request.method === 'GET' && isInteractionsPath(request.path) && request.at >= submitAt,
  )
  expect(reads).toHaveLength(1)
  expect(await mock.count(POST_INTERACTIONS)).toBe(1)
  await expect(syncIndicator(page)).toHaveAccessibleName(ui.syncStatus(ui.allSaved))
  // The journal lets go once the data shows the record (after the short highlight).
  await expect.poll(() => persistedJournal(page)).toEqual([])
}

test('2 · a write confirmed by /events loses its pending mark, is in the data once, and the app bar says all saved', async ({
  page,
}) => {
  await confirmedByEvents(page, en)
})

test('3 · with /events off the write is confirmed by polling', async ({ page }) => {
  const { candidate } = await pickCandidate(page, quiet)
  const seen = recordApiRequests(page)
  const feed = await openCandidate(page, en, candidate.id, {
    'mock.latency': '1500',
    'mock.events': 'off',
  })
  const mock = control(page)
  const eventsStatuses: number[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('/events')) eventsStatuses.push(response.status())
  })
  const summary = uniqueSummary('Polled')

  await logInteraction(page, en, summary)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(en.pendingNew)
  // The Changes panel says why confirmation is slower now.
  await syncIndicator(page).click()
  await expect(page.getByRole('dialog', { name: en.changes })).toContainText(en.eventsUnavailable)
  await page.keyboard.press('Escape')
  await expect(card).not.toContainText(en.pending)
  await expect(card).not.toContainText(en.confirming)

  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(1)
  const submitAt = posts(seen)[0]?.at ?? 0
  const reads = seen.filter(
    (request) =>
      request.method === 'GET' && isInteractionsPath(request.path) && request.at > submitAt,
  )
  // At least one poll found the record (the engine ran at 1.5 s; polls at about 1 s and 3 s).
  expect(reads.length).toBeGreaterThanOrEqual(1)
  expect(reads.length).toBeLessThanOrEqual(4)
  // The stream really was off: every /events request was answered 503 (none stayed open).
  expect(seen.filter((request) => request.path.endsWith('/events')).length).toBeGreaterThan(0)
  expect(new Set(eventsStatuses)).toEqual(new Set([503]))
  expect(await mock.count(POST_INTERACTIONS)).toBe(1)
  await expect.poll(() => persistedJournal(page)).toEqual([])
})

test('4a · an edit that fails after its 202 (a colleague deleted the interaction first) shows failed with the reason, and can be discarded', async ({
  page,
}) => {
  // The mock fails a write at execution with `ownership` (record of another candidate) or
  // `not_found` (record gone). `ownership` cannot be reached from the UI or the HTTP API (record
  // ids are addressed under their own candidate, and a PATCH cannot move a record), so this
  // takes the realistic road to a failure after the 202: a colleague's delete ran first.
  const { candidate, stored } = await pickCandidate(page, quiet)
  const target = stored.find(
    (item) =>
      typeof item.summary === 'string' &&
      stored.filter((other) => other.summary === item.summary).length === 1,
  )
  if (!target || typeof target.summary !== 'string') throw new Error('a unique summary')
  const feed = await openCandidate(page, en, candidate.id, { 'mock.stuck': '1' })
  const mock = control(page)

  // A colleague deletes it from another client; the engine has not run that yet.
  const colleague = await writeInPage(page, {
    method: 'DELETE',
    path: `/candidates/${candidate.id}/interactions/${target.id}`,
    idempotencyKey: `colleague-${Date.now()}`,
  })
  expect(colleague).toMatchObject({ status: 202 })

  // The counsellor still sees it and corrects its summary: accepted (202), queued behind.
  await feed
    .getByRole('article', { name: target.summary })
    .getByRole('button', { name: en.edit })
    .click()
  const dialog = page.getByRole('dialog', { name: en.editDialog })
  const field = dialog.getByRole('textbox', { name: en.summary })
  await expect(field).toHaveValue(target.summary)
  const corrected = uniqueSummary('Corrected')
  await field.fill(corrected)
  await dialog.getByRole('button', { name: en.saveChanges }).click()
  await expect(dialog).toBeHidden()
  await expect(feed.getByRole('article', { name: corrected })).toContainText(en.pendingEdit)

  await mock.setScenario({ stuckQueue: false })
  // The delete runs first; the edit then fails at execution with not_found.
  await expect
    .poll(async () => (await mock.outcomes()).map((outcome) => outcome.code))
    .toEqual([null, 'not_found'])
  // Nothing typed is lost: the failed edit is kept in the journal for the counsellor.
  await expect
    .poll(async () =>
      (await persistedJournal(page)).map(({ phase, operation }) => [phase, operation]),
    )
    .toEqual([['failed', 'update']])
  await expect(syncIndicator(page)).toHaveAccessibleName(en.syncStatus(en.failedOne))

  // Failed is shown on the timeline too, with the reason, although the record itself is gone
  // (checked before the Changes panel opens: a modal hides the page from the accessibility tree).
  const failedCard = feed.getByRole('article', { name: corrected })
  await expect(failedCard).toContainText(en.failedEdit)
  await expect(failedCard).toContainText(en.reasonEditTargetGone)
  // The record is gone: correcting the edit cannot help, so only discarding is offered.
  await expect(failedCard.getByRole('button', { name: en.editAndResubmit })).toHaveCount(0)
  await expect(failedCard.getByRole('button', { name: en.discard })).toBeVisible()

  // The app bar's Changes panel names the change and the reason.
  await syncIndicator(page).click()
  const panel = page.getByRole('dialog', { name: en.changes })
  const item = panel.getByRole('listitem', { name: `${en.editOfInteraction} — ${corrected}` })
  await expect(item).toContainText(en.failed)
  await expect(item).toContainText(en.editTargetGone)
  await expect(item.getByRole('button')).toHaveText([en.discard])

  await item.getByRole('button', { name: en.discard }).click()
  await expect(item).toBeHidden()
  await page.keyboard.press('Escape')
  await expect(syncIndicator(page)).toHaveAccessibleName(en.syncStatus(en.allSaved))
  expect(await persistedJournal(page)).toEqual([])
  expect(await mock.recordsWith(candidate.id, corrected)).toHaveLength(0)
})

test('4b · a create that fails after its 202 shows failed with the reason; edit & resubmit sends it again under a new key and it is confirmed once', async ({
  page,
}) => {
  const { candidate } = await pickCandidate(page, quiet)
  const feed = await openCandidate(page, en, candidate.id, { 'mock.latency': '300' })
  const mock = control(page)
  const seen = recordApiRequests(page)
  // Every execution attempt fails: the engine gives up after its retries (internal_error).
  await mock.setScenario({ failureRate: 1 })
  const summary = uniqueSummary('Will fail')

  await logInteraction(page, en, summary)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(en.failedNew)
  await expect(card).toContainText(en.reasonOutcome)
  await expect(syncIndicator(page)).toHaveAccessibleName(en.syncStatus(en.failedOne))
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(0)

  await mock.setScenario({ failureRate: 0 })
  await card.getByRole('button', { name: en.editAndResubmit }).click()
  const dialog = page.getByRole('dialog', { name: en.resubmitLogDialog })
  await expect(dialog.getByRole('alert').first()).toContainText(en.notSaved)
  const field = dialog
    .getByRole('group', { name: en.row1 })
    .getByRole('textbox', { name: en.summary })
  await expect(field).toHaveValue(summary)
  const corrected = `${summary} (again)`
  await field.fill(corrected)
  await dialog.getByRole('button', { name: en.resubmit }).click()
  await expect(dialog).toBeHidden()

  const again = feed.getByRole('article', { name: corrected, exact: true })
  await expect(again).toBeVisible()
  await expect(again).not.toContainText(en.pending)
  await expect(again).not.toContainText(en.confirming)
  await expect(feed.getByRole('article', { name: summary, exact: true })).toHaveCount(0)
  expect(await mock.recordsWith(candidate.id, corrected)).toHaveLength(1)
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(0)
  const keys = posts(seen).map((request) => request.key)
  expect(keys).toHaveLength(2)
  expect(new Set(keys).size).toBe(2) // a NEW key for the corrected write
  await expect.poll(() => persistedJournal(page)).toEqual([])
})

test('5 · a POST whose response is lost is retried with the same key, and the data holds exactly one record', async ({
  page,
}) => {
  const { candidate } = await pickCandidate(page, quiet)
  const seen = recordApiRequests(page)
  const failures: string[] = []
  page.on('requestfailed', (request) => {
    if (request.method() === 'POST') failures.push(request.url())
  })
  const feed = await openCandidate(page, en, candidate.id, { 'mock.drop': '1' })
  const mock = control(page)
  const summary = uniqueSummary('Dropped once')

  await logInteraction(page, en, summary)
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toContainText(en.pendingNew)
  await expect(card).not.toContainText(en.pending)
  await expect(card).not.toContainText(en.confirming)

  const sent = posts(seen)
  expect(sent).toHaveLength(2)
  expect(sent[0]?.key).toBeTruthy()
  expect(sent[1]?.key).toBe(sent[0]?.key)
  expect(failures).toHaveLength(1)
  expect(await mock.count(POST_INTERACTIONS)).toBe(2)
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(1)
  expect((await mock.outcomes()).map((outcome) => outcome.idempotencyKey)).toEqual([sent[0]?.key])
})

test('6 · a double click on submit sends one request', async ({ page }) => {
  const { candidate } = await pickCandidate(page, quiet)
  const seen = recordApiRequests(page)
  const feed = await openCandidate(page, en, candidate.id)
  const mock = control(page)
  const summary = uniqueSummary('Double click')

  const { dialog, submit } = await fillLogDialog(page, en, summary)
  await submit.dblclick()
  await expect(dialog).toBeHidden()
  const card = feed.getByRole('article', { name: summary })
  await expect(card).toHaveCount(1)
  await expect(card).not.toContainText(en.pending)
  await expect(card).not.toContainText(en.confirming)

  expect(posts(seen)).toHaveLength(1)
  expect(await mock.count(POST_INTERACTIONS)).toBe(1)
  expect(await mock.recordsWith(candidate.id, summary)).toHaveLength(1)
})

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' })

  test('2 · een wijziging die via /events bevestigd wordt, verliest haar markering en staat één keer in de data', async ({
    page,
  }) => {
    await confirmedByEvents(page, nl)
  })
})
