import { createHash, randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import { LRUCache } from 'lru-cache'
import { z } from 'zod'
import type { AuthConfig } from '../config.js'
import type { SessionCache } from './session-cache.js'

/**
 * Counsellor sessions, kept in Redis so every relay instance sees the same ones (no sticky
 * sessions): sign-out deletes the record and every instance refuses the cookie from then on.
 *
 * The cookie holds a random 256-bit id, signed with RELAY_SESSION_SECRET (a forged or altered
 * cookie is refused before Redis is asked). Redis holds the record under a SHA-256 of the id, so
 * a copy of Redis contains no usable cookie. A session ends after RELAY_SESSION_IDLE_MINUTES
 * without a data request, or RELAY_SESSION_ABSOLUTE_HOURS after sign-in, whichever is first;
 * both are checked against the clock here and also set as the key's TTL. Activity is recorded
 * at most once a minute, so the idle limit is exact to within that minute. Each instance keeps
 * a copy of the records it read, which Redis invalidates the moment a record changes or goes on
 * any instance (session-cache.ts, decision 0087), so most requests do not read Redis at all.
 */

export const sessionRecordSchema = z.object({
  subject: z.string().min(1),
  name: z.string(),
  email: z.string().optional(),
  /** Regions this counsellor may use, each with whether the sandbox is allowed there. */
  access: z.array(z.object({ region: z.string(), sandbox: z.boolean() })).min(1),
  defaultRegion: z.string(),
  roles: z.array(z.string()),
  createdAt: z.number(),
  lastSeenAt: z.number(),
})
export type SessionRecord = z.infer<typeof sessionRecordSchema>

export type ActiveSession = SessionRecord & {
  /** Key of the record in Redis (a hash of the cookie's id, never the id itself). */
  key: string
  idleExpiresAt: number
  absoluteExpiresAt: number
}

export type Clock = () => number

/** How stale `lastSeenAt` may get before a request writes it again (idle precision). */
const TOUCH_INTERVAL_MS = 60_000

export function cookieNames(auth: AuthConfig): { session: string; login: string } {
  // `__Host-`: the browser keeps the cookie only if Secure, for this host, path /.
  const prefix = auth.secureCookies ? '__Host-' : ''
  return { session: `${prefix}ct_session`, login: `${prefix}ct_login` }
}

export function randomId(): string {
  return randomBytes(32).toString('base64url')
}

export function hashId(id: string): string {
  return createHash('sha256').update(id).digest('base64url')
}

/** Every session record's Redis key starts with this (the session cache tracks the prefix). */
export const SESSION_KEY_PREFIX = 'session:'

function sessionKey(id: string): string {
  return `${SESSION_KEY_PREFIX}${hashId(id)}`
}

/**
 * While Redis cannot be reached, a read (GET) may still be served for a session this instance
 * found valid in Redis at most this long ago, so counsellors keep reading (and confirming by
 * polling) through a Redis restart or failover. The price, written down in decision 0073: a
 * sign-out made on another instance just before the outage reaches this one up to this much
 * later, for reads only. Writes, sign-in and sign-out always need Redis.
 */
export const OUTAGE_GRACE_MS = 60_000
/** How many recently checked sessions an instance remembers for that (oldest go first). */
const MAX_REMEMBERED = 10_000

/** A stored record, or null when it is not JSON of the record's shape. */
function parseRecord(text: string): SessionRecord | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = sessionRecordSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}

type Remembered = { record: SessionRecord; checkedAt: number }

export class SessionStore {
  readonly #redis: Redis
  readonly #auth: AuthConfig
  readonly #now: Clock
  readonly #cookie: string
  /** Redis key → the record as last read from Redis, and when (see OUTAGE_GRACE_MS). */
  readonly #remembered = new LRUCache<string, Remembered>({ max: MAX_REMEMBERED })
  /** Records Redis keeps honest by invalidation (session-cache.ts); none when not given. */
  readonly #cache: SessionCache<SessionRecord> | null
  /**
   * Signed cookie value → its record's Redis key, for cookies whose signature held: checking the
   * signature (HMAC) and hashing the id (SHA-256) give the same answer every time, so a tab's
   * requests do them once. Forged cookies are never kept, so only real sessions fill it.
   */
  readonly #keysOfCookies = new LRUCache<string, string>({ max: MAX_REMEMBERED })

  constructor(
    redis: Redis,
    auth: AuthConfig,
    now: Clock,
    cache: SessionCache<SessionRecord> | null = null,
  ) {
    this.#redis = redis
    this.#auth = auth
    this.#now = now
    this.#cookie = cookieNames(auth).session
    this.#cache = cache
  }

  #expiries(record: SessionRecord): { idle: number; absolute: number } {
    return {
      idle: record.lastSeenAt + this.#auth.sessionIdleSeconds * 1000,
      absolute: record.createdAt + this.#auth.sessionAbsoluteSeconds * 1000,
    }
  }

  async #save(key: string, record: SessionRecord): Promise<void> {
    const { idle, absolute } = this.#expiries(record)
    const ttl = Math.max(1, Math.min(idle, absolute) - this.#now())
    await this.#redis.set(key, JSON.stringify(record), 'PX', ttl)
  }

  /** A fresh session (new id) for a counsellor who just signed in; ends `previous` if given. */
  async create(
    record: Omit<SessionRecord, 'createdAt' | 'lastSeenAt'>,
    reply: FastifyReply,
    previousId: string | null,
  ): Promise<void> {
    if (previousId !== null) {
      this.#cache?.forget(sessionKey(previousId))
      await this.#redis.del(sessionKey(previousId))
    }
    const id = randomId()
    const now = this.#now()
    await this.#save(sessionKey(id), { ...record, createdAt: now, lastSeenAt: now })
    reply.setCookie(this.#cookie, id, {
      signed: true,
      httpOnly: true,
      secure: this.#auth.secureCookies,
      sameSite: 'lax',
      path: '/',
    })
  }

  /** The cookie's session id when its signature holds; null otherwise. */
  idOf(request: FastifyRequest): string | null {
    const raw = request.cookies[this.#cookie]
    if (raw === undefined) return null
    const unsigned = request.unsignCookie(raw)
    return unsigned.valid ? unsigned.value : null
  }

  /**
   * The request's live session, or null (no cookie, forged cookie, signed out, or expired).
   * `touch`: this request counts as activity (data routes); `/auth/session` only looks.
   */
  async get(
    request: FastifyRequest,
    touch: boolean,
    options: { isRead?: boolean } = {},
  ): Promise<ActiveSession | null> {
    const key = this.#keyOf(request)
    if (key === null) return null
    // Unchanged since this instance last read it (Redis would have said otherwise): no round trip.
    let record = await this.#cache?.lookup(key)
    if (record === undefined) {
      const generation = this.#cache?.generation ?? 0
      let text: string | null
      try {
        text = await this.#redis.get(key)
      } catch (error) {
        const recent = options.isRead === true ? this.#recentlyChecked(key) : null
        if (recent === null) throw error
        return recent
      }
      if (text === null) {
        this.#remembered.delete(key)
        return null
      }
      const parsed = parseRecord(text)
      if (parsed === null) return null
      record = parsed
      this.#cache?.store(key, record, generation)
    }
    const now = this.#now()
    const { idle, absolute } = this.#expiries(record)
    if (now >= idle || now >= absolute) {
      this.#cache?.forget(key)
      await this.#redis.del(key)
      return null
    }
    this.#remember(key, record, now)
    // Activity is written at most once a minute: most requests cost one Redis read at most.
    if (!touch || now - record.lastSeenAt < TOUCH_INTERVAL_MS) {
      return { ...record, key, idleExpiresAt: idle, absoluteExpiresAt: absolute }
    }
    const touched = { ...record, lastSeenAt: now }
    // XX: a sign-out that ran meanwhile is not undone by this write.
    const ttl = Math.max(1, Math.min(this.#expiries(touched).idle, absolute) - now)
    this.#cache?.forget(key)
    await this.#redis.set(key, JSON.stringify(touched), 'PX', ttl, 'XX')
    return {
      ...touched,
      key,
      idleExpiresAt: this.#expiries(touched).idle,
      absoluteExpiresAt: absolute,
    }
  }

  /** The Redis key of the request's session cookie when its signature holds; null otherwise. */
  #keyOf(request: FastifyRequest): string | null {
    const raw = request.cookies[this.#cookie]
    if (raw === undefined) return null
    const known = this.#keysOfCookies.get(raw)
    if (known !== undefined) return known
    const unsigned = request.unsignCookie(raw)
    if (!unsigned.valid) return null
    const key = sessionKey(unsigned.value)
    this.#keysOfCookies.set(raw, key)
    return key
  }

  #remember(key: string, record: SessionRecord, checkedAt: number): void {
    this.#remembered.set(key, { record, checkedAt })
  }

  /** A session Redis confirmed at most OUTAGE_GRACE_MS ago and not expired since, or null. */
  #recentlyChecked(key: string): ActiveSession | null {
    const remembered = this.#remembered.get(key)
    const now = this.#now()
    if (!remembered || now - remembered.checkedAt > OUTAGE_GRACE_MS) return null
    const { idle, absolute } = this.#expiries(remembered.record)
    if (now >= idle || now >= absolute) return null
    return { ...remembered.record, key, idleExpiresAt: idle, absoluteExpiresAt: absolute }
  }

  /**
   * Which of these sessions (Redis keys) still exist, in one round trip: the streams' periodic
   * check, for every distinct session of the process at once.
   */
  async existing(unique: Iterable<string>): Promise<Set<string>> {
    const keys = [...unique]
    if (keys.length === 0) return new Set()
    const pipeline = this.#redis.pipeline()
    for (const key of keys) pipeline.exists(key)
    const results = (await pipeline.exec()) ?? []
    const alive = new Set<string>()
    results.forEach(([error, count], at) => {
      if (error) throw error
      const key = keys[at]
      if (count === 1 && key !== undefined) alive.add(key)
    })
    return alive
  }

  /** Ends the request's session on every instance; returns the record it had, if any. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<SessionRecord | null> {
    const id = this.idOf(request)
    reply.clearCookie(this.#cookie, {
      path: '/',
      httpOnly: true,
      secure: this.#auth.secureCookies,
      sameSite: 'lax',
    })
    if (id === null) return null
    this.#remembered.delete(sessionKey(id))
    this.#cache?.forget(sessionKey(id))
    const text = await this.#redis.getdel(sessionKey(id))
    if (text === null) return null
    try {
      const parsed = sessionRecordSchema.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }
}
