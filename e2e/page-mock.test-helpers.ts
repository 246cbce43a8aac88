import type { Page } from '@playwright/test'
import './mock-control.test-helpers' // the typing of window.__candidateTimelineMock

/**
 * Writes straight to the mock backend from inside the page (through its service worker), the
 * way the app's client does: demo key in `x-api-key`, sandbox by header or by `/api/sandbox`.
 * For specs whose write forms belong to other features; the UI is then checked as usual.
 */
export type PageWrite = {
  method: 'POST' | 'PATCH' | 'DELETE'
  path: string
  body?: unknown
  key?: string
  sandbox?: 'header' | 'prefix'
  idempotencyKey?: string
}

export type PageWriteResult = { status: number; json: unknown } | { error: string }

export async function writeInPage(page: Page, write: PageWrite): Promise<PageWriteResult> {
  // The control appears once the mock's service worker is running, so the write reaches it.
  await page.waitForFunction(() => window.__candidateTimelineMock !== undefined)
  return page.evaluate(async (w) => {
    const prefix = w.sandbox === 'prefix' ? '/api/sandbox' : '/api/v2'
    const headers: Record<string, string> = {
      'x-api-key': w.key ?? 'demo-utrecht',
      'content-type': 'application/json',
    }
    if (w.sandbox === 'header') headers['x-api-sandbox'] = 'true'
    const query = w.idempotencyKey ? `?idempotencyKey=${encodeURIComponent(w.idempotencyKey)}` : ''
    try {
      const response = await fetch(`${prefix}${w.path}${query}`, {
        method: w.method,
        headers,
        body: w.body === undefined ? null : JSON.stringify(w.body),
      })
      const text = await response.text()
      let json: unknown = null
      try {
        json = JSON.parse(text)
      } catch {
        json = text
      }
      return { status: response.status, json }
    } catch (error) {
      return { error: String(error) }
    }
  }, write)
}

/** Resolves when the mock's engine has executed everything queued. */
export async function engineIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__candidateTimelineMock !== undefined)
  await page.evaluate(() => window.__candidateTimelineMock?.idle())
}

export function candidatePayload(firstName: string, lastName: string, email: string) {
  return { firstName, lastName, email, privacyConsent: true }
}

export function interactionPayload(fields: Record<string, unknown>) {
  return { type: ['Telefonisch'], performedAt: '2025-05-20T10:00:00+02:00', ...fields }
}

/** Collects every console line of the page (for "nothing was logged" checks). */
export function recordConsole(page: Page): string[] {
  const lines: string[] = []
  page.on('console', (message) => {
    lines.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => {
    lines.push(`pageerror: ${error.message}`)
  })
  return lines
}
