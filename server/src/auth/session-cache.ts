import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Redis } from 'ioredis'
import { LRUCache } from 'lru-cache'

/** Redis's channel for invalidation messages of client-side caching in RESP2 (redirect mode). */
const INVALIDATE_CHANNEL = '__redis__:invalidate'
/** How many session records one instance keeps by default (the least recently used go first). */
const MAX_ENTRIES = 10_000
/** The tracking connection is asked for a PONG this often… */
const PING_EVERY_MS = 1000
/**
 * …and the copies are used only while the last PONG answered a PING sent at most this long ago.
 * A PONG comes on the same connection as the invalidations, after every invalidation Redis sent
 * before it, so the copies are known to be at most this old even if the connection went silent
 * without closing (a network partition).
 */
export const SESSION_CACHE_TRUST_MS = 3000

/**
 * A per-instance copy of session records that Redis itself keeps honest (decision 0087): Redis
 * server-assisted client-side caching, `CLIENT TRACKING … BCAST PREFIX <prefix>`. Whenever any
 * key under the prefix changes anywhere (sign-out on another instance, an activity touch, expiry,
 * FLUSHALL), Redis pushes its name to this instance's tracking connection, and the copy is
 * dropped. A data request then costs no Redis round trip while the session is unchanged, and a
 * sign-out on any instance still ends it here at once.
 *
 * It holds only while that push path is known to work, so the copy is used only while the
 * tracking connection is up and subscribed, and everything is forgotten when it drops (Redis
 * restarted, network, output buffer limit): changes made meanwhile were never pushed. Until the
 * connection is back every lookup goes to Redis, as without a cache. A connection that goes
 * silent without closing is caught by a PING every second: copies are used only while a PONG
 * came back for a PING sent at most SESSION_CACHE_TRUST_MS ago. Two races are closed:
 * - a record read by a `GET` whose answer arrives after an invalidation of the same moment (the
 *   two come on different connections) is not kept: every invalidation and every drop moves a
 *   generation, and a record is kept only if the generation did not move while it was read;
 * - a hit is trusted only after one more turn of the event loop (`setImmediate`), so an
 *   invalidation that reached this process together with the request is applied first. Redis
 *   writes the invalidation before the sign-out's answer leaves it, so a request sent after the
 *   sign-out answered finds the copy gone.
 *
 * A Redis that refuses `CLIENT TRACKING` (before 6, or a managed one that forbids it) leaves the
 * cache off; every lookup then reads Redis, as before.
 */
export class SessionCache<T extends object> {
  readonly #tracker: Redis
  readonly #prefix: string
  readonly #onError: (error: unknown) => void
  /** Redis key → record, bounded (the least recently used go first). */
  readonly #entries: LRUCache<string, T>
  #live = false
  #generation = 0
  /** Counts the tracking connection's drops: a switch-on that spans one does not count. */
  #drops = 0
  /** When the PING of the last PONG was sent (performance.now()); copies are older than that. */
  #confirmedAt = -Infinity
  #pinger: NodeJS.Timeout | null = null
  #closed = false

  constructor(options: {
    redis: Redis
    prefix: string
    onError: (error: unknown) => void
    /** Records kept at most (default MAX_ENTRIES). */
    maxEntries?: number
  }) {
    this.#entries = new LRUCache<string, T>({ max: options.maxEntries ?? MAX_ENTRIES })
    this.#prefix = options.prefix
    this.#onError = options.onError
    this.#tracker = options.redis.duplicate({
      lazyConnect: true,
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      // Tracking is switched on again by hand after every reconnect (it belongs to a connection).
      autoResubscribe: false,
      connectionName: 'relay-session-tracking',
    })
    this.#tracker.on('error', (error: unknown) => {
      this.#onError(error)
    })
    // Any drop: what changed meanwhile was never pushed, so nothing kept can be trusted.
    this.#tracker.on('close', () => {
      this.#forget()
    })
    this.#tracker.on('ready', () => {
      // 'close' comes a loop turn or two after the socket has ended; the socket's own 'end' is
      // the earliest sign, read in the same turn as anything that arrived after it.
      this.#tracker.stream.once('end', () => {
        this.#forget()
      })
      void this.#track()
    })
    this.#tracker.on('messageBuffer', (channel: unknown, message: unknown) => {
      if (String(channel) !== INVALIDATE_CHANNEL) return
      this.#generation += 1
      // null: Redis dropped everything (FLUSHALL, or it could not track); else the changed keys.
      if (!Array.isArray(message)) {
        this.#entries.clear()
        return
      }
      for (const key of message) this.#entries.delete(String(key))
    })
  }

  /** Connects the tracking connection; the cache is used once Redis has confirmed tracking. */
  start(): void {
    this.#tracker.connect().catch((error: unknown) => {
      this.#onError(error) // ioredis keeps retrying; 'ready' switches tracking on later
    })
    this.#pinger = setInterval(() => {
      if (!this.#live) return
      const sentAt = performance.now()
      const drops = this.#drops
      this.#tracker.ping().then(
        () => {
          if (drops === this.#drops) this.#confirmedAt = Math.max(this.#confirmedAt, sentAt)
        },
        () => undefined, // a dropped connection forgets everything on its own ('end', 'close')
      )
    }, PING_EVERY_MS)
    this.#pinger.unref()
  }

  /** Whether copies are kept and served now (tests read it). */
  get live(): boolean {
    return this.#usable()
  }

  #usable(): boolean {
    return this.#live && performance.now() - this.#confirmedAt <= SESSION_CACHE_TRUST_MS
  }

  /** Taken before a Redis read; `store` keeps the record only if nothing moved since. */
  get generation(): number {
    return this.#generation
  }

  /** The record kept for `key`, once no invalidation that arrived with this request says otherwise. */
  async lookup(key: string): Promise<T | undefined> {
    if (!this.#usable() || !this.#entries.has(key)) return undefined
    await nextTurn()
    return this.#usable() ? this.#entries.get(key) : undefined
  }

  /** Keeps what a Redis read started at `generation` returned, unless anything changed since. */
  store(key: string, record: T, generation: number): void {
    if (!this.#usable() || generation !== this.#generation) return
    this.#entries.set(key, record)
  }

  /** Drops one record (this instance changed or removed it). */
  forget(key: string): void {
    this.#generation += 1
    this.#entries.delete(key)
  }

  close(): void {
    this.#closed = true
    if (this.#pinger !== null) clearInterval(this.#pinger)
    this.#forget()
    this.#tracker.disconnect()
  }

  #forget(): void {
    this.#drops += 1
    this.#live = false
    this.#generation += 1
    this.#entries.clear()
  }

  async #track(): Promise<void> {
    const drops = this.#drops
    try {
      const id = await this.#tracker.client('ID')
      await this.#tracker.call(
        'CLIENT',
        'TRACKING',
        'ON',
        'REDIRECT',
        String(id),
        'BCAST',
        'PREFIX',
        this.#prefix,
      )
      await this.#tracker.subscribe(INVALIDATE_CHANNEL)
      const sentAt = performance.now()
      await this.#tracker.ping()
      if (this.#closed || drops !== this.#drops) return
      this.#generation += 1
      this.#confirmedAt = sentAt
      this.#live = true
    } catch (error) {
      this.#onError(error) // stays off: every lookup reads Redis
    }
  }
}
