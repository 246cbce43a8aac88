/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { UPSTREAM_ORIGIN } from './src/api/contract.js'
import { connectSources, contentSecurityPolicy, parseApiOrigins } from './src/config/csp.js'
import { firstLoadChunkGroups } from './scripts/first-load-chunks.js'

// The mock service worker must never reach a real production build (see docs/decisions).
function dropMockWorker(enabled: boolean): Plugin {
  return {
    name: 'drop-mock-worker',
    apply: 'build',
    writeBundle(options) {
      if (enabled || !options.dir) return
      rmSync(resolve(options.dir, 'mockServiceWorker.js'), { force: true })
    },
  }
}

/**
 * A `<meta>` Content-Security-Policy right after `<meta charset>`, before any script or style
 * tag (a meta policy only covers what comes after it). Builds only; see docs/decisions/0013.
 */
function contentSecurityPolicyMeta(policy: string | null): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (policy === null) return html
        const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`
        const charset = /<meta charset="[^"]*"\s*\/?>/i
        if (!charset.test(html)) throw new Error('index.html needs <meta charset> for the CSP tag')
        return html.replace(charset, (match) => `${match}\n    ${tag}`)
      },
    },
  }
}

/**
 * GitHub Pages and similar hosts answer an unknown path with `404.html`: a copy of index.html
 * there makes deep links and reloads work on hosts without an SPA fallback setting.
 */
function spaFallbackCopy(enabled: boolean): Plugin {
  return {
    name: 'spa-fallback-404',
    apply: 'build',
    writeBundle(options) {
      if (!enabled || !options.dir) return
      const index = resolve(options.dir, 'index.html')
      if (existsSync(index)) copyFileSync(index, resolve(options.dir, '404.html'))
    },
  }
}

/** `DEMO_BASE=/some/path/` serves the demo under a sub-path; it must start and end with '/'. */
function demoBase(value: string | undefined): string {
  const base = value?.trim() || '/'
  if (!base.startsWith('/') || !base.endsWith('/'))
    throw new Error(`DEMO_BASE must start and end with "/", e.g. /demo/ (got "${base}")`)
  return base
}

export default defineConfig(({ command, mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), 'VITE_'), ...process.env }
  const mockEnabled = env.VITE_ENABLE_MOCK === 'true'
  const apiOrigins = parseApiOrigins(env.VITE_API_ORIGIN ?? UPSTREAM_ORIGIN)
  // Production builds (no mock) carry the CSP; mock builds talk to their own origin and to
  // whatever a tester connects them to, so they have none.
  const connect = command === 'build' && !mockEnabled ? connectSources(apiOrigins) : null
  return {
    base: mode === 'demo' ? demoBase(env.DEMO_BASE) : '/',
    plugins: [
      react(),
      dropMockWorker(mockEnabled),
      contentSecurityPolicyMeta(connect && contentSecurityPolicy(connect)),
      spaFallbackCopy(mode === 'demo'),
    ],
    define: {
      'import.meta.env.VITE_API_ORIGIN': JSON.stringify(apiOrigins.join(' ')),
      'import.meta.env.VITE_CSP_CONNECT_SRC': JSON.stringify(connect ? connect.join(' ') : ''),
    },
    build: {
      // `<link rel="modulepreload">` is Baseline (widely available) on the browsers we build for;
      // where it is missing the chunks still load, one after the other, so no polyfill.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        // @emotion/react imports it bare for `withTheme`, which nothing here uses; the package
        // (CommonJS) does not declare itself side-effect free, so the bundler kept 1 KB of it.
        treeshake: {
          moduleSideEffects: (id) =>
            /[\\/]node_modules[\\/]hoist-non-react-statics[\\/]/.test(id) ? false : undefined,
        },
        output: {
          codeSplitting: { groups: firstLoadChunkGroups(process.cwd()) },
        },
      },
    },
    resolve: {
      alias: [
        { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
        {
          find: /^use-sync-external-store\/shim(\/index\.js)?$/,
          replacement: fileURLToPath(
            new URL('./src/lib/sync-external-store-shim.ts', import.meta.url),
          ),
        },
      ],
    },
    server: { port: 5173 },
    preview: { port: 4173 },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      // The relay's tests (server/) run in Node: each file says `@vitest-environment node`.
      include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
      restoreMocks: true,
      testTimeout: 15_000,
      // Component tests run against the mock backend, like `npm start`.
      env: { VITE_ENABLE_MOCK: 'true' },
    },
  }
})
