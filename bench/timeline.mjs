// The timeline's speed, measured in Debian's Chromium against the mock-enabled build:
//  1. JavaScript transferred before the app can start (gzip), and what the candidate page adds;
//  2. navigation → first timeline entry painted, for a candidate with 100 interactions;
//  3. filter change → React commit, on those 100 entries (performance marks in the app).
// Every figure is measured here; nothing is estimated. Medians over several runs.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  OUT_DIR,
  build,
  chunkSizes,
  initialJsGzip,
  kb,
  launch,
  median,
  ms,
  p95,
  productionGzipOf,
  serve,
  splitAppAndMock,
} from './lib.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const FILTER_ROUNDS = Number(process.env.BENCH_FILTER_ROUNDS ?? 12)
const TARGETS = { initialKb: 200, firstEntryMs: 1000, filterMs: 16 }

if (!process.env.BENCH_BUILT) build()
const server = await serve()
const browser = await launch()

/** One figure per line, with its target when it has one. */
function line(label, value, unit, limit) {
  const format = unit === 'kb' ? kb : ms
  const target = limit === undefined ? '' : ` (target ≤ ${format(limit)})`
  const verdict = limit === undefined ? '' : value <= limit ? '  ok' : '  OVER TARGET'
  console.log(`${label.padEnd(58)} ${format(value).padStart(10)}${target}${verdict}`)
}

try {
  // --- 1. Bytes ------------------------------------------------------------------------------
  const initial = initialJsGzip()
  const chunks = chunkSizes()
  const gzipOf = (file) => chunks.find((chunk) => chunk.file === file)?.gzip ?? 0
  const contentOf = (file) => readFileSync(join(OUT_DIR, 'assets', file), 'utf8')
  // Code that should only arrive when a form or a date picker opens, found by strings it carries.
  const MARKERS = {
    'react-hook-form': 'shouldUnregister',
    'date pickers': 'MuiPickersLayout',
    Ajv: 'strictSchema',
    // Loads when there is work (a pending entry, a form opened, a submit): never for a reader.
    'the journal runtime': 'change that can still be made can be resubmitted',
  }
  // How long a loaded page is left alone to see whether code keeps arriving after it showed.
  const SETTLE_MS = 3000

  /**
   * Every JS file a fresh profile starts fetching before the page shows what it is for: the
   * first element matching `shown` in the DOM (`ready` waits for the same from the outside). The
   * cut is the moment the element was inserted, as the page recorded it, against each request's
   * start on the browser's clock. (Cutting where `ready` returned counted, on a slow machine,
   * chunks the page asks for only once it has shown its data and the browser is idle.)
   */
  async function coldLoad(path, shown, ready) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.addInitScript((selector) => {
      window.__shownAt = null
      const observer = new MutationObserver(() => {
        if (window.__shownAt === null && document.querySelector(selector) !== null) {
          window.__shownAt = performance.timeOrigin + performance.now()
          observer.disconnect()
        }
      })
      observer.observe(document, { childList: true, subtree: true })
    }, shown)
    const requests = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) {
        requests.push({ file: url.pathname.slice('/assets/'.length), request })
      }
    })
    await page.goto(`${server.url}${path}`)
    await ready(page)
    const shownAt = await page.evaluate(() => window.__shownAt)
    if (typeof shownAt !== 'number') throw new Error(`${path}: "${shown}" was never inserted`)
    // Then the page is left alone: anything fetched now was deferred, not saved.
    await page.waitForTimeout(SETTLE_MS)
    // Every request has finished by now, so its timing (the browser's own clock) is known.
    const untilReady = [
      ...new Set(
        requests
          .filter(({ request }) => request.timing().startTime <= shownAt)
          .map(({ file }) => file),
      ),
    ]
    const later = [...new Set(requests.map(({ file }) => file))].filter(
      (file) => !untilReady.includes(file),
    )
    await context.close()
    const { app, mock } = splitAppAndMock(untilReady)
    const carries = Object.entries(MARKERS)
      .filter(([, marker]) => [...app, ...later].some((file) => contentOf(file).includes(marker)))
      .map(([name]) => name)
    return {
      app,
      gzip: app.reduce((sum, file) => sum + gzipOf(file), 0),
      mockGzip: mock.reduce((sum, file) => sum + gzipOf(file), 0),
      later,
      laterGzip: later.reduce((sum, file) => sum + gzipOf(file), 0),
      carries,
    }
  }

  // The demo's busiest candidate: more than 100 interactions stored, so the API returns 100.
  const scout = await browser.newPage()
  await scout.goto(`${server.url}/candidates`)
  await scout.waitForFunction(() => window.__candidateTimelineMock !== undefined)
  const busyId = await scout.evaluate(() => {
    const mock = window.__candidateTimelineMock
    const all = mock.findCandidates('utrecht', 'production')
    return all.find((c) => mock.findInteractions('utrecht', 'production', c.id).length > 100)?.id
  })
  await scout.close()
  if (!busyId) throw new Error('the demo data has no candidate with over 100 interactions')
  const candidateUrl = `${server.url}/candidates/${busyId}`

  const landing = await coldLoad('/candidates', 'a[href^="/candidates/"]', (page) =>
    page.getByRole('list', { name: 'Candidates' }).getByRole('link').first().waitFor(),
  )
  const deepLink = await coldLoad(`/candidates/${busyId}`, 'article', (page) =>
    page.getByRole('article').first().waitFor(),
  )

  console.log('\nJavaScript transferred (gzip -9 of the files fetched; a build is deterministic)')
  line('index.html: entry + modulepreloads', initial.gzip, 'kb')
  for (const [label, load] of [
    ['cold load of /candidates, until the list shows', landing],
    ['cold deep link to a candidate, until the first entry', deepLink],
  ]) {
    console.log(`${label}:`)
    line('  fetched from the e2e build (app files)', load.gzip, 'kb')
    console.log(`    ${load.app.map((file) => `${file} ${kb(gzipOf(file))}`).join(', ')}`)
    line(
      '  the same chunks in the production build',
      productionGzipOf(load.app),
      'kb',
      TARGETS.initialKb * 1024,
    )
  }
  line('+ the mock backend (demo and e2e builds only)', deepLink.mockGzip, 'kb')
  for (const [name, load] of [
    ['/candidates', landing],
    ['candidate deep link', deepLink],
  ]) {
    console.log(
      `  form, picker or journal code fetched for ${name}: ${load.carries.join(', ') || 'none'}`,
    )
    console.log(
      `  JS fetched in the ${SETTLE_MS / 1000} s after it showed, untouched: ${
        load.later.length === 0 ? 'none' : `${kb(load.laterGzip)} (${load.later.join(', ')})`
      }${
        name === '/candidates' && load.later.length > 0
          ? ' (the list prefetches the candidate page when idle)'
          : ''
      }`,
    )
  }

  // --- 2. Navigation → first entry painted ----------------------------------------------------
  async function firstEntry(context) {
    const tab = await context.newPage()
    await tab.addInitScript(() => {
      window.__firstEntry = null
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          // Every entry is marked: the first frame that shows any of them.
          if (entry.identifier !== 'timeline-entry') continue
          const at = entry.renderTime || entry.loadTime
          if (window.__firstEntry === null || at < window.__firstEntry) window.__firstEntry = at
        }
      }).observe({ type: 'element', buffered: true })
    })
    await tab.goto(candidateUrl)
    await tab.getByRole('article').first().waitFor()
    await tab.waitForFunction(() => window.__firstEntry !== null, null, { timeout: 10_000 })
    const value = await tab.evaluate(() => window.__firstEntry)
    await tab.close()
    return value
  }

  const cold = []
  const warm = []
  for (let run = 0; run < RUNS; run += 1) {
    // Cold: a new browser profile (no HTTP cache, the demo's service worker installs first).
    const fresh = await browser.newContext()
    cold.push(await firstEntry(fresh))
    // Warm: the same profile opening the candidate again (cache and service worker in place).
    warm.push(await firstEntry(fresh))
    await fresh.close()
  }
  console.log(`\nNavigation → first timeline entry painted (Element Timing), ${RUNS} runs`)
  line('warm (returning counsellor): median', median(warm), 'ms', TARGETS.firstEntryMs)
  line('warm: p95', p95(warm), 'ms')
  line(
    'cold (first visit, service worker installs): median',
    median(cold),
    'ms',
    TARGETS.firstEntryMs,
  )
  line('cold: p95', p95(cold), 'ms')

  // --- 3. Filter change → commit --------------------------------------------------------------
  async function filterChanges(throttle) {
    const ctx = await browser.newContext()
    const tab = await ctx.newPage()
    await tab.goto(candidateUrl)
    await tab.getByRole('article').first().waitFor()
    await tab.getByRole('article').nth(99).waitFor({ state: 'attached' })
    if (throttle > 1) {
      const cdp = await ctx.newCDPSession(tab)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    }
    const chips = tab.getByRole('group', { name: 'Type' }).getByRole('button')
    await chips.first().waitFor() // the type chips wait for the region's schema
    const count = await chips.count()
    const read = () =>
      tab.evaluate(() => {
        const entries = performance.getEntriesByName('timeline:filter-commit', 'measure')
        const last = entries.at(-1)
        performance.clearMeasures('timeline:filter-commit')
        return last ? last.duration : null
      })
    const samples = { narrow: [], widen: [], search: [] }
    for (let round = 0; round < FILTER_ROUNDS; round += 1) {
      const chip = chips.nth(round % count)
      await chip.click()
      await tab.waitForFunction(
        () => performance.getEntriesByName('timeline:filter-commit').length > 0,
      )
      samples.narrow.push(await read())
      await chip.click()
      await tab.waitForFunction(
        () => performance.getEntriesByName('timeline:filter-commit').length > 0,
      )
      samples.widen.push(await read())
    }
    const search = tab.getByRole('searchbox', { name: 'Search summary and notes' })
    for (let round = 0; round < FILTER_ROUNDS; round += 1) {
      await search.press(round % 2 === 0 ? 'a' : 'Backspace')
      await tab.waitForFunction(
        () => performance.getEntriesByName('timeline:filter-commit').length > 0,
      )
      samples.search.push(await read())
    }
    await ctx.close()
    return samples
  }

  for (const throttle of [1, 4]) {
    const samples = await filterChanges(throttle)
    const all = [...samples.narrow, ...samples.widen, ...samples.search]
    console.log(
      `\nFilter change → React commit on 100 entries${throttle > 1 ? `, CPU throttled ${throttle}×` : ''} (${all.length} changes)`,
    )
    // The target is for these machines; the throttled pass shows a slower device, no verdict.
    const target = throttle === 1 ? TARGETS.filterMs : undefined
    line('type chip on (narrow): median', median(samples.narrow), 'ms', target)
    line('type chip off (back to all 100): median', median(samples.widen), 'ms', target)
    line('search keystroke: median', median(samples.search), 'ms', target)
    line('all filter changes: p95', p95(all), 'ms')
    line('all filter changes: max', Math.max(...all), 'ms')
  }
} finally {
  await browser.close()
  await server.close()
}
