import { afterEach, expect, test, vi } from 'vitest'
import { candidateListSchema } from '@/api/contract'
import { MOCK_STORAGE_KEY, storagePersistence } from '@/mocks/persistence'
import { setupMockBackend } from '@/test/mock-backend'

// jsdom: the page has an origin and localStorage, like the browser demo.
const persistence = storagePersistence(window.localStorage)
const { backend } = setupMockBackend({ persistence, now: Date.now, keepsDataBetweenTests: true })
afterEach(() => {
  window.localStorage.clear()
})

test('by default the handlers answer on the page’s own origin', async () => {
  const response = await fetch(`${window.location.origin}/api/v2/candidates?pageSize=3`, {
    headers: { 'x-api-key': 'demo-utrecht' },
  })
  expect(candidateListSchema.parse(await response.json()).data).toHaveLength(3)
})

test('state is written to localStorage under the namespaced key', async () => {
  const candidateId = backend.db.candidates('utrecht', 'production')[0]?.id ?? ''
  await fetch(
    `${window.location.origin}/api/v2/candidates/${candidateId}/interactions?idempotencyKey=ls-1`,
    {
      method: 'POST',
      headers: { 'x-api-key': 'demo-utrecht', 'content-type': 'application/json' },
      body: JSON.stringify([{ type: ['E-mail'], performedAt: '2026-01-05' }]),
    },
  )
  expect(window.localStorage.getItem(MOCK_STORAGE_KEY)).toContain('ls-1')
  expect(MOCK_STORAGE_KEY).toBe('candidate-timeline:mock:v1')
  await backend.engine.idle()
})

test('a full or blocked storage costs persistence only, with one warning', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  const full: Storage = {
    length: 0,
    clear: () => undefined,
    key: () => null,
    getItem: () => null,
    removeItem: () => undefined,
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError')
    },
  }
  const adapter = storagePersistence(full)
  adapter.save('{}')
  adapter.save('{}')
  expect(adapter.load()).toBeNull()
  expect(warn).toHaveBeenCalledTimes(1)
})
