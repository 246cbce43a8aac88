import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { mockIn } from './mock-control.test-helpers'

/**
 * Colleagues' changes, live, on the built-in mock. Each tab runs its own mock backend, so a
 * second tab cannot play the colleague here; the mock's e2e control queues the colleague's
 * write instead (a key this page never made), and its outcome reaches the page's `/events`
 * exactly as a relay's would. The relay e2e (relay.spec.ts) does it with two real browsers.
 */
test('a counsellor sees a colleague’s new and edited interactions appear live, marked and announced', async ({
  page,
}) => {
  await page.goto('/candidates')
  const mock = mockIn(page)
  let candidateId = ''
  for (const candidate of await mock.candidates()) {
    const stored = await mock.interactions(candidate.id)
    if (stored.length >= 2 && stored.length < 30) {
      candidateId = candidate.id
      break
    }
  }
  expect(candidateId).not.toBe('')
  const eventsOpened = page.waitForRequest((request) => request.url().endsWith('/events'))
  await page.goto(`/candidates/${candidateId}`)
  const feed = page.getByRole('feed', { name: 'Interactions' })
  await expect(feed.getByRole('article').first()).toBeVisible()
  await eventsOpened

  const reads = { count: 0 }
  page.on('request', (request) => {
    if (request.url().includes(`/candidates/${candidateId}/interactions`)) reads.count += 1
  })
  await mock.colleagueWrite({
    kind: 'create-interactions',
    candidateId,
    payloads: [
      { type: ['Telefonisch'], performedAt: new Date().toISOString(), summary: 'Collega belde' },
    ],
  })

  const card = feed.getByRole('article', { name: 'Collega belde' })
  await expect(card).toBeVisible()
  await expect(card.getByText('New', { exact: true })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'A colleague logged' })).toHaveText(
    /A colleague logged an interaction; it is marked “New”\./,
  )
  expect(reads.count).toBe(1) // one read of this timeline per outcome, no more
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([])

  const [first] = await mock.interactions(candidateId)
  if (!first) throw new Error('the candidate has interactions')
  await mock.colleagueWrite({
    kind: 'update-interaction',
    candidateId,
    interactionId: first.id,
    patch: { summary: 'Door collega aangepast' },
  })
  const edited = feed.getByRole('article', { name: 'Door collega aangepast' })
  await expect(edited.getByText('Changed', { exact: true })).toBeVisible()
})
