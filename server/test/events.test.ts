// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { EVENT_MUTATION, HEADER_SANDBOX } from '../../src/api/contract.js'
import { parseOutcome } from '../../src/api/events.js'
import {
  outcome,
  openSse as openRawSse,
  postCallback,
  SECRETS,
  useRelays,
  type Counsellor,
  type RunningRelay,
} from './kit.js'

let relay: RunningRelay
/** Utrecht with sandbox; Rijnmond without. */
let anna: Counsellor
let ravi: Counsellor

useRelays(
  { env: { RELAY_HEARTBEAT_SECONDS: '1' }, signIn: ['anna', 'ravi'], freshEachTest: true },
  (stage) => {
    relay = stage.relay
    ;({ anna, ravi } = stage.as)
  },
)

/** An event stream read as a signed-in counsellor (Anna unless `who` says otherwise). */
const openSse = (url: string, headers: Record<string, string> = {}, who?: Counsellor) =>
  openRawSse(url, { cookie: (who ?? anna).cookie, ...headers })

const secretOf = { utrecht: SECRETS.utrechtSecret, rijnmond: SECRETS.rijnmondSecret } as const

function deliver(
  region: 'utrecht' | 'rijnmond',
  environment: 'production' | 'sandbox',
  key: string,
) {
  return postCallback({
    relayUrl: relay.url,
    path: `/callbacks/${region}/${environment}`,
    secret: secretOf[region],
    body: outcome({ idempotencyKey: key }),
  })
}

const keysOf = (events: { data: string }[]) =>
  events.map((event) => parseOutcome(event.data)?.idempotencyKey)

describe('GET /events', () => {
  it('streams each outcome with the stream id as id and the contract event name, readable by the app', async () => {
    const client = await openSse(`${relay.url}/api/v2/events`)
    expect(client.status).toBe(200)
    expect(client.headers.get('content-type')).toContain('text/event-stream')
    expect((await deliver('utrecht', 'production', 'one')).status).toBe(204)
    const [event] = await client.waitFor(1)
    client.close()
    expect(event?.event).toBe(EVENT_MUTATION)
    expect(event?.id).toMatch(/^\d+-\d+$/)
    expect(parseOutcome(event?.data ?? '')).toMatchObject({ idempotencyKey: 'one' })
  })

  it('never sends an outcome of another region or environment', async () => {
    const utrechtProd = await openSse(`${relay.url}/api/v2/events`)
    const utrechtSandbox = await openSse(`${relay.url}/api/v2/events`, { [HEADER_SANDBOX]: 'true' })
    const utrechtSandboxPrefix = await openSse(`${relay.url}/api/sandbox/events`)
    // By query, as an EventSource names it.
    const rijnmondProd = await openSse(`${relay.url}/events?region=rijnmond`, {}, ravi)

    await deliver('rijnmond', 'production', 'r-prod')
    await deliver('utrecht', 'sandbox', 'u-sandbox')
    await deliver('rijnmond', 'sandbox', 'r-sandbox')
    await deliver('utrecht', 'production', 'u-prod')

    expect(keysOf(await utrechtProd.waitFor(1))).toEqual(['u-prod'])
    expect(keysOf(await utrechtSandbox.waitFor(1))).toEqual(['u-sandbox'])
    expect(keysOf(await utrechtSandboxPrefix.waitFor(1))).toEqual(['u-sandbox'])
    expect(keysOf(await rijnmondProd.waitFor(1))).toEqual(['r-prod'])
    // A marker delivered last in every scope: whatever came before it has been seen.
    await deliver('utrecht', 'production', 'u-end')
    await deliver('utrecht', 'sandbox', 'us-end')
    await deliver('rijnmond', 'production', 'r-end')
    expect(keysOf(await utrechtProd.waitFor(2))).toEqual(['u-prod', 'u-end'])
    expect(keysOf(await utrechtSandbox.waitFor(2))).toEqual(['u-sandbox', 'us-end'])
    expect(keysOf(await utrechtSandboxPrefix.waitFor(2))).toEqual(['u-sandbox', 'us-end'])
    expect(keysOf(await rijnmondProd.waitFor(2))).toEqual(['r-prod', 'r-end'])
    for (const client of [utrechtProd, utrechtSandbox, utrechtSandboxPrefix, rijnmondProd])
      client.close()
  })

  it('replays what a client missed after its Last-Event-ID, in order, once, then goes on live', async () => {
    const first = await openSse(`${relay.url}/api/v2/events`)
    await deliver('utrecht', 'production', 'a')
    const [seen] = await first.waitFor(1)
    first.close()
    await deliver('utrecht', 'production', 'b')
    await deliver('utrecht', 'production', 'c')

    const back = await openSse(`${relay.url}/api/v2/events`, { 'last-event-id': seen?.id ?? '' })
    expect(keysOf(await back.waitFor(2))).toEqual(['b', 'c'])
    await deliver('utrecht', 'production', 'd')
    const all = await back.waitFor(3)
    back.close()
    expect(keysOf(all)).toEqual(['b', 'c', 'd'])
    expect(new Set(all.map((event) => event.id)).size).toBe(3)
  })

  it('tells a client whose Last-Event-ID is older than what is kept to re-read', async () => {
    for (let i = 0; i < 5; i += 1) await deliver('utrecht', 'production', `trimmed-${i}`)
    await relay.redis.xtrim('events:{utrecht:production}', 'MAXLEN', 2)
    const client = await openSse(`${relay.url}/api/v2/events`, { 'last-event-id': '1-0' })
    const [event] = await client.waitFor(1)
    client.close()
    expect(event?.event).toBe('resync')
  })

  it('refuses a Last-Event-ID that is not a stream id', async () => {
    const response = await fetch(`${relay.url}/api/v2/events`, {
      headers: { cookie: anna.cookie, 'last-event-id': 'nope' },
    })
    expect(response.status).toBe(400)
  })

  it('sends heartbeat comments on an idle stream', async () => {
    const client = await openSse(`${relay.url}/api/v2/events`)
    while (!client.raw().includes(': heartbeat'))
      await new Promise((resolve) => setTimeout(resolve, 50))
    client.close()
    expect(client.events).toHaveLength(0)
  })

  it('reads its scopes with one Redis XREAD, however many clients they have', async () => {
    const clients = await Promise.all(
      Array.from({ length: 20 }, () => openSse(`${relay.url}/api/v2/events`)),
    )
    const other = await openSse(`${relay.url}/api/sandbox/events`)
    expect(relay.hub.scopeCount).toBe(2)
    await deliver('utrecht', 'production', 'fan')
    for (const client of clients) expect(keysOf(await client.waitFor(1))).toEqual(['fan'])
    for (const client of [...clients, other]) client.close()
  })

  it('ends a stream when its session is signed out (on any instance)', async () => {
    const client = await openSse(`${relay.url}/api/v2/events`)
    expect(client.status).toBe(200)
    expect((await anna.request('/auth/logout', { method: 'POST' })).status).toBe(200)
    // The next heartbeat (1 s here) finds the session gone and ends the stream.
    await client.ended
    expect(client.events).toHaveLength(0)
  })
})
