// @vitest-environment node
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventsKey, nonceKey, type Scope } from '../src/keys.js'
import { eventually, freePort } from './kit.js'

/** Asks a Redis in cluster mode which slot a key lands on (CLUSTER KEYSLOT: Redis's own rule). */
let stop: () => Promise<void>
let redis: Redis

beforeAll(async () => {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'relay-cluster-'))
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, 'nodes.conf'),
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  )
  redis = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0 })
  redis.on('error', () => undefined)
  await eventually(async () => {
    try {
      await redis.connect()
      return true
    } catch {
      return false
    }
  })
  stop = async () => {
    redis.disconnect()
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
})

afterAll(async () => {
  await stop()
})

const slot = (key: string) => redis.call('CLUSTER', 'KEYSLOT', key)

describe('Redis keys', () => {
  it('puts every key of one region+environment on one cluster slot', async () => {
    const scope: Scope = { region: 'utrecht', environment: 'production' }
    const slots = new Set([
      await slot(eventsKey(scope)),
      await slot(nonceKey(scope, 'a')),
      await slot(nonceKey(scope, 'another-nonce')),
    ])
    expect(slots.size).toBe(1)
  })

  it('lets different regions and environments spread over the cluster', async () => {
    const scopes: Scope[] = [
      { region: 'utrecht', environment: 'production' },
      { region: 'utrecht', environment: 'sandbox' },
      { region: 'rijnmond', environment: 'production' },
    ]
    const slots = new Set(await Promise.all(scopes.map((scope) => slot(eventsKey(scope)))))
    expect(slots.size).toBe(3)
  })
})
