// The forms' speed, measured in Debian's Chromium; every figure is measured here, none estimated.
//  1. Mounting the interaction form for each demo region's schema, ours and @rjsf/mui (MUI theme)
//     rendering the same item schema in the same page and build: medians and the ratio.
//  2. Typing in a 10-row form: script time per keystroke (keydown → input handled, React's
//     re-render and any validation included), ours fresh, ours after a failed save (every
//     keystroke re-validates the whole form), and rjsf; also with the CPU throttled 4×.
//     Then reaching a date field: ours mounts a preview and swaps in the MUI X picker on first
//     focus or press, so that part of the mount cost is paid there and measured there.
//  3. Bytes the forms add on demand (gzip), from the app's own build: the lazy chunks each dialog
//     pulls in beyond what the first page load and the candidate page already have.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build as viteBuild, preview } from 'vite'
import { OUT_DIR, build, initialJsGzip, kb, launch, median, ms, p95 } from './lib.mjs'

const MOUNT_RUNS = Number(process.env.BENCH_FORM_RUNS ?? 25)
const WARMUP = 5
const KEYSTROKES = 40
const FORMS_OUT = 'dist-bench-forms'
const PORT = 4186
const TARGETS = { keystrokeMs: 16 }

function line(label, value, target) {
  const verdict = target === undefined ? '' : value <= target ? '  ok' : '  OVER TARGET'
  const limit = target === undefined ? '' : ` (target ≤ ${ms(target)})`
  console.log(`${label.padEnd(62)} ${ms(value).padStart(10)}${limit}${verdict}`)
}

// --- builds -----------------------------------------------------------------------------------
if (!process.env.BENCH_BUILT) build()
await viteBuild({
  mode: 'e2e', // no CSP meta: @rjsf/validator-ajv8 compiles with `new Function`
  logLevel: 'warn',
  build: {
    outDir: FORMS_OUT,
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    rollupOptions: { input: 'bench/forms.html' },
  },
})
const server = await preview({
  mode: 'e2e',
  build: { outDir: FORMS_OUT },
  preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
})
const browser = await launch()

try {
  // --- 1. Mount ----------------------------------------------------------------------------------
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    console.error('bench page error:', error.message)
  })
  await page.goto(`http://127.0.0.1:${PORT}/bench/forms.html`)
  await page.waitForFunction(() => window.formsBench !== undefined)
  const mount = (kind, region, rows = null, isInvalid = false) =>
    page.evaluate(
      ([k, r, n, i]) => window.formsBench.mount(k, r, n, i),
      [kind, region, rows, isInvalid],
    )

  console.log(
    `\nMount the interaction form (one item schema), ${MOUNT_RUNS} runs each after ${WARMUP} warm-up, interleaved`,
  )
  console.log('  script = render + commit + effects (flushSync)')
  console.log('  + layout = script, then style and layout forced at once (some widgets force it')
  console.log(
    '             inside their effects, others leave it to the frame: this is the fair sum)',
  )
  console.log('  painted = to the end of the next frame (quantised by the frame clock)')
  console.log(
    '  (same schema, each library’s own widgets: ours = MUI X date pickers (a preview of the same\n' +
      '   markup until first reached, see below), a multi-select and an autosizing textarea;\n' +
      '   rjsf = native date inputs, an add-item list and a one-line text field)',
  )
  const ratios = []
  for (const region of ['utrecht', 'rijnmond']) {
    const samples = { ours: [], rjsf: [] }
    for (let run = 0; run < WARMUP + MOUNT_RUNS; run += 1) {
      for (const kind of run % 2 === 0 ? ['ours', 'rjsf'] : ['rjsf', 'ours']) {
        const result = await mount(kind, region)
        if (run >= WARMUP) samples[kind].push(result)
      }
    }
    const of = (kind, key) => median(samples[kind].map((sample) => sample[key]))
    console.log(`  ${region}`)
    for (const [key, label] of [
      ['script', 'script'],
      ['layout', '+ layout'],
      ['painted', 'painted'],
    ]) {
      const ours = of('ours', key)
      const rjsf = of('rjsf', key)
      if (key === 'layout') ratios.push(rjsf / ours)
      console.log(
        `    ${label.padEnd(9)} median: ours ${ms(ours).padStart(9)}   @rjsf/mui 6.10.1 ${ms(rjsf).padStart(9)}   rjsf/ours ${(rjsf / ours).toFixed(2)}×`,
      )
    }
  }
  console.log(
    `  verdict (script + layout): ${ratios.every((ratio) => ratio > 1) ? 'ours faster in every region' : `ours NOT faster (rjsf/ours ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')})`}`,
  )
  // The 10-row mount (a restored draft of 10), for the record.
  {
    const samples = { ours: [], rjsf: [] }
    for (let run = 0; run < WARMUP + 10; run += 1) {
      for (const kind of ['ours', 'rjsf']) {
        const result = await mount(kind, 'utrecht', 10)
        if (run >= WARMUP) samples[kind].push(result.layout)
      }
    }
    const ours = median(samples.ours)
    const rjsf = median(samples.rjsf)
    console.log(
      `  utrecht, 10 filled rows, script + layout median: ours ${ms(ours)}   @rjsf/mui ${ms(rjsf)}   rjsf/ours ${(rjsf / ours).toFixed(2)}×`,
    )
  }
  await page.evaluate(() => window.formsBench.unmount())

  // --- 2. Typing ----------------------------------------------------------------------------------
  async function typing(kind, { throttle = 1, isInvalid = false } = {}) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await mount(kind, 'utrecht', 10, isInvalid)
    const field =
      kind === 'ours'
        ? page.getByRole('group', { name: 'Row 3' }).getByRole('textbox', { name: 'Samenvatting' })
        : page.getByRole('textbox', { name: 'Samenvatting' }).nth(2)
    if (isInvalid) {
      await page.getByRole('button', { name: 'Save' }).click()
      await page.getByText('At most 255 characters (now 300)').waitFor()
    }
    await field.click()
    await page.keyboard.press('End')
    await page.evaluate(() => {
      window.__keystrokes = []
      window.__longTasks = []
      let start = null
      window.__onKeydown ??= () => {
        start = performance.now()
      }
      // On window, bubbling: runs after React's root listener and the microtasks it queued
      // (validation included), so this is the whole script cost of the keystroke.
      window.__onInput ??= () => {
        if (start === null) return
        window.__keystrokes.push(performance.now() - start)
        start = null
      }
      addEventListener('keydown', window.__onKeydown, true)
      addEventListener('input', window.__onInput)
      window.__longTaskObserver?.disconnect()
      window.__longTaskObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration)
      })
      window.__longTaskObserver.observe({ type: 'longtask' })
    })
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    const text = 'abcdefghij klmnopqrstuvwxyz ABCDEFGHIJKL'.slice(0, KEYSTROKES)
    await page.keyboard.type(text)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    const result = await page.evaluate(() => {
      removeEventListener('keydown', window.__onKeydown, true)
      removeEventListener('input', window.__onInput)
      window.__longTaskObserver?.disconnect()
      return { keystrokes: window.__keystrokes, longTasks: window.__longTasks }
    })
    const value = await field.inputValue()
    if (!value.endsWith(text)) throw new Error(`typing lost characters (${kind}): "${value}"`)
    await cdp.detach()
    return result
  }

  for (const throttle of [1, 4]) {
    console.log(
      `\nTyping ${KEYSTROKES} characters into row 3 of a 10-row form${throttle > 1 ? `, CPU throttled ${throttle}×` : ''}: script per keystroke`,
    )
    for (const [label, kind, options] of [
      ['ours', 'ours', {}],
      ['ours, after a failed save (whole-form validation)', 'ours', { isInvalid: true }],
      ['@rjsf/mui', 'rjsf', {}],
    ]) {
      const { keystrokes, longTasks } = await typing(kind, { ...options, throttle })
      const over = keystrokes.filter((value) => value > TARGETS.keystrokeMs).length
      console.log(`  ${label} (${keystrokes.length} keystrokes measured)`)
      line('    median', median(keystrokes))
      line('    p95', p95(keystrokes))
      line('    max', Math.max(...keystrokes), kind === 'ours' ? TARGETS.keystrokeMs : undefined)
      console.log(
        `    keystrokes over ${TARGETS.keystrokeMs} ms: ${over}; long tasks (> 50 ms): ${longTasks.length}`,
      )
    }
  }

  // --- 2b. Reaching a date field -------------------------------------------------------------
  // Our date fields mount as a preview and become the real MUI X picker when first reached, so
  // part of the mount cost moves to that moment. Script from the press until the next task (the
  // picker mounted and focused); then the date is typed and must arrive whole.
  async function reach(throttle) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await mount('ours', 'utrecht', 10)
    await page.evaluate(() => {
      window.__reach = []
      window.__onPress ??= () => {
        const start = performance.now()
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          window.__reach.push(performance.now() - start)
        }
        channel.port2.postMessage(null)
      }
      addEventListener('mousedown', window.__onPress, true)
    })
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    for (let row = 1; row <= 10; row += 1) {
      const field = page
        .getByRole('group', { name: `Row ${row}`, exact: true })
        .getByRole('group', { name: 'Datum en tijd' })
      await field.getByRole('spinbutton', { name: 'Day' }).click()
      await page.keyboard.type('01042026')
      const text = await field.locator('input').inputValue()
      if (text !== '01-04-2026') throw new Error(`reaching row ${row} lost a keystroke: "${text}"`)
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    const times = await page.evaluate(() => {
      removeEventListener('mousedown', window.__onPress, true)
      return window.__reach
    })
    await cdp.detach()
    return times
  }
  for (const throttle of [1, 4]) {
    const times = await reach(throttle)
    console.log(
      `\nReaching a date field (preview → MUI X picker, then typed), 10 fields${throttle > 1 ? `, CPU throttled ${throttle}×` : ''}: script from the press`,
    )
    line('    median', median(times))
    line('    max', Math.max(...times))
  }
  await context.close()

  // --- 3. Bytes -----------------------------------------------------------------------------------
  console.log('\nJavaScript the forms add, loaded on demand (gzip level 9, from the app build)')
  const assets = join(OUT_DIR, 'assets')
  const files = new Map()
  const fileOf = (name) => {
    if (!files.has(name)) files.set(name, readFileSync(join(assets, name)))
    return files.get(name)
  }
  const gzip = (name) => gzipSync(fileOf(name), { level: 9 }).length
  // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is lazy.
  const STATIC = /(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g
  function closure(start) {
    const seen = new Set()
    const visit = (name) => {
      if (seen.has(name)) return
      seen.add(name)
      for (const match of fileOf(name).toString('utf8').matchAll(STATIC)) visit(match[1])
    }
    visit(start)
    return seen
  }
  const { readdirSync } = await import('node:fs')
  const chunks = readdirSync(assets).filter((name) => name.endsWith('.js'))
  const chunk = (prefix) => {
    const found = chunks.find((name) => name.startsWith(`${prefix}-`))
    if (!found) throw new Error(`no chunk ${prefix}-*.js in ${assets}`)
    return found
  }
  const initial = initialJsGzip()
  const initialFiles = new Set(initial.files.map((file) => file.replace(/^assets\//, '')))
  const loaded = new Set()
  for (const file of initialFiles) for (const name of closure(file)) loaded.add(name)
  const formsInInitial = [...loaded].filter((name) =>
    /dialog|schema-form|picker|use-schema-form/i.test(name),
  )
  console.log(
    `  initial JS (index.html's script + modulepreloads): ${kb(initial.gzip)}; form or picker code in it: ${formsInInitial.join(', ') || 'none'}`,
  )
  const pageFiles = new Set([...loaded, ...closure(chunk('page-candidate'))])
  for (const [label, prefix, base] of [
    ['Log interactions (over the candidate page)', 'log-interactions-dialog', pageFiles],
    ['Edit interaction (over the candidate page)', 'edit-interaction-dialog', pageFiles],
    ['Delete confirmation (over the candidate page)', 'delete-interaction-dialog', pageFiles],
    [
      'New candidate (over the candidates page)',
      'create-candidate-dialog',
      new Set([...loaded, ...closure(chunk('page-candidates'))]),
    ],
  ]) {
    const own = chunk(prefix)
    const added = [...closure(own)].filter((name) => !base.has(name))
    const total = added.reduce((sum, name) => sum + gzip(name), 0)
    console.log(`  ${label.padEnd(50)} ${kb(total).padStart(10)}`)
    console.log(
      `    ${added
        .sort((a, b) => gzip(b) - gzip(a))
        .map((name) => `${name} ${kb(gzip(name))}`)
        .join(', ')}`,
    )
  }
} finally {
  await browser.close()
  await server.close()
}
