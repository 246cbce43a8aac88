import {
  API_PREFIX,
  HEADER_API_KEY,
  HEADER_SANDBOX,
  errorBodySchema,
  type ErrorBody,
} from '@/api/contract'
import type { MockBackendOptions } from '@/mocks/backend'
import { mulberry32 } from '@/mocks/prng'
import { parseJson } from '@/lib/json'

/** Shared by the mock's own tests: a fixed origin, clock and random, and calls the way a client sends them. */
export const BASE = 'http://mock.test'
export const FIXED_NOW = Date.parse('2026-03-10T09:00:00.000Z')
export const UTRECHT_KEY = 'demo-utrecht'
export const RIJNMOND_KEY = 'demo-rijnmond'

/** Options for `setupMockBackend` (src/test/mock-backend.ts): the mock at BASE, clock and random fixed. */
export function fixedMockOptions(options: MockBackendOptions = {}): MockBackendOptions {
  return { baseUrl: BASE, now: FIXED_NOW, random: mulberry32(7), ...options }
}

export type CallOptions = {
  /** The API key; null sends none. Default: Utrecht's demo key. */
  key?: string | null
  sandbox?: 'prefix' | 'header'
  body?: unknown
  /** Sent as is instead of `JSON.stringify(body)`. */
  rawBody?: string
  query?: Record<string, string>
  headers?: Record<string, string>
}

export type CallResult = { status: number; json: unknown; headers: Headers }

/** One real fetch against the mock, the way a client would send it. */
export async function call(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const prefix = options.sandbox === 'prefix' ? API_PREFIX.sandbox : API_PREFIX.production
  const url = new URL(`${BASE}${prefix}${path}`)
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value)
  const headers = new Headers(options.headers)
  const key = options.key === undefined ? UTRECHT_KEY : options.key
  if (key !== null) headers.set(HEADER_API_KEY, key)
  if (options.sandbox === 'header') headers.set(HEADER_SANDBOX, 'true')
  const body =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  if (body !== undefined) headers.set('content-type', 'application/json')
  const response = await fetch(url, { method, headers, body })
  const text = await response.text()
  const parsed = text ? parseJson(text) : { ok: true as const, value: null }
  const json = parsed.ok ? parsed.value : text
  return { status: response.status, json, headers: response.headers }
}

export function errorOf(result: CallResult): ErrorBody {
  return errorBodySchema.parse(result.json)
}

/** A valid interaction payload for both demo regions. */
export function interactionPayload(overrides: Record<string, unknown> = {}) {
  return {
    type: ['Telefonisch'],
    performedAt: '2026-03-09T14:30:00+01:00',
    summary: 'Teruggebeld',
    ...overrides,
  }
}

export function candidatePayload(overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Test',
    lastName: 'van Kandidaat',
    email: 'test.kandidaat@example.org',
    privacyConsent: true,
    ...overrides,
  }
}
