// The mutation journal's speed, measured in Debian's Chromium against the mock-enabled build with
// 2 s of engine latency (`mock.latency=2000`), over BENCH_JOURNAL_RUNS submissions per mode:
//  1. submit (the click on "Log interaction") → the pending card in the DOM, → on screen: the
//     first frame (requestAnimationFrame) in which the card is in the DOM and no dialog covers
//     it, and → painted: a user-blocking task (scheduler.postTask) posted from that frame's rAF
//     callback, which runs once the frame has been handed to the compositor and before any
//     ordinary task queued earlier (the app's deferred renders, the mock's request handling).
//     Printed too: the same with an ordinary message (the method before: it also counts those
//     earlier tasks, which come after the paint) and Element Timing of the card (Chromium's
//     presentation time: the compositor's and display's part included). Also with the 202 itself 2 s late
//     (`mock.writeDelay=2000`) and, reported only, with the CPU throttled 4× (CDP
//     Emulation.setCPUThrottlingRate);
//  2. engine completion (the mock's outcome `completedAt`) → the pending mark gone, and → the
//     card shown as the plain server record, with /events on (and, for reference, polling);
//  3. requests per confirmed create (the mock's request counts, before the click → the record
//     shown), with /events and with polling (`mock.events=off`).
// Every press is a person's (decision 0098): the pointer comes to rest on the button 300 ms after
// the typing ends, stays 300 ms, and holds it down for 82–99 ms, so the click lands anywhere in a
// frame. A machine's press (down and up back to back, one frame after the pointer arrived: the
// bench's press before 0098) is reported too. The verdicts on the pending card are on medians:
// a click at a random moment waits up to a whole frame for the next one, whatever it does.
// Every figure is measured here; one that cannot be measured is reported with the reason.
import { build, launch, median, ms, p95, serve } from './lib.mjs'

// 40 Saves per mode: a click lands at a random moment of the frame, so even a click that costs
// nothing spreads evenly over 16.7 ms. From that alone a median's standard error is about 1.9 ms
// over 20 clicks and 1.3 ms over 40 (16.7 / 2√n; decision 0099).
const RUNS = Number(process.env.BENCH_JOURNAL_RUNS ?? 40)
const LATENCY_MS = 2000
const TARGETS = { pendingMs: 16, confirmedMs: 200, requests: 3 }
const MODES = {
  events: { label: 'With /events', params: {} },
  slow202: {
    label: 'With the 202 itself 2 s late (mock.writeDelay=2000)',
    params: { 'mock.writeDelay': '2000' },
  },
  throttled: { label: 'CPU throttled 4× (reported only)', params: {}, cpuRate: 4 },
  machinePress: {
    label: "With a machine's press: down and up back to back (reported only)",
    params: {},
    press: 'machine',
  },
  polling: { label: 'With polling (mock.events=off)', params: { 'mock.events': 'off' } },
}

/**
 * How a button is pressed: through the browser's own input pipeline (CDP mouse events at a point),
 * not Playwright's `click()`, which runs its actionability checks and a hit-target listener inside
 * the page on every pointer event (their cost would be counted as ours).
 *
 * A person's press: a person's pointer reaches the button some time after the typing, rests on it,
 * and holds it down for tens of milliseconds. Every animation the pointer starts (a hover colour,
 * a ripple, a field's label as focus leaves it) is then under way, or over, when the button is let
 * go, as in use. A machine's press lets go within a millisecond of pressing: the frame the press
 * itself caused is still on its way when the click arrives (decision 0098).
 */
const FRAME_MS = 1000 / 60
const PRESSES = {
  // Held 82 ms plus a fraction of a frame: the click's moment within the frame is spread evenly
  // (a fixed hold after a frame would put every click at the same moment of it).
  person: { settleMs: 300, hoverMs: 300, holdMs: () => 82 + FRAME_MS * random() },
  machine: { settleMs: 0, hoverMs: 0, holdMs: () => 0 },
}
const sleep = (duration) => new Promise((resolve) => setTimeout(resolve, duration))

/** A seeded generator (mulberry32), so a run's holds are the same every time. */
function seeded(seed) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seeded(98)

async function press(page, x, y, kind) {
  const { settleMs, hoverMs, holdMs } = PRESSES[kind]
  await sleep(settleMs)
  await page.mouse.move(x, y)
  await sleep(hoverMs)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())))
  await page.mouse.down()
  await sleep(holdMs())
  await page.mouse.up()
}

if (!process.env.BENCH_BUILT) build()
const server = await serve()
const browser = await launch()

/**
 * One figure per line, with its target when it has one: met when the median and the p95 are
 * within it, or only the median (`onMedian`).
 */
function line(label, values, limit, unit = 'ms', onMedian = false) {
  if (values.length === 0) {
    console.log(`${label.padEnd(60)} not measured (no samples)`)
    return
  }
  const format = unit === 'ms' ? ms : (value) => value.toFixed(1)
  const target =
    limit === undefined ? '' : ` (target: ${onMedian ? 'median ' : ''}≤ ${format(limit)})`
  const verdict =
    limit === undefined
      ? ''
      : median(values) <= limit && (onMedian || p95(values) <= limit)
        ? '  ok'
        : '  OVER'
  console.log(
    `${label.padEnd(60)} median ${format(median(values))}, p95 ${format(p95(values))} over ${values.length}${target}${verdict}`,
  )
}

/**
 * In the page before the app loads: the click's timestamp, the 202's arrival (Resource Timing),
 * and the first moment the watched card is pending / confirming / a plain record (a
 * MutationObserver), each with the frame after it (requestAnimationFrame) and, for the pending
 * card, its paint (Element Timing of its title).
 */
function instrument() {
  const bench = {
    current: null,
    watch(summary) {
      bench.current = {
        summary,
        clickAt: null,
        key: null,
        acceptedAt: null,
        states: {},
        frames: {},
        handlerAt: null,
        journalAt: null,
        visibleAt: null,
        frameTime: null,
        paintedAt: null,
        messageAt: null,
        eventDuration: null,
        paints: [],
      }
      check()
    },
  }
  // Is any dialog on screen? A closed MUI dialog is either gone, hidden (keepMounted) or fading
  // out with its container at opacity 0.
  const isDialogShown = () =>
    [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')].some((dialog) => {
      const root = dialog.closest('.MuiModal-root') ?? dialog
      const container = dialog.closest('.MuiDialog-container') ?? dialog
      return (
        getComputedStyle(root).visibility !== 'hidden' &&
        Number(getComputedStyle(container).opacity) > 0
      )
    })
  // From the frame the card entered the DOM in: the first frame it is uncovered, then its paint.
  const watchFrames = (current) => {
    requestAnimationFrame((frameTime) => {
      if (bench.current !== current || current.visibleAt !== null) return
      if (isDialogShown()) {
        watchFrames(current)
        return
      }
      current.visibleAt = performance.now()
      // The frame's own time: when its vsync came (it may run later, after the click's work).
      current.frameTime = frameTime
      scheduler.postTask(
        () => {
          current.paintedAt = performance.now()
        },
        { priority: 'user-blocking' },
      )
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        current.messageAt = performance.now()
      }
      channel.port2.postMessage(null)
    })
  }
  window.__bench = bench
  // When the journal writes its entry to localStorage: the form's part ends, React's begins.
  const setItem = Storage.prototype.setItem
  Storage.prototype.setItem = function (key, value) {
    const current = bench.current
    if (current && current.journalAt === null && key.startsWith('candidate-timeline:journal:'))
      current.journalAt = performance.now()
    return setItem.call(this, key, value)
  }
  const stateOf = (summary) => {
    for (const article of document.querySelectorAll('article')) {
      const text = article.textContent ?? ''
      if (!text.includes(summary)) continue
      if (text.includes('Pending')) return 'pending'
      if (text.includes('Saved, refreshing')) return 'confirming'
      return 'plain'
    }
    return 'none'
  }
  const check = () => {
    const current = bench.current
    if (!current) return
    const state = stateOf(current.summary)
    if (state === 'none' || current.states[state] !== undefined) return
    const at = performance.now()
    current.states[state] = at
    if (state === 'pending') watchFrames(current)
    requestAnimationFrame(() => {
      current.frames[state] = performance.now()
    })
  }
  document.addEventListener(
    'click',
    (event) => {
      const current = bench.current
      const button = event.target instanceof Element ? event.target.closest('button') : null
      if (
        current &&
        current.clickAt === null &&
        (current.summary === '(floor)' || button?.textContent?.trim() === 'Log interaction')
      ) {
        current.clickAt = event.timeStamp
        current.handlerAt = performance.now()
      }
    },
    true,
  )
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  })
  new PerformanceObserver((list) => {
    const current = bench.current
    if (!current) return
    for (const entry of list.getEntries()) {
      if (current.acceptedAt !== null || !entry.name.includes('idempotencyKey=')) continue
      current.key = new URL(entry.name).searchParams.get('idempotencyKey')
      current.acceptedAt = entry.responseEnd
    }
  }).observe({ type: 'resource' })
  // Chromium's own "click → next paint" (Event Timing, as INP uses it): whole 8 ms steps, and only
  // from 16 ms up (a shorter one is not reported).
  new PerformanceObserver((list) => {
    const current = bench.current
    if (!current) return
    for (const entry of list.getEntries()) {
      if (entry.name === 'click' && Math.abs(entry.startTime - current.clickAt) < 1)
        current.eventDuration = entry.duration
    }
  }).observe({ type: 'event', durationThreshold: 16 })
  new PerformanceObserver((list) => {
    const current = bench.current
    if (!current) return
    for (const entry of list.getEntries()) {
      if (entry.element?.textContent?.includes(current.summary))
        current.paints.push(entry.renderTime)
    }
  }).observe({ type: 'element' })
}

/** A demo candidate with a short timeline, all of it in the past (so a new card comes first). */
async function pickCandidate() {
  const scout = await browser.newPage()
  await scout.goto(`${server.url}/candidates`)
  await scout.waitForFunction(() => window.__candidateTimelineMock !== undefined)
  const id = await scout.evaluate(() => {
    const mock = window.__candidateTimelineMock
    const now = Date.now()
    return mock.findCandidates('utrecht', 'production').find((candidate) => {
      const stored = mock.findInteractions('utrecht', 'production', candidate.id)
      return (
        stored.length >= 2 &&
        stored.length <= 8 &&
        stored.every((item) => Date.parse(item.performedAt) < now - 86_400_000)
      )
    })?.id
  })
  await scout.close()
  if (!id) throw new Error('the demo data has no short, past-only timeline')
  return id
}

const counts = (page) => page.evaluate(() => window.__candidateTimelineMock.requestCounts())
const delta = (before, after) =>
  Object.fromEntries(
    Object.entries(after)
      .map(([name, value]) => [name, value - (before[name] ?? 0)])
      .filter(([, value]) => value > 0),
  )
const sum = (record) => Object.values(record).reduce((total, value) => total + value, 0)

/** Logs one interaction through the dialog and follows it until the plain record is shown. */
async function submitOnce(page, summary, pressKind) {
  await page.getByRole('button', { name: 'Log interaction', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Log interactions' })
  const row = dialog.getByRole('group', { name: 'Row 1' })
  await row.waitFor()
  await row.getByRole('combobox', { name: /^Type/ }).click()
  await page.getByRole('option', { name: 'Telefonisch', exact: true }).click()
  await page.keyboard.press('Escape')
  await row.getByRole('textbox', { name: 'Summary' }).fill(summary)
  await page.evaluate((text) => window.__bench.watch(text), summary)
  const save = dialog.getByRole('button', { name: 'Log interaction', exact: true })
  await save.waitFor()
  const box = await save.boundingBox()
  if (box === null) throw new Error('the Save button has no box')
  const before = await counts(page)
  await press(page, box.x + box.width / 2, box.y + box.height / 2, pressKind)
  await page.waitForFunction(() => window.__bench.current.states.plain !== undefined, null, {
    timeout: 90_000,
  })
  const after = await counts(page)
  // Let the frame after the last state run before reading it.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())))
  const sample = await page.evaluate(() => window.__bench.current)
  const outcomes = await page.evaluate(() => window.__candidateTimelineMock.outcomes())
  const outcome = outcomes.find((item) => item.idempotencyKey === sample.key)
  const completedAt =
    outcome === undefined
      ? null
      : await page.evaluate((iso) => Date.parse(iso) - performance.timeOrigin, outcome.completedAt)
  return { ...sample, completedAt, status: outcome?.status ?? null, requests: delta(before, after) }
}

async function measure(candidateId, mode) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Amsterdam' })
  const page = await context.newPage()
  await page.addInitScript(instrument)
  const params = new URLSearchParams({
    'mock.latency': String(LATENCY_MS),
    ...MODES[mode].params,
  })
  await page.goto(`${server.url}/candidates/${candidateId}?${params}`)
  await page.getByRole('article').first().waitFor()
  if (MODES[mode].cpuRate) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MODES[mode].cpuRate })
  }
  const samples = []
  const token = Date.now().toString(36)
  const runs = MODES[mode].cpuRate ? Math.ceil(RUNS / 2) : RUNS
  // One warm-up submission (form code and schema load) that is not counted.
  for (let index = 0; index <= runs; index += 1) {
    const sample = await submitOnce(
      page,
      `Bench ${mode} ${token} #${index}`,
      MODES[mode].press ?? 'person',
    )
    if (index > 0) samples.push(sample)
  }
  // Every confirmed entry leaves the journal a few seconds after its record was shown.
  const journalLeft = await page
    .waitForFunction(
      () =>
        !Object.keys(localStorage).some((item) =>
          item.startsWith('candidate-timeline:journal:v2:production:utrecht#'),
        ),
      null,
      { timeout: 15_000 },
    )
    .then(() => false)
    .catch(() => true)
  await context.close()
  return { samples, journalLeft }
}

/** Event Timing durations: null = under 16 ms (not reported); printed as counts per 8 ms step. */
function eventTimingLine(label, durations) {
  const steps = new Map()
  for (const duration of durations) {
    const step = duration === null ? '< 16' : String(duration)
    steps.set(step, (steps.get(step) ?? 0) + 1)
  }
  const order = [...steps.keys()].sort((a, b) => (a === '< 16' ? -1 : b === '< 16' ? 1 : a - b))
  const shown = order.map((step) => `${step} ms ×${steps.get(step)}`).join(', ')
  const known = durations.map((duration) => duration ?? 12).sort((a, b) => a - b)
  console.log(
    `${`${label}, 8 ms steps)`.padEnd(60)} ${shown}; median ${median(known) <= 12 ? '< 16' : ms(median(known))}`,
  )
}

/**
 * The floor for Event Timing on this machine: a click on the timeline's heading that changes one
 * character of it (a listener the bench adds), pressed the same way as Save.
 */
async function measureFloor(candidateId) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Amsterdam' })
  const page = await context.newPage()
  await page.addInitScript(instrument)
  await page.goto(`${server.url}/candidates/${candidateId}`)
  await page.getByRole('article').first().waitFor()
  const heading = page.getByRole('heading', { name: 'Interactions', level: 2 })
  await page.evaluate(() => {
    const target = [...document.querySelectorAll('h2')].find(
      (h) => h.textContent === 'Interactions',
    )
    target?.addEventListener('click', () => {
      target.textContent = target.textContent.endsWith('.') ? 'Interactions' : 'Interactions.'
    })
  })
  const durations = { person: [], machine: [] }
  for (let index = 0; index < RUNS; index += 1) {
    for (const kind of ['person', 'machine']) {
      const box = await heading.boundingBox()
      if (box === null) throw new Error('the heading has no box')
      await page.evaluate(() => window.__bench.watch('(floor)'))
      await press(page, box.x + 5, box.y + box.height / 2, kind)
      await page.waitForTimeout(300)
      durations[kind].push(await page.evaluate(() => window.__bench.current.eventDuration))
    }
  }
  await context.close()
  console.log(`\nThe floor: a click that changes one character of a heading, ${RUNS} clicks each`)
  eventTimingLine("a person's press: click → next paint (Event Timing", durations.person)
  eventTimingLine("a machine's press: click → next paint (Event Timing", durations.machine)
}

function report(mode, { samples }) {
  const of = (pick) => samples.map(pick).filter((value) => Number.isFinite(value))
  const failed = samples.filter((sample) => sample.status !== 'succeeded').length
  console.log(
    `\n${MODES[mode].label}, engine latency ${LATENCY_MS} ms, ${samples.length} submissions${failed ? ` (${failed} without a succeeded outcome!)` : ''}`,
  )
  if (mode !== 'polling') {
    const target = mode === 'throttled' || mode === 'machinePress' ? undefined : TARGETS.pendingMs
    line(
      'submit click → pending card in the DOM',
      of((s) => s.states.pending - s.clickAt),
      target,
    )
    line(
      'submit click → card on screen (first rAF with it uncovered)',
      of((s) => s.visibleAt - s.clickAt),
      target,
      'ms',
      true,
    )
    line(
      'submit click → pending card painted (rAF + user-blocking task)',
      of((s) => s.paintedAt - s.clickAt),
      target,
      'ms',
      true,
    )
    // Free of the click's moment within the frame: the frame that shows the card uncovered is the
    // first one whose vsync came after the click (its rAF time is less than a frame later).
    const framed = samples.filter((s) => Number.isFinite(s.frameTime))
    const first = framed.filter((s) => s.frameTime - s.clickAt < FRAME_MS).length
    console.log(
      `${'  in the first frame after the click (vsync < 16.7 ms later)'.padEnd(60)} ${first} of ${framed.length}${target === undefined ? '' : first === framed.length ? '  ok' : '  OVER'}`,
    )
    line(
      '  the same with an ordinary message (counts earlier tasks too)',
      of((s) => s.messageAt - s.clickAt),
    )
    line(
      '  of which: click → its handlers start (input delivery, press)',
      of((s) => s.handlerAt - s.clickAt),
    )
    line(
      '  of which: handlers start → journal entry written (validation)',
      of((s) => s.journalAt - s.handlerAt),
    )
    line(
      '  of which: journal entry written → card in the DOM (render)',
      of((s) => s.states.pending - s.journalAt),
    )
    // Element Timing of the pending card (every entry's title is marked), when Chromium reported
    // its paint: the presentation time, after the compositor and the display have had it.
    const painted = of((s) => {
      const leftAt = s.states.confirming ?? s.states.plain
      const paint = s.paints.find((at) => at < leftAt)
      return paint === undefined ? NaN : paint - s.clickAt
    })
    if (painted.length > 0)
      line(
        `submit click → pending card painted (Element Timing, ${painted.length} of ${samples.length} reported)`,
        painted,
      )
    else
      console.log('submit click → painted (Element Timing): not measured, Chromium reported none')
    eventTimingLine(
      'submit click → next paint (Event Timing',
      samples.map((s) => s.eventDuration),
    )
    line(
      'submit click → 202 received',
      of((s) => s.acceptedAt - s.clickAt),
    )
    if (mode !== 'events') return
  }
  line(
    'engine completion → pending mark gone',
    of((s) => (s.states.confirming ?? s.states.plain) - s.completedAt),
    mode === 'events' ? TARGETS.confirmedMs : undefined,
  )
  line(
    'engine completion → … in the next frame',
    of((s) => (s.frames.confirming ?? s.frames.plain) - s.completedAt),
    mode === 'events' ? TARGETS.confirmedMs : undefined,
  )
  line(
    'engine completion → plain server record shown',
    of((s) => s.states.plain - s.completedAt),
  )
  const forCreate = samples.map((s) =>
    sum(Object.fromEntries(Object.entries(s.requests).filter(([name]) => name !== 'GET /events'))),
  )
  line(
    'requests per confirmed create (click → record shown)',
    forCreate,
    mode === 'events' ? TARGETS.requests : undefined,
    'count',
  )
  const breakdown = {}
  for (const sample of samples)
    for (const [name, value] of Object.entries(sample.requests))
      breakdown[name] = (breakdown[name] ?? 0) + value
  console.log(
    `  all requests in those windows: ${Object.entries(breakdown)
      .map(([name, value]) => `${name} ×${value}`)
      .join(', ')} (GET /events = stream reconnects, not counted per create)`,
  )
}

try {
  const candidateId = await pickCandidate()
  const only = process.env.BENCH_JOURNAL_MODES?.split(',')
  for (const mode of Object.keys(MODES).filter((name) => !only || only.includes(name))) {
    const result = await measure(candidateId, mode)
    report(mode, result)
    console.log(
      result.journalLeft
        ? '  the journal still held entries 15 s after the last record was shown'
        : '  the journal was empty afterwards (every entry let go)',
    )
  }
  if (!only || only.includes('floor')) await measureFloor(candidateId)
} finally {
  await browser.close()
  await server.close()
}
