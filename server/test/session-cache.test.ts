// @vitest-environment node
import type { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { SessionCache } from '../src/auth/session-cache.js'
import { eventually, useRedisClient } from './kit.js'

type Record = { login: string }

describe('the per-instance session cache', () => {
  let client: Redis
  let cache: SessionCache<Record> | null = null
  useRedisClient((started) => {
    client = started
  })
  afterEach(() => {
    cache?.close()
    cache = null
  })

  async function liveCache(maxEntries: number): Promise<SessionCache<Record>> {
    const started = new SessionCache<Record>({
      redis: client,
      prefix: 'test:session:',
      onError: () => undefined,
      maxEntries,
    })
    cache = started
    started.start()
    await eventually(() => started.live)
    return started
  }

  it('keeps at most its bound, dropping the record used least recently', async () => {
    const sessions = await liveCache(2)
    sessions.store('test:session:a', { login: 'anna' }, sessions.generation)
    sessions.store('test:session:b', { login: 'bram' }, sessions.generation)
    // Reading a makes b the least recently used.
    expect(await sessions.lookup('test:session:a')).toEqual({ login: 'anna' })
    sessions.store('test:session:c', { login: 'cor' }, sessions.generation)
    expect(await sessions.lookup('test:session:b')).toBeUndefined()
    expect(await sessions.lookup('test:session:a')).toEqual({ login: 'anna' })
    expect(await sessions.lookup('test:session:c')).toEqual({ login: 'cor' })
  })

  it('drops a record as soon as Redis says its key changed', async () => {
    const sessions = await liveCache(10)
    await client.set('test:session:a', '{"login":"anna"}')
    sessions.store('test:session:a', { login: 'anna' }, sessions.generation)
    sessions.store('test:session:b', { login: 'bram' }, sessions.generation)
    await client.del('test:session:a') // as a sign-out on another instance does
    await eventually(async () => (await sessions.lookup('test:session:a')) === undefined)
    expect(await sessions.lookup('test:session:b')).toEqual({ login: 'bram' })
  })
})
