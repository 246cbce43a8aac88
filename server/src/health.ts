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

async function redisReachable(redis: Redis): Promise<boolean> {
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<never>((_resolve, reject) =>
        setTimeout(() => {
          reject(new Error('timeout'))
        }, CHECK_TIMEOUT_MS),
      ),
    ])
    return pong.length > 0
  } catch {
    return false
  }
}

/**
 * `/healthz`: the process answers. `/readyz`: configuration loaded (it is, or the process would
 * not have started), Redis answers PING, the upstream answers HTTP. For a load balancer.
 */
export function healthRoutes(app: FastifyInstance, config: RelayConfig, redis: Redis): void {
  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }))
  app.get('/readyz', async (_request, reply) => {
    const [redisOk, upstreamOk] = await Promise.all([
      redisReachable(redis),
      upstreamReachable(config.upstreamOrigin),
    ])
    const ready = redisOk && upstreamOk
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'unready',
      checks: {
        config: 'ok',
        redis: redisOk ? 'ok' : 'failing',
        upstream: upstreamOk ? 'ok' : 'failing',
      },
    })
  })
}
