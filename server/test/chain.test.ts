// @vitest-environment node
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  HEADER_API_KEY,
  QUERY_CALLBACK_URL,
  QUERY_IDEMPOTENCY_KEY,
  acceptedSchema,
} from '../../src/api/contract.js'
import { parseOutcome } from '../../src/api/events.js'
import { REGIONS } from '@/mocks/regions'
import { startMockUpstream, type MockUpstream } from '../mock-upstream/server.js'
import { configuredSecrets } from '../src/config.js'
import { eventually, openSse, useRelays, type Counsellor, type RunningRelay } from './kit.js'

/**
 * The whole chain over real HTTP: client → relay → HTTP mock upstream → signed callback → relay
 * → Redis Stream → SSE. The relay is configured like any deployment; only this test knows the
 * upstream is the mock (it reads the mock's region keys and secrets).
 */
let upstream: MockUpstream
let relay: RunningRelay
/** Anna works in Utrecht, with the sandbox. */
let anna: Counsellor
const seen: string[] = []

const regionEnv = Object.fromEntries(
  REGIONS.flatMap((region) => {
    const prefix = `RELAY_REGION_${region.id.toUpperCase()}`
    return [
      [`${prefix}_API_KEY`, region.apiKey],
      [`${prefix}_CALLBACK_SECRET`, region.signingSecret],
    ]
  }),
)

async function call(path: string, init: RequestInit = {}, who?: Counsellor): Promise<Response> {
  const response = await (who ?? anna).request(path, init)
  const copy = response.clone()
  seen.push(`${JSON.stringify([...copy.headers])}\n${await copy.text()}`)
  return response
}

useRelays(
  {
    upstream: () => startMockUpstream({ latencyMs: 20, retryBaseMs: 20 }),
    env: {
      RELAY_REGIONS: REGIONS.map((region) => region.id).join(','),
      RELAY_DEFAULT_REGION: 'utrecht',
      ...regionEnv,
    },
    signIn: ['anna'],
  },
  (stage) => {
    ;({ upstream, relay } = stage)
    anna = stage.as.anna
  },
)

async function firstCandidate(prefix = '/api/v2'): Promise<string> {
  const list = (await (await call(`${prefix}/candidates?pageSize=1`)).json()) as {
    data: { id: string }[]
  }
  const id = list.data[0]?.id
  if (!id) throw new Error('the mock has no candidates')
  return id
}

describe('relay in front of the HTTP mock upstream', () => {
  it('confirms a write by the signed callback, pushed on /events', async () => {
    const client = await openSse(`${relay.url}/api/v2/events`, { cookie: anna.cookie })
    seen.push(client.raw())
    const candidateId = await firstCandidate()
    const key = `chain-${Date.now()}`
    const response = await call(
      `/api/v2/candidates/${candidateId}/interactions?${QUERY_IDEMPOTENCY_KEY}=${key}&${QUERY_CALLBACK_URL}=${encodeURIComponent('http://127.0.0.1:9/elsewhere')}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HEADER_API_KEY]: 'a-browser-key' },
        body: JSON.stringify([{ type: ['Telefonisch'], performedAt: '2026-12-01' }]),
      },
    )
    expect(response.status).toBe(202)
    expect(acceptedSchema.parse(await response.json()).data.idempotencyKey).toBe(key)

    const [event] = await client.waitFor(1)
    seen.push(client.raw())
    client.close()
    const outcome = parseOutcome(event?.data ?? '')
    expect(outcome).toMatchObject({ idempotencyKey: key, status: 'succeeded', candidateId })
    // It came by the callback the relay asked for, not by the client's URL.
    await upstream.deliveriesSettled()
    expect(upstream.deliveryLog.map((attempt) => [attempt.url, attempt.status])).toContainEqual([
      `${relay.url}/callbacks/utrecht/production`,
      204,
    ])
    expect(upstream.deliveryLog.some((attempt) => attempt.url.includes('elsewhere'))).toBe(false)

    const list = (await (await call(`/api/v2/candidates/${candidateId}/interactions`)).json()) as {
      data: { id: string }[]
    }
    expect(list.data.map((item) => item.id)).toContain(outcome?.recordIds[0])
  })

  it('keeps sandbox writes out of production', async () => {
    const production = await openSse(`${relay.url}/api/v2/events`, { cookie: anna.cookie })
    const sandbox = await openSse(`${relay.url}/api/sandbox/events`, { cookie: anna.cookie })
    const candidateId = await firstCandidate('/api/sandbox')
    const response = await call(
      `/api/sandbox/candidates/${candidateId}/interactions?${QUERY_IDEMPOTENCY_KEY}=sb-${Date.now()}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ type: ['Telefonisch'], performedAt: '2026-12-02' }]),
      },
    )
    expect(response.status).toBe(202)
    const [event] = await sandbox.waitFor(1)
    expect(parseOutcome(event?.data ?? '')?.candidateId).toBe(candidateId)
    await upstream.deliveriesSettled()
    seen.push(production.raw(), sandbox.raw())
    production.close()
    sandbox.close()
    expect(production.events).toHaveLength(0)
  })

  it('lets no response, header or event carry a configured key or secret', async () => {
    await call('/healthz')
    await call('/readyz')
    await call('/api/v2/schema')
    await call('/api/v2/nothing')
    await call('/api/v2/candidates/x/interactions', { method: 'PUT' })
    expect(seen.length).toBeGreaterThan(5)
    const secrets = configuredSecrets(relay.config)
    for (const text of seen) for (const secret of secrets) expect(text).not.toContain(secret)
    for (const line of relay.logs.lines)
      for (const secret of secrets) expect(line).not.toContain(secret)
  })
})

describe('the HTTP mock upstream', () => {
  it('retries a callback the receiver could not take, with backoff, until it is taken', async () => {
    let calls = 0
    const receiver = createServer((req, res) => {
      calls += 1
      req.resume()
      res.writeHead(calls < 3 ? 503 : 204)
      res.end()
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const port = (receiver.address() as AddressInfo).port
    const mock = await startMockUpstream({ latencyMs: 0, retryBaseMs: 10 })
    try {
      const list = (await (
        await fetch(`${mock.url}/api/v2/candidates?pageSize=1`, {
          headers: { [HEADER_API_KEY]: 'demo-utrecht' },
        })
      ).json()) as { data: { id: string }[] }
      const response = await fetch(
        `${mock.url}/api/v2/candidates/${list.data[0]?.id ?? ''}/interactions?${QUERY_CALLBACK_URL}=${encodeURIComponent(`http://127.0.0.1:${port}/cb`)}`,
        {
          method: 'POST',
          headers: { [HEADER_API_KEY]: 'demo-utrecht', 'content-type': 'application/json' },
          body: JSON.stringify([{ type: ['Telefonisch'], performedAt: '2026-12-01' }]),
        },
      )
      expect(response.status).toBe(202)
      await eventually(() => calls >= 3)
      await mock.deliveriesSettled()
      expect(mock.deliveryLog.map((attempt) => attempt.status)).toEqual([503, 503, 204])
    } finally {
      await mock.close()
      await new Promise<void>((resolve) =>
        receiver.close(() => {
          resolve()
        }),
      )
    }
  })
})
