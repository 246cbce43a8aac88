// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, expect, test } from 'vitest'

/**
 * Builds the app for real, the way `npm run build` and `npm run build:demo` do, into temporary
 * folders, and checks what ships: the production bundle carries the Content-Security-Policy and
 * no mock service worker; the demo bundle carries the worker, its sub-path and a 404.html.
 */
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** `env` overrides the process environment during the build; undefined removes a variable. */
async function buildInto(mode: string, env: Record<string, string | undefined>): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `candidate-timeline-${mode}-`))
  dirs.push(outDir)
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  setEnv(env)
  try {
    await build({
      root: process.cwd(),
      mode,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    })
  } finally {
    setEnv(saved)
  }
  return outDir
}

function setEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) Reflect.deleteProperty(process.env, key)
    else process.env[key] = value
  }
}

function cspOf(html: string): string | null {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? null
}

test('the production build ships a CSP for the configured API origin and no mock worker', async () => {
  // Vitest itself runs with VITE_ENABLE_MOCK=true (vite.config.ts `test.env`): clear it, as a
  // real `npm run build` has it unset.
  const dir = await buildInto('production', {
    VITE_API_ORIGIN: 'https://api.example.test',
    VITE_ENABLE_MOCK: undefined,
  })
  const html = readFileSync(join(dir, 'index.html'), 'utf8')

  expect(existsSync(join(dir, 'mockServiceWorker.js'))).toBe(false)
  const policy = cspOf(html)
  expect(policy).toContain("connect-src 'self' https://api.example.test;")
  expect(policy).toContain("script-src 'self';")
  // The policy comes before the first script, so it covers every one of them.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/) // no inline script to allow
}, 120_000)

test('the demo build runs under a sub-path on the mock, with a 404.html fallback', async () => {
  const dir = await buildInto('demo', { DEMO_BASE: '/demo/sub/', VITE_ENABLE_MOCK: undefined })
  const html = readFileSync(join(dir, 'index.html'), 'utf8')

  expect(existsSync(join(dir, 'mockServiceWorker.js'))).toBe(true)
  expect(readFileSync(join(dir, '404.html'), 'utf8')).toBe(html)
  expect(html).toContain('src="/demo/sub/assets/')
  expect(cspOf(html)).toBeNull()
}, 120_000)
