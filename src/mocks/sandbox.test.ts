// @vitest-environment node
import { expect, test } from 'vitest'
import { acceptedSchema, candidateListSchema, interactionListSchema } from '@/api/contract'
import {
  call,
  candidatePayload,
  errorOf,
  interactionPayload,
  fixedMockOptions,
} from '@/mocks/calls.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const { backend } = setupMockBackend(fixedMockOptions())

const ids = async (sandbox?: 'prefix' | 'header') =>
  candidateListSchema
    .parse((await call('GET', '/candidates', { sandbox, query: { pageSize: '100' } })).json)
    .data.map((c) => c.id)

test('sandbox by prefix and by header reach the same data, isolated from production', async () => {
  const production = await ids()
  const byPrefix = await ids('prefix')
  const byHeader = await ids('header')
  expect(byPrefix).toEqual(byHeader)
  expect(byPrefix).toHaveLength(20)
  expect(byPrefix.some((id) => production.includes(id))).toBe(false)
  const meta = (sandbox?: 'prefix' | 'header') =>
    call('GET', '/candidates', { sandbox }).then(
      (r) => candidateListSchema.parse(r.json).meta.sandboxEnabled,
    )
  expect([await meta(), await meta('prefix'), await meta('header')]).toEqual([false, true, true])
})

test('a production candidate is 404 in the sandbox, and vice versa', async () => {
  const [productionId] = await ids()
  const [sandboxId] = await ids('header')
  const inSandbox = await call('GET', `/candidates/${productionId ?? ''}`, { sandbox: 'prefix' })
  expect(inSandbox.status).toBe(404)
  expect(errorOf(inSandbox).meta).toEqual({ sandboxEnabled: true })
  expect((await call('GET', `/candidates/${sandboxId ?? ''}`)).status).toBe(404)
})

test('a sandbox write never shows in production, and a production write never in the sandbox', async () => {
  const sandboxCreate = await call('POST', '/candidates', {
    sandbox: 'header',
    body: [candidatePayload({ email: 'alleen.sandbox@example.org' })],
    query: { idempotencyKey: 'shared-key' },
  })
  expect(acceptedSchema.parse(sandboxCreate.json).meta.sandboxEnabled).toBe(true)
  // The same key in production is a different key: it is queued, not replayed.
  await call('POST', '/candidates', {
    body: [candidatePayload({ email: 'alleen.productie@example.org' })],
    query: { idempotencyKey: 'shared-key' },
  })
  await backend.engine.idle()
  const emails = (env: 'production' | 'sandbox') =>
    backend.db.candidates('utrecht', env).map((c) => c.email)
  expect(emails('sandbox')).toContain('alleen.sandbox@example.org')
  expect(emails('sandbox')).not.toContain('alleen.productie@example.org')
  expect(emails('production')).toContain('alleen.productie@example.org')
  expect(emails('production')).not.toContain('alleen.sandbox@example.org')
  expect((await ids('prefix')).length).toBe(21)
  expect((await ids()).length).toBe(51)
})

test('interactions written through the sandbox prefix are read back through the sandbox header', async () => {
  const [sandboxId = ''] = await ids('prefix')
  const before = interactionListSchema.parse(
    (await call('GET', `/candidates/${sandboxId}/interactions`, { sandbox: 'header' })).json,
  )
  await call('POST', `/candidates/${sandboxId}/interactions`, {
    sandbox: 'prefix',
    body: [interactionPayload({ summary: 'Sandboxtest' })],
  })
  await backend.engine.idle()
  const after = interactionListSchema.parse(
    (await call('GET', `/candidates/${sandboxId}/interactions`, { sandbox: 'header' })).json,
  )
  expect(after.data.length).toBe(Math.min(100, before.data.length + 1))
  expect(after.data.some((i) => i.summary === 'Sandboxtest')).toBe(true)
  expect(after.meta.sandboxEnabled).toBe(true)
})
