// @vitest-environment node
import { expect, test } from 'vitest'
import { parseRetryAfter, signCallback, verifyCallback, type MutationOutcome } from '@/api/contract'

const outcome: MutationOutcome = {
  idempotencyKey: 'k1',
  status: 'succeeded',
  operation: 'create',
  resource: 'interaction',
  candidateId: 'rec1',
  recordIds: ['rec2'],
  completedAt: '2026-11-29T10:00:00.000Z',
}

test('a signed callback verifies, and any change to it does not', async () => {
  const signed = await signCallback({
    secret: 's3cret',
    callbackUrl: 'https://relay.test/cb?region=utrecht',
    body: outcome,
    timestamp: 1_800_000_000,
    nonce: 'n-1',
  })
  expect(signed.headers['x-mutationengine-signature']).toMatch(/^v2=[A-Za-z0-9+/]+=*$/)
  const check = (over: Partial<Parameters<typeof verifyCallback>[0]>) =>
    verifyCallback({
      secret: 's3cret',
      callbackUrl: signed.url,
      headers: signed.headers,
      rawBody: signed.body,
      nowSeconds: 1_800_000_010,
      ...over,
    })
  expect(await check({})).toBe(true)
  expect(await check({ secret: 'other' })).toBe(false)
  expect(await check({ rawBody: signed.body.replace('rec2', 'rec3') })).toBe(false)
  expect(await check({ callbackUrl: 'https://relay.test/cb?region=rijnmond' })).toBe(false)
  expect(await check({ nowSeconds: 1_800_001_000 })).toBe(false)
})

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-11-29T10:00:00Z')
  expect(parseRetryAfter('3', now)).toBe(3000)
  expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:05 GMT', now)).toBe(5000)
  expect(parseRetryAfter('soon', now)).toBeNull()
  expect(parseRetryAfter(null, now)).toBeNull()
})
