// @vitest-environment node
import type { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compareStreamIds, StreamHub, type StreamBatch } from '../src/hub.js'
import { eventsKey, STREAM_FIELD } from '../src/keys.js'
import { useRedisClient } from './kit.js'

describe('compareStreamIds', () => {
  it.each([
    ['1700000000000-0', '1700000000000-0', 0],
    ['1700000000001-0', '1700000000000-9', 1],
    ['1700000000000-2', '1700000000000-10', -1],
    ['999-0', '1000-0', -1],
    // Leading zeros, as a client may send them in Last-Event-ID.
    ['0001000-0', '1000-0', 0],
    // Past 15 digits a double is no longer exact: 2^53 + 1 against 2^53.
    ['9007199254740993-0', '9007199254740992-0', 1],
    ['5-18446744073709551615', '5-18446744073709551614', 1],
    ['18446744073709551615-0', '18446744073709551615-0', 0],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareStreamIds(a, b)).toBe(expected)
    expect(compareStreamIds(b, a)).toBe(-expected || 0)
  })
})

describe('StreamHub', () => {
  let client: Redis
  let hub: StreamHub
  const UTRECHT = { region: 'utrecht', environment: 'production' } as const
  const SANDBOX = { region: 'utrecht', environment: 'sandbox' } as const
  const append = (scope: typeof UTRECHT | typeof SANDBOX, key: string) =>
    client.xadd(eventsKey(scope), '*', STREAM_FIELD, key)
  /** The next batch a new subscriber of `scope` gets. */
  const nextBatch = async (scope: typeof UTRECHT | typeof SANDBOX) => {
    let resolve: (batch: StreamBatch) => void = () => undefined
    const got = new Promise<StreamBatch>((done) => (resolve = done))
    const subscription = await hub.subscribe(scope, (batch) => {
      resolve(batch)
    })
    return { subscription, got }
  }

  useRedisClient((started) => {
    client = started
  })
  beforeEach(() => {
    // Blocks far longer than a test may take: a scope the XREAD under way does not name reaches
    // its subscriber only if the hub wakes that XREAD.
    hub = new StreamHub({ redis: client, blockMs: 120_000, onError: () => undefined })
  })
  afterEach(async () => {
    await hub.close()
  })

  it('reads every scope of the process on one blocking connection, and adds a scope at once', async () => {
    const first = await nextBatch(UTRECHT)
    await append(UTRECHT, 'u1')
    expect((await first.got).map((event) => event.data)).toEqual(['u1'])
    // The XREAD now waits on Utrecht only; sandbox joins while it waits.
    const second = await nextBatch(SANDBOX)
    await append(SANDBOX, 's1')
    expect((await second.got).map((event) => event.data)).toEqual(['s1'])
    expect(hub.scopeCount).toBe(2)
    const list = (await client.client('LIST')) as string
    expect(list.split('\n').filter((line) => line.includes('name=relay-events '))).toHaveLength(1)
    first.subscription.unsubscribe()
    second.subscription.unsubscribe()
    expect(hub.scopeCount).toBe(0)
  })

  it('hands a scope that left and came back only what follows its new start', async () => {
    const first = await nextBatch(UTRECHT)
    first.subscription.unsubscribe()
    await append(UTRECHT, 'while-nobody-listens')
    const again = await nextBatch(UTRECHT)
    await append(UTRECHT, 'after')
    const batch = await again.got
    expect(batch.map((event) => event.data)).toEqual(['after'])
    expect(compareStreamIds(batch[0]?.id ?? '0-0', again.subscription.startId)).toBe(1)
    again.subscription.unsubscribe()
  })
})
