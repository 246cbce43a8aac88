import { expect, type Page } from '@playwright/test'
import type { ScenarioPatch } from '@/mocks/scenario'
import { mockIn } from './mock-control.test-helpers'

/**
 * Helpers of the mutation-journal specs (e2e/journal*.spec.ts): the words of the UI in both
 * languages, logging an interaction through the "Log interactions" dialog, and looks into the
 * mock backend and the journal that the proofs need (request counts, stored records, keys).
 */

export const POST_INTERACTIONS = 'POST /candidates/:candidateId/interactions'
export const GET_INTERACTIONS = 'GET /candidates/:candidateId/interactions'
/** Where the app keeps the journal of the demo region (production) — see journal-storage.ts. */
/** Where the journal keeps each entry of the demo's Utrecht production scope (one item each). */
export const JOURNAL_ITEM_PREFIX = 'candidate-timeline:journal:v2:production:utrecht#'

export const en = {
  feed: 'Interactions',
  logInteraction: 'Log interaction',
  logDialog: 'Log interactions',
  row1: 'Row 1',
  type: /^Type/,
  summary: 'Summary',
  submit: 'Log interaction',
  pendingNew: 'Pending · new',
  pendingEdit: 'Pending · edit',
  pending: 'Pending',
  confirming: 'Saved, refreshing',
  staleNew: 'Not confirmed yet · new',
  staleExplained: 'The server has not confirmed this change yet.',
  failed: 'Failed',
  failedEdit: 'Failed · edit',
  failedNew: 'Failed · new',
  reasonEditTargetGone:
    'Reason: This interaction no longer exists (someone may have deleted it), so the edit cannot be made.',
  reasonOutcome: 'Reason: The server could not apply the change.',
  syncStatus: (summary: string) => `Sync status: ${summary}`,
  allSaved: 'All changes saved',
  syncingOne: '1 change syncing',
  failedOne: '1 failed',
  delayedOne: '1 delayed',
  changes: 'Changes',
  editOfInteraction: 'Edit of an interaction',
  editTargetGone:
    'This interaction no longer exists (someone may have deleted it), so the edit cannot be made.',
  eventsUnavailable: 'Live updates are unavailable',
  showOnly: 'Show only',
  onlyPending: 'Pending',
  onlyFailed: 'Failed',
  onlyStale: 'Not confirmed',
  checkAgain: 'Check again',
  discard: 'Discard',
  edit: 'Edit',
  editDialog: 'Edit interaction',
  saveChanges: 'Save changes',
  editAndResubmit: 'Edit & resubmit',
  resubmitLogDialog: 'Correct and resubmit',
  resubmitEditDialog: 'Correct and resubmit the edit',
  resubmit: 'Resubmit',
  notSaved: 'This change was not saved.',
} as const

type Widen<T> = T extends RegExp
  ? RegExp
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : T extends string
      ? string
      : T
export type Ui = { [K in keyof typeof en]: Widen<(typeof en)[K]> }

export const nl: Ui = {
  feed: 'Contactmomenten',
  logInteraction: 'Contactmoment vastleggen',
  logDialog: 'Contactmomenten vastleggen',
  row1: 'Rij 1',
  type: /^Soort/,
  summary: 'Samenvatting',
  submit: 'Contactmoment vastleggen',
  pendingNew: 'Wordt verwerkt · nieuw',
  pendingEdit: 'Wordt verwerkt · wijziging',
  pending: 'Wordt verwerkt',
  confirming: 'Opgeslagen, wordt ververst',
  staleNew: 'Nog niet bevestigd · nieuw',
  staleExplained: 'De server heeft deze wijziging nog niet bevestigd.',
  failed: 'Mislukt',
  failedEdit: 'Mislukt · wijziging',
  failedNew: 'Mislukt · nieuw',
  reasonEditTargetGone:
    'Reden: Dit contactmoment bestaat niet meer (misschien heeft iemand het verwijderd), dus de wijziging kan niet worden doorgevoerd.',
  reasonOutcome: 'Reden: De server kon de wijziging niet doorvoeren.',
  syncStatus: (summary: string) => `Synchronisatie: ${summary}`,
  allSaved: 'Alle wijzigingen opgeslagen',
  syncingOne: '1 wijziging wordt verwerkt',
  failedOne: '1 mislukt',
  delayedOne: '1 vertraagd',
  changes: 'Wijzigingen',
  editOfInteraction: 'Wijziging van een contactmoment',
  editTargetGone:
    'Dit contactmoment bestaat niet meer (misschien heeft iemand het verwijderd), dus de wijziging kan niet worden doorgevoerd.',
  eventsUnavailable: 'Live-updates zijn niet beschikbaar',
  showOnly: 'Alleen tonen',
  onlyPending: 'Wordt verwerkt',
  onlyFailed: 'Mislukt',
  onlyStale: 'Niet bevestigd',
  checkAgain: 'Opnieuw kijken',
  discard: 'Weggooien',
  edit: 'Bewerken',
  editDialog: 'Contactmoment bewerken',
  saveChanges: 'Wijzigingen opslaan',
  editAndResubmit: 'Bewerken en opnieuw versturen',
  resubmitLogDialog: 'Corrigeren en opnieuw versturen',
  resubmitEditDialog: 'Wijziging corrigeren en opnieuw versturen',
  resubmit: 'Opnieuw versturen',
  notSaved: 'Deze wijziging is niet opgeslagen.',
}

export type Stored = Awaited<ReturnType<ReturnType<typeof mockIn>['interactions']>>[number]

/** A demo candidate (Utrecht, production) whose stored interactions fit `match`. */
export async function pickCandidate(page: Page, match: (stored: Stored[]) => boolean) {
  await page.goto('/candidates')
  const mock = mockIn(page)
  for (const candidate of await mock.candidates()) {
    const stored = await mock.interactions(candidate.id)
    if (match(stored)) return { candidate, stored }
  }
  throw new Error('no demo candidate fits')
}

/** A short timeline with at least one summary of its own (so a card can be found by name). */
export const quiet = (stored: Stored[]) =>
  stored.length >= 2 &&
  stored.length <= 12 &&
  stored.some(
    (item) =>
      typeof item.summary === 'string' &&
      stored.filter((other) => other.summary === item.summary).length === 1,
  )

/** Opens a candidate with `mock.*` scenario parameters and waits for its timeline. */
export async function openCandidate(
  page: Page,
  ui: Ui,
  candidateId: string,
  scenario: Record<string, string> = {},
) {
  const query = new URLSearchParams(scenario).toString()
  await page.goto(`/candidates/${candidateId}${query ? `?${query}` : ''}`)
  const feed = page.getByRole('feed', { name: ui.feed })
  await expect(feed.getByRole('article').first()).toBeVisible()
  return feed
}

/** A summary no seeded record has, so its card and its stored record can be found. */
export function uniqueSummary(label: string) {
  return `${label} ${Date.now().toString(36)}`
}

/** Fills the "Log interactions" dialog with one row (type + summary); returns its submit button. */
export async function fillLogDialog(page: Page, ui: Ui, summary: string, type = 'Telefonisch') {
  await page.getByRole('button', { name: ui.logInteraction, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: ui.logDialog })
  const row = dialog.getByRole('group', { name: ui.row1 })
  // The lazy form first shows a loading dialog with the same title: wait for the row itself.
  await expect(row).toBeVisible()
  await row.getByRole('combobox', { name: ui.type }).click()
  await page.getByRole('option', { name: type, exact: true }).click()
  await page.keyboard.press('Escape') // closes the option list, not the dialog
  await row.getByRole('textbox', { name: ui.summary }).fill(summary)
  return { dialog, submit: dialog.getByRole('button', { name: ui.submit, exact: true }) }
}

/** Logs one interaction and waits until the dialog has handed it to the journal. */
export async function logInteraction(page: Page, ui: Ui, summary: string, type = 'Telefonisch') {
  const { dialog, submit } = await fillLogDialog(page, ui, summary, type)
  await submit.click()
  await expect(dialog).toBeHidden()
}

/** The app bar's sync indicator. */
export const syncIndicator = (page: Page) =>
  page.getByRole('button', { name: /^(Sync status|Synchronisatie):/ })

type MockCall =
  | { kind: 'setScenario'; patch: ScenarioPatch }
  | { kind: 'requestCounts' }
  | { kind: 'queued' }
  | { kind: 'outcomes' }

/** The mock control in the page (window.__candidateTimelineMock, e2e builds only). */
export function control(page: Page) {
  const ready = () => page.waitForFunction(() => window.__candidateTimelineMock !== undefined)
  const call = async <T>(request: MockCall): Promise<T> => {
    await ready()
    return page.evaluate((r) => {
      const mock = window.__candidateTimelineMock
      if (!mock) throw new Error('no mock control in this page')
      switch (r.kind) {
        case 'setScenario':
          mock.setScenario(r.patch)
          return null
        case 'requestCounts':
          return mock.requestCounts()
        case 'queued':
          return mock.queued().map((m) => m.idempotencyKey)
        case 'outcomes':
          return mock.outcomes().map((o) => ({
            idempotencyKey: o.idempotencyKey,
            status: o.status,
            completedAt: o.completedAt,
            code: o.error?.code ?? null,
          }))
      }
    }, request) as Promise<T>
  }
  return {
    setScenario: (patch: ScenarioPatch) => call<null>({ kind: 'setScenario', patch }),
    count: async (name: string) =>
      (await call<Record<string, number>>({ kind: 'requestCounts' }))[name] ?? 0,
    /** Idempotency keys still queued in the engine. */
    queued: () => call<string[]>({ kind: 'queued' }),
    outcomes: () =>
      call<{ idempotencyKey: string; status: string; completedAt: string; code: string | null }[]>({
        kind: 'outcomes',
      }),
    /** Stored records of the candidate with this summary (the proof of "exactly one"). */
    recordsWith: async (candidateId: string, summary: string) =>
      (await mockIn(page).interactions(candidateId)).filter((item) => item.summary === summary),
  }
}

export type JournalEntryView = {
  key: string
  phase: string
  attempts: number
  operation: string
}

/** The journal as the app persisted it in localStorage (what survives a reload or a closed tab). */
export async function persistedJournal(page: Page): Promise<JournalEntryView[]> {
  return page.evaluate((prefix) => {
    const entries: (JournalEntryView & { createdAt: number })[] = []
    for (let index = 0; index < localStorage.length; index += 1) {
      const item = localStorage.key(index)
      const raw = item?.startsWith(prefix) ? localStorage.getItem(item) : null
      if (raw !== null) entries.push(JSON.parse(raw) as JournalEntryView & { createdAt: number })
    }
    return entries
      .sort((a, b) => a.createdAt - b.createdAt)
      .map(({ key, phase, attempts, operation }) => ({ key, phase, attempts, operation }))
  }, JOURNAL_ITEM_PREFIX)
}

export type SeenRequest = { method: string; path: string; key: string | null; at: number }

/** Every API request the page makes (also those the mock's service worker answers). */
export function recordApiRequests(page: Page): SeenRequest[] {
  const seen: SeenRequest[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!url.pathname.startsWith('/api/')) return
    seen.push({
      method: request.method(),
      path: url.pathname,
      key: url.searchParams.get('idempotencyKey'),
      at: Date.now(),
    })
  })
  return seen
}

export const isInteractionsPath = (path: string) => /\/candidates\/[^/]+\/interactions$/.test(path)

export type CardTiming = {
  /** performance.now() when a card carrying the summary entered the DOM. */
  cardAt: number | null
  /** The journal entry's persisted phase at that moment ("sending" = no 202 yet). */
  phaseAtCard: string | null
  /** performance.now() when the write's response (the 202) had fully arrived. */
  acceptedAt: number | null
}

declare global {
  interface Window {
    __journalCard?: CardTiming
  }
}

/**
 * Installs, before the app loads, an in-page watch for the moment a timeline card with
 * `summary` appears and for the moment the write's 202 arrives (Resource Timing of the request
 * that carries `idempotencyKey`). In-page DOM code, not a locator: Playwright's locators cannot
 * say WHEN something appeared relative to a response, only that it is there now.
 */
export async function watchCardAndAccept(page: Page, summary: string) {
  await page.addInitScript(
    ({ text, prefix }) => {
      const timing: CardTiming = { cardAt: null, phaseAtCard: null, acceptedAt: null }
      window.__journalCard = timing
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (timing.acceptedAt === null && entry.name.includes('idempotencyKey=')) {
            timing.acceptedAt = (entry as PerformanceResourceTiming).responseEnd
          }
        }
      }).observe({ type: 'resource', buffered: true })
      // The phase of the newest entry the journal has stored.
      const phaseNow = () => {
        let newest: { phase: string; createdAt: number } | null = null
        for (let index = 0; index < localStorage.length; index += 1) {
          const item = localStorage.key(index)
          const raw = item?.startsWith(prefix) ? localStorage.getItem(item) : null
          if (raw === null) continue
          const entry = JSON.parse(raw) as { phase: string; createdAt: number }
          if (newest === null || entry.createdAt >= newest.createdAt) newest = entry
        }
        return newest?.phase ?? null
      }
      new MutationObserver((records) => {
        if (timing.cardAt !== null) return
        for (const record of records) {
          for (const node of record.addedNodes) {
            // A card is an <article>; the text must be in one (not in the dialog's input value).
            const element = node instanceof Element ? node : node.parentElement
            if (!element?.closest('article') && !element?.querySelector('article')) continue
            if (!node.textContent?.includes(text)) continue
            timing.cardAt = performance.now()
            timing.phaseAtCard = phaseNow()
            return
          }
        }
      }).observe(document, { childList: true, subtree: true, characterData: true })
    },
    { text: summary, prefix: JOURNAL_ITEM_PREFIX },
  )
  return () => page.evaluate(() => window.__journalCard ?? null)
}
