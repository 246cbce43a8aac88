// Shared plumbing for `npm run bench`: build once, serve the build, drive Debian's Chromium.
import { execSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { preview } from 'vite'
import { chromium } from '@playwright/test'

export const OUT_DIR = 'dist-bench'

export function build() {
  execSync(`npx vite build --mode e2e --outDir ${OUT_DIR} --manifest --logLevel warn`, {
    stdio: 'inherit',
  })
}

/** The manifest keys `roots` reach through static imports (themselves included). */
function importClosure(manifest, roots) {
  const seen = new Set()
  const stack = [...roots]
  while (stack.length > 0) {
    const key = stack.pop()
    if (seen.has(key)) continue
    seen.add(key)
    stack.push(...(manifest[key]?.imports ?? []))
  }
  return seen
}

/**
 * Splits the JS files a page fetched into the app's and the demo backend's. The e2e build
 * carries the mock (MSW and its engine), which a production build does not have; the mock's
 * chunk also pulls chunks it shares with lazy app code (e.g. full zod, ajv-formats). A fetched
 * file counts as the app's when it is outside the mock's static import graph, or inside it but
 * also statically imported by a fetched app chunk; everything else was fetched for the mock.
 */
export function splitAppAndMock(fetched) {
  const manifest = JSON.parse(readFileSync(join(OUT_DIR, '.vite', 'manifest.json'), 'utf8'))
  const byKey = new Map(Object.entries(manifest))
  const fileOf = (key) => byKey.get(key)?.file.replace(/^assets\//, '')
  const closure = (roots) => new Set([...importClosure(manifest, roots)].map(fileOf))
  const mockKey = [...byKey.keys()].find((key) => key === 'src/mocks/browser.ts')
  if (!mockKey) throw new Error('the bench build has no mock chunk (src/mocks/browser.ts)')
  const mockGraph = closure([mockKey])
  const keyOfFile = new Map(
    [...byKey].map(([key, chunk]) => [chunk.file.replace(/^assets\//, ''), key]),
  )
  const entries = [...byKey].filter(([, chunk]) => chunk.isEntry).map(([key]) => key)
  const appRoots = fetched.filter((file) => !mockGraph.has(file)).map((file) => keyOfFile.get(file))
  const appGraph = closure([...entries, ...appRoots.filter(Boolean)])
  const app = fetched.filter((file) => appGraph.has(file))
  const mock = fetched.filter((file) => !appGraph.has(file))
  return { app, mock }
}

const PRODUCTION_DIR = 'dist-bench-production'

/**
 * The production build (no mock) has the same modules in slightly different chunks: in the e2e
 * build, modules the app shares with the mock (zod's core) also carry what only the mock uses.
 * For the app chunks a page fetched in the e2e build, this returns the gzip size of the same
 * chunks in a production build, with all their static imports. Entry and dynamic-entry chunks
 * are matched by their module, the first load's named chunks (shell, page-…, see
 * scripts/first-load-chunks.ts) by their name.
 */
export function productionGzipOf(fetchedAppFiles) {
  if (!productionGzipOf.built) {
    execSync(
      `npx vite build --mode production --outDir ${PRODUCTION_DIR} --manifest --logLevel warn`,
      { stdio: 'inherit' },
    )
    productionGzipOf.built = true
  }
  const read = (dir) => JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'))
  const e2e = read(OUT_DIR)
  const production = read(PRODUCTION_DIR)
  const fetched = new Set(fetchedAppFiles.map((file) => `assets/${file}`))
  const byName = new Map(
    Object.entries(production)
      .filter(([, chunk]) => !chunk.isEntry && !chunk.isDynamicEntry && chunk.file.endsWith('.js'))
      .map(([key, chunk]) => [chunk.name, key]),
  )
  const roots = []
  const missing = []
  for (const [key, chunk] of Object.entries(e2e)) {
    if (!fetched.has(chunk.file)) continue
    const isRoot = chunk.isEntry || chunk.isDynamicEntry
    if (!isRoot && !isFirstLoadChunk(chunk.name)) continue // reached through the roots' imports
    const match = isRoot ? key : byName.get(chunk.name)
    if (match !== undefined && match in production) roots.push(match)
    else missing.push(key)
  }
  if (missing.length > 0) throw new Error(`not in the production build: ${missing.join(', ')}`)
  let gzip = 0
  for (const key of importClosure(production, roots)) {
    gzip += gzipSync(readFileSync(join(PRODUCTION_DIR, production[key].file)), { level: 9 }).length
  }
  return gzip
}

const isFirstLoadChunk = (name) => name === 'shell' || name?.startsWith('page-')

/** Starts `vite preview` on the bench build; returns its base URL and a close function. */
export async function serve() {
  // BENCH_PORT: a second checkout can bench side by side (like E2E_PORT for Playwright).
  const port = Number(process.env.BENCH_PORT ?? 4179)
  const server = await preview({
    mode: 'e2e',
    build: { outDir: OUT_DIR },
    preview: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
  })
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() }
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** Bytes of the JavaScript the entry HTML loads up front (script + modulepreload), gzipped. */
export function initialJsGzip() {
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8')
  const files = new Set()
  for (const m of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)) {
    files.add(m[1].replace(/^\//, ''))
  }
  let gzip = 0
  let raw = 0
  for (const file of files) {
    const content = readFileSync(join(OUT_DIR, file))
    raw += content.length
    gzip += gzipSync(content, { level: 9 }).length
  }
  return { files: [...files], raw, gzip }
}

/** Gzipped size of every emitted JS chunk, by file name. */
export function chunkSizes() {
  const dir = join(OUT_DIR, 'assets')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const content = readFileSync(join(dir, f))
      return {
        file: f,
        raw: statSync(join(dir, f)).size,
        gzip: gzipSync(content, { level: 9 }).length,
      }
    })
    .sort((a, b) => b.gzip - a.gzip)
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export function p95(values) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
export const ms = (value) => `${value.toFixed(1)} ms`
