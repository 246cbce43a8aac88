import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { eventsKey, STREAM_FIELD, type Scope } from './keys.js'
import { BACKOFF, backoffDelay } from '../../src/lib/backoff.js'

/** The hub's wake-up stream expires this long after its last use (it holds one entry). */
const WAKE_KEY_TTL_MS = 60 * 60 * 1000

/** One entry of a region+environment's outcome stream: its stream id and the outcome's JSON. */
export type StreamEvent = { id: string; data: string }

/**
 * The entries one `XREAD` brought for a scope, oldest first (never empty). Every subscriber of
 * the scope is handed the same array, so work done once per batch (the SSE bytes) can be kept
 * with it (events.ts).
 */
export type StreamBatch = readonly StreamEvent[]

export type Subscriber = (batch: StreamBatch) => void

export type Subscription = {
  /**
   * The id this subscription starts after: every later entry reaches the subscriber, none before.
   * A client given this id as its resume point misses nothing when it reconnects.
   */
  startId: string
  unsubscribe(): void
}

/** A scope some client of this process listens to. */
type ScopeState = {
  scope: Scope
  subscribers: Set<Subscriber>
  /** The id of the last entry handed on; the next XREAD asks for what comes after it. */
  lastId: string
}

/** Compares two decimal numbers written as digit strings (any length, leading zeros allowed). */
function compareDigits(a: string, b: string): number {
  // Up to 15 digits a double is exact: the usual case (milliseconds, small sequence numbers)
  // compares without allocating.
  if (a.length <= 15 && b.length <= 15) {
    const diff = Number(a) - Number(b)
    return diff === 0 ? 0 : diff < 0 ? -1 : 1
  }
  const diff = BigInt(a) - BigInt(b)
  return diff === 0n ? 0 : diff < 0n ? -1 : 1
}

/** Compares two stream ids (`<ms>-<seq>`) numerically. */
export function compareStreamIds(a: string, b: string): number {
  const aDash = a.indexOf('-')
  const bDash = b.indexOf('-')
  const aMs = aDash === -1 ? a : a.slice(0, aDash)
  const bMs = bDash === -1 ? b : b.slice(0, bDash)
  const ms = compareDigits(aMs || '0', bMs || '0')
  if (ms !== 0) return ms
  const aSeq = aDash === -1 ? '0' : a.slice(aDash + 1)
  const bSeq = bDash === -1 ? '0' : b.slice(bDash + 1)
  return compareDigits(aSeq || '0', bSeq || '0')
}

/** A valid stream id as a client may send it in `Last-Event-ID`. */
export function isStreamId(value: string): boolean {
  return /^\d{1,20}-\d{1,20}$/.test(value)
}

type Entries = [id: string, fields: string[]][]

function toEvents(entries: Entries): StreamEvent[] {
  const events: StreamEvent[] = []
  for (const [id, fields] of entries) {
    const at = fields.indexOf(STREAM_FIELD)
    const data = at === -1 ? undefined : fields[at + 1]
    if (data !== undefined) events.push({ id, data })
  }
  return events
}

/**
 * Fans the Redis Streams of the regions+environments this process's SSE clients listen to out to
 * them: one blocking `XREAD` for all those scopes at once, on one connection of its own (a
 * blocked connection can do nothing else), however many scopes and clients there are. Each
 * reply can carry entries of several scopes; every subscriber of a scope gets its scope's new
 * entries in one call. A scope is read while it has at least one client. A scope that gets its
 * first client while the `XREAD` waits is added by waking that `XREAD`: the hub appends to a
 * wake-up stream of its own that every `XREAD` also reads (race-free: the entry is newer than
 * the id the `XREAD` asks after, whether it arrives before or after it). Replays
 * (`Last-Event-ID`) are plain `XRANGE` calls. Decision 0087.
 *
 * One `XREAD` over several keys needs them on one Redis: on a Redis Cluster the keys of
 * different scopes lie in different slots, so a Cluster connection (not built; see the README)
 * would read one `XREAD` per node and slot instead.
 */
export class StreamHub {
  readonly #redis: Redis
  readonly #scopes = new Map<string, ScopeState>()
  readonly #blockMs: number
  readonly #onError: (error: unknown, scope: Scope | null) => void
  /** This process's wake-up stream (one entry at most, expires when left alone). */
  readonly #wakeKey = `relay:hub-wake:${randomUUID()}`
  #wakeLastId = '0-0'
  #connection: Redis | null = null
  #running: Promise<void> = Promise.resolve()
  #closed = false

  constructor(options: {
    redis: Redis
    blockMs?: number
    onError: (error: unknown, scope: Scope | null) => void
  }) {
    this.#redis = options.redis
    this.#blockMs = options.blockMs ?? 5000
    this.#onError = options.onError
  }

  /**
   * Adds a subscriber to the scope's live events; resolves once the hub knows where the scope
   * starts, so a caller that then replays from a `Last-Event-ID` cannot fall into a gap.
   */
  async subscribe(scope: Scope, subscriber: Subscriber): Promise<Subscription> {
    const key = eventsKey(scope)
    let state = this.#scopes.get(key)
    let added = false
    if (!state) {
      const lastId = await this.#currentLastId(key)
      state = this.#scopes.get(key) // another subscriber may have added it meanwhile
      if (!state) {
        state = { scope, subscribers: new Set(), lastId }
        this.#scopes.set(key, state)
        added = true
      }
    }
    const active = state
    active.subscribers.add(subscriber)
    const unsubscribe = () => {
      active.subscribers.delete(subscriber)
      // An XREAD under way may still bring this scope's entries: they are dropped (#hand).
      if (active.subscribers.size === 0 && this.#scopes.get(key) === active) {
        this.#scopes.delete(key)
      }
    }
    // The hub hands on only entries after its lastId (its next XREAD asks for exactly those).
    const startId = active.lastId
    if (added) {
      this.#start()
      try {
        // The XREAD under way does not name this scope yet: wake it, so the next one does.
        await this.#wake()
      } catch (error) {
        unsubscribe()
        throw error
      }
    }
    return { startId, unsubscribe }
  }

  /** Entries after `afterId` (exclusive), oldest first, at most `count`. */
  async replay(scope: Scope, afterId: string, count: number): Promise<StreamEvent[]> {
    const entries = (await this.#redis.xrange(
      eventsKey(scope),
      `(${afterId}`,
      '+',
      'COUNT',
      count,
    )) as Entries
    return toEvents(entries)
  }
  /**
   * Whether a client that last saw `afterId` has lost entries to trimming: the oldest kept entry
   * is after its id, and the stream has trimmed something (`entries-added` > `length`, Redis 7+;
   * we never XDEL). Without that second test, a fresh stream's first entry would look like a gap
   * to a client whose resume point was given before the stream existed.
   */
  async missedByTrimming(scope: Scope, afterId: string): Promise<boolean> {
    let info: unknown[]
    try {
      info = (await this.#redis.call('XINFO', 'STREAM', eventsKey(scope))) as unknown[]
    } catch (error) {
      if (error instanceof Error && /no such key/i.test(error.message)) return false
      throw error
    }
    const field = (name: string): unknown => {
      const at = info.indexOf(name)
      return at === -1 ? undefined : info[at + 1]
    }
    const first = field('first-entry')
    const firstId = Array.isArray(first) && typeof first[0] === 'string' ? first[0] : null
    if (firstId === null || compareStreamIds(afterId, firstId) >= 0) return false
    const added = Number(field('entries-added'))
    const length = Number(field('length'))
    // Redis before 7 has no entries-added: then any gap before the oldest entry counts.
    return Number.isFinite(added) ? added > length : true
  }

  /** Number of scopes this process reads (each with at least one client). */
  get scopeCount(): number {
    return this.#scopes.size
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#scopes.clear()
    this.#connection?.disconnect()
    await this.#running
  }

  /**
   * The newest entry's id; for an empty stream, an id just before Redis's clock (every later
   * entry's id is above it), rather than 0-0, which would look older than any kept entry.
   */
  async #currentLastId(key: string): Promise<string> {
    const entries = (await this.#redis.xrevrange(key, '+', '-', 'COUNT', 1)) as Entries
    const newest = entries[0]?.[0]
    if (newest !== undefined) return newest
    const [seconds = '0', micros = '0'] = await this.#redis.time()
    return `${Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - 1}-0`
  }

  /** Starts the read loop and its connection with the first scope. */
  #start(): void {
    if (this.#connection !== null || this.#closed) return
    // A blocked connection can do nothing else; it waits for Redis instead of failing.
    const connection = this.#redis.duplicate({
      lazyConnect: false,
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      connectionName: 'relay-events',
    })
    connection.on('error', (error: unknown) => {
      this.#onError(error, null)
    })
    this.#connection = connection
    this.#running = this.#run(connection)
  }

  /** Appends to the wake-up stream: the XREAD under way (or the next) returns at once. */
  async #wake(): Promise<void> {
    await this.#redis
      .multi()
      .xadd(this.#wakeKey, 'MAXLEN', '1', '*', 'w', '1')
      .pexpire(this.#wakeKey, WAKE_KEY_TTL_MS)
      .exec()
  }

  /** Hands a reply's entries of one key to that scope's subscribers (only what is new to it). */
  #hand(key: string, entries: Entries): void {
    if (key === this.#wakeKey) {
      const last = entries.at(-1)
      if (last) this.#wakeLastId = last[0]
      return
    }
    const state = this.#scopes.get(key)
    if (!state) return // no client listens any more
    // Usually all of them; after a scope left and came back, only those after its new start.
    const fresh =
      entries.length > 0 && compareStreamIds(entries[0]?.[0] ?? '0-0', state.lastId) > 0
        ? entries
        : entries.filter(([id]) => compareStreamIds(id, state.lastId) > 0)
    const last = fresh.at(-1)
    if (!last) return
    state.lastId = last[0]
    const batch = toEvents(fresh)
    // One call per subscriber for the whole batch (a client then writes it at once).
    if (batch.length > 0) for (const subscriber of state.subscribers) subscriber(batch)
  }

  /** A method, so a check after an await reads the value then (close() may have run). */
  #isClosed(): boolean {
    return this.#closed
  }

  async #run(connection: Redis): Promise<void> {
    let failures = 0
    while (!this.#isClosed()) {
      const keys = [...this.#scopes.keys()]
      const ids = keys.map((key) => this.#scopes.get(key)?.lastId ?? '$')
      try {
        const result = await connection.xread(
          'COUNT',
          500,
          'BLOCK',
          this.#blockMs,
          'STREAMS',
          ...keys,
          this.#wakeKey,
          ...ids,
          this.#wakeLastId,
        )
        failures = 0
        for (const [key, entries] of result ?? []) this.#hand(key, entries)
      } catch (error) {
        if (this.#isClosed()) return
        this.#onError(error, null)
        failures += 1
        const wait = backoffDelay(BACKOFF.relayHubRead, failures - 1)
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
  }
}
