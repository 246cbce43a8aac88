import { Redis, type RedisOptions } from 'ioredis'
import type { RedisTarget } from './config.js'

/**
 * The relay's Redis connection, to one server or to the primary Redis Sentinel names. Every other
 * connection is a `duplicate()` of it (the event hub's readers, the session cache's tracking
 * connection), so each follows a failover the same way:
 *   - with Sentinel, ioredis asks the sentinels for the primary on every (re)connect, and
 *     `failoverDetector` drops connections to the old primary as soon as the sentinels announce
 *     a new one (`+switch-master`);
 *   - a write refused with `READONLY` (it reached a server that is a replica now: a failover the
 *     relay has not heard of yet, or a DNS name that moved) drops the connection, and the next
 *     one finds the primary. The refused command fails; a callback is answered 503 and delivered
 *     again, so nothing is written twice.
 */
export function connectRedis(target: RedisTarget, options: RedisOptions): Redis {
  const common: RedisOptions = {
    ...options,
    reconnectOnError: (error) => error.message.startsWith('READONLY'),
  }
  if (target.kind === 'url') return new Redis(target.url, common)
  return new Redis({
    ...common,
    sentinels: target.sentinels,
    name: target.name,
    failoverDetector: true,
    ...(target.password === null ? {} : { password: target.password }),
    ...(target.sentinelPassword === null ? {} : { sentinelPassword: target.sentinelPassword }),
  })
}
