import type { Redis } from 'ioredis'
import { eventsKey, STREAM_FIELD, type Scope } from './keys.js'
import { BACKOFF, backoffDelay } from '../../src/lib/backoff.js'

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

type ScopeLoop = {
  subscribers: Set<Subscriber>
  /** The id of the last entry read; the next XREAD continues after it. */
  lastId: string
  connection: Redis
  running: Promise<void>
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
 * Fans the Redis Stream of each region+environment out to this process's SSE clients: one
 * blocking `XREAD` loop per scope with at least one client (on its own connection, since a
 * blocked connection can do nothing else), however many clients the scope has. A loop stops
 * when its last client leaves. Replays (`Last-Event-ID`) are plain `XRANGE` calls.
 */
export class StreamHub {
  readonly #redis: Redis
  readonly #loops = new Map<string, ScopeLoop>()
  readonly #blockMs: number
  readonly #onError: (error: unknown, scope: Scope) => void
  #closed = false

  constructor(options: {
    redis: Redis
    blockMs?: number
    onError: (error: unknown, scope: Scope) => void
  }) {
    this.#redis = options.redis
    this.#blockMs = options.blockMs ?? 5000
    this.#onError = options.onError
  }

  /**
   * Adds a subscriber to the scope's live events; resolves once the scope's loop knows where it
   * starts, so a caller that then replays from a `Last-Event-ID` cannot fall into a gap.
   */
  async subscribe(scope: Scope, subscriber: Subscriber): Promise<Subscription> {
    const key = eventsKey(scope)
    let loop = this.#loops.get(key)
    if (!loop) {
      const lastId = await this.#currentLastId(key)
      loop = this.#loops.get(key) // another subscriber may have started it meanwhile
      if (!loop) {
        // A blocked connection can do nothing else; it waits for Redis instead of failing.
        const connection = this.#redis.duplicate({
          lazyConnect: false,
          enableOfflineQueue: true,
          maxRetriesPerRequest: null,
          connectionName: 'relay-events',
        })
        connection.on('error', (error: unknown) => {
          this.#onError(error, scope)
        })
        const created: ScopeLoop = {
          subscribers: new Set(),
          lastId,
          connection,
          running: Promise.resolve(),
        }
        this.#loops.set(key, created)
        created.running = this.#run(key, scope, created)
        loop = created
      }
    }
    const active = loop
    active.subscribers.add(subscriber)
    // The loop hands on only entries after its lastId (its pending XREAD asks for exactly those).
    return {
      startId: active.lastId,
      unsubscribe: () => {
        active.subscribers.delete(subscriber)
        if (active.subscribers.size === 0 && this.#loops.get(key) === active) {
          this.#loops.delete(key)
          active.connection.disconnect()
        }
      },
    }
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

  /** Number of scopes with a running loop (and so a blocking Redis connection). */
  get loopCount(): number {
    return this.#loops.size
  }

  async close(): Promise<void> {
    this.#closed = true
    const loops = [...this.#loops.values()]
    this.#loops.clear()
    for (const loop of loops) loop.connection.disconnect()
    await Promise.allSettled(loops.map((loop) => loop.running))
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

  #isRunning(key: string, loop: ScopeLoop): boolean {
    return !this.#closed && this.#loops.get(key) === loop
  }

  async #run(key: string, scope: Scope, loop: ScopeLoop): Promise<void> {
    let failures = 0
    while (this.#isRunning(key, loop)) {
      try {
        const result = await loop.connection.xread(
          'COUNT',
          500,
          'BLOCK',
          this.#blockMs,
          'STREAMS',
          key,
          loop.lastId,
        )
        failures = 0
        const entries = result?.[0]?.[1] ?? []
        const last = entries.at(-1)
        if (last) loop.lastId = last[0]
        const batch = toEvents(entries)
        // One call per subscriber for the whole batch (a client then writes it at once).
        if (batch.length > 0) for (const subscriber of loop.subscribers) subscriber(batch)
      } catch (error) {
        if (!this.#isRunning(key, loop)) return
        this.#onError(error, scope)
        failures += 1
        const wait = backoffDelay(BACKOFF.relayHubRead, failures - 1)
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
  }
}
