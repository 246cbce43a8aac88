import type { FastifyInstance } from 'fastify'
import type { Redis } from 'ioredis'
import type { RelayConfig } from './config.js'

/** How long `/readyz` waits for Redis and for the upstream. */
const CHECK_TIMEOUT_MS = 2000

async function upstreamReachable(origin: string): Promise<boolean> {
  try {
    // Any HTTP answer proves the upstream is reachable; no key is sent.
    const response = await fetch(origin, {
      method: 'HEAD',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    })
    await response.body?.cancel()
    return true
  } catch {
    return false
  }
}

function withinCheckTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error('timeout'))
    }, CHECK_TIMEOUT_MS)
  })
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer)
  })
}

async function redisReachable(redis: Redis): Promise<boolean> {
  try {
    const pong = await withinCheckTimeout(redis.ping())
    return pong.length > 0
  } catch {
    return false
  }
}

/** Replicas the primary reports online (`INFO replication`: `slaveN:…,state=online,…`). */
async function onlineReplicas(redis: Redis): Promise<number> {
  try {
    const info = await withinCheckTimeout(redis.info('replication'))
    return info.split('\n').filter((line) => /^slave\d+:.*\bstate=online\b/.test(line)).length
  } catch {
    return 0
  }
}

/**
 * `/healthz`: the process answers. `/readyz`: configuration loaded (it is, or the process would
 * not have started), Redis answers PING, the upstream answers HTTP. For a load balancer.
 *
 * With `RELAY_CALLBACK_REPLICAS` it also says whether Redis has that many replicas online. Too
 * few is shown, not made unready: every relay shares the Redis, so a load balancer would take
 * them all out, reads and open streams included, while only callbacks wait (they get `503` and
 * are delivered again). Monitoring reads `checks.replicas`.
 */
export function healthRoutes(app: FastifyInstance, config: RelayConfig, redis: Redis): void {
  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }))
  app.get('/readyz', async (_request, reply) => {
    const wantsReplicas = config.callbackReplicas > 0
    const [redisOk, upstreamOk, replicas] = await Promise.all([
      redisReachable(redis),
      upstreamReachable(config.upstreamOrigin),
      wantsReplicas ? onlineReplicas(redis) : Promise.resolve(0),
    ])
    const ready = redisOk && upstreamOk
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'unready',
      checks: {
        config: 'ok',
        redis: redisOk ? 'ok' : 'failing',
        upstream: upstreamOk ? 'ok' : 'failing',
        ...(wantsReplicas && {
          replicas: replicas >= config.callbackReplicas ? 'ok' : 'failing',
          replicasOnline: replicas,
        }),
      },
    })
  })
}
