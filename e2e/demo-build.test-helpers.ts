import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'

/**
 * Builds a bundle into a temporary folder with the repo's own scripts, and serves it the way a
 * plain static host would: files under `base`, and for any other path under it either the SPA
 * fallback (index.html, 200) or, like GitHub Pages, `404.html` with status 404.
 */
export function buildBundle(
  script: 'build:demo' | 'build:production',
  env: Record<string, string>,
): string {
  const outDir = mkdtempSync(join(tmpdir(), 'candidate-timeline-e2e-'))
  const args =
    script === 'build:demo'
      ? ['run', 'build:demo', '--', '--outDir', outDir, '--emptyOutDir']
      : ['exec', '--', 'vite', 'build', '--outDir', outDir, '--emptyOutDir']
  const result = spawnSync('npm', args, {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}${result.stdout}`)
  return outDir
}

export function removeBundle(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

export type StaticHost = { origin: string; close: () => Promise<void> }

export async function serveStatic(
  dir: string,
  base: string,
  fallback: 'spa' | '404.html',
): Promise<StaticHost> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname)
    if (!path.startsWith(base)) {
      response.writeHead(404).end('not here')
      return
    }
    const file = normalize(join(dir, path.slice(base.length)))
    if (file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile()) {
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      })
      response.end(readFileSync(file))
      return
    }
    const page = fallback === 'spa' ? 'index.html' : '404.html'
    response.writeHead(fallback === 'spa' ? 200 : 404, { 'content-type': TYPES['.html'] })
    response.end(readFileSync(join(dir, page)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      }),
  }
}
