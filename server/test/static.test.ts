// @vitest-environment node
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedis, startRelay, type RunningRelay, type TestRedis } from './kit.js'

let redis: TestRedis
let relay: RunningRelay
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relay-static-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Candidate Timeline</title>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  redis = await startRedis()
  relay = await startRelay({ RELAY_REDIS_URL: redis.url, RELAY_STATIC_DIR: dir })
})

afterAll(async () => {
  await relay.close()
  await redis.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('serving the production build', () => {
  it('serves files, and index.html for any app route (SPA fallback)', async () => {
    const asset = await fetch(`${relay.url}/assets/app.js`)
    expect(await asset.text()).toBe('console.log(1)')
    for (const path of ['/', '/candidates/rec123', '/settings']) {
      const page = await fetch(`${relay.url}${path}`, { headers: { accept: 'text/html' } })
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Candidate Timeline')
    }
  })

  it('sends its Content-Security-Policy as an HTTP header, with frame-ancestors', async () => {
    const page = await fetch(`${relay.url}/candidates`, { headers: { accept: 'text/html' } })
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('puts the same security headers on the answers of API, events and callback paths', async () => {
    const page = await fetch(`${relay.url}/candidates`, { headers: { accept: 'text/html' } })
    const csp = page.headers.get('content-security-policy')
    expect(csp).toContain("frame-ancestors 'none'")
    for (const path of ['/api/v2/unknown', '/events', '/callbacks/utrecht/production']) {
      const answer = await fetch(`${relay.url}${path}`)
      expect(answer.headers.get('content-security-policy')).toBe(csp)
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(answer.headers.get('strict-transport-security')).toContain('max-age=')
      expect(answer.headers.get('cross-origin-embedder-policy')).toBeNull()
    }
  })

  it('never answers an API, events, sign-in, audit or callback path with the app', async () => {
    for (const path of ['/api/v2/unknown', '/events', '/auth/unknown', '/audit/unknown']) {
      const answer = await fetch(`${relay.url}${path}`, { headers: { accept: 'text/html' } })
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(answer.headers.get('content-type')).toContain('application/json')
    }
    const callback = await fetch(`${relay.url}/callbacks/utrecht/production`, {
      headers: { accept: 'text/html' },
    })
    expect(callback.status).toBe(404)
    expect(await callback.text()).not.toContain('Candidate Timeline')
  })
})
