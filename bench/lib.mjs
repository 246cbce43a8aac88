// Shared plumbing for `npm run bench`: build once, serve the build, drive Debian's Chromium.
import { execSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { preview } from 'vite'
import { chromium } from '@playwright/test'

export const OUT_DIR = 'dist-bench'

export function build() {
  execSync(`npx vite build --mode e2e --outDir ${OUT_DIR} --logLevel warn`, { stdio: 'inherit' })
}

/** Starts `vite preview` on the bench build; returns its base URL and a close function. */
export async function serve() {
  const server = await preview({
    mode: 'e2e',
    build: { outDir: OUT_DIR },
    preview: { port: 4179, strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
  })
  return { url: 'http://127.0.0.1:4179', close: () => server.close() }
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
