/**
 * How long to wait before trying again: the one backoff of the app (and of the relay and the
 * mock upstream). It only answers "how long"; whether to try again at all stays with the caller
 * (the journal's state machine, the query client's `shouldRetry`, the poller, the stream loop),
 * and a retried write keeps its entry's own idempotency key because the caller sends it.
 *
 * The wait before retry `attempt` (0 for the first retry) is `baseMs × factor^attempt`, made up to
 * `jitter` longer at random (so tabs and users do not retry in lockstep), then capped at `maxMs`.
 * A server's own wait (`Retry-After`, an event stream's `retry:`, a caller's floor such as "this
 * backend has no stream") is used `instead` of that or as the wait's lower bound (`at-least`),
 * kept between `retryAfter.minMs` and `retryAfter.maxMs`: a server asking for hours is more
 * likely a bug than a plan, and one asking for 0 ms must not make a busy loop.
 *
 * Every place that waits names its policy in `BACKOFF` below, so the differences are in one table.
 * `exponential-backoff` and `p-retry` were considered: both run the retry loop themselves (they
 * call the function and decide when to stop), which would move the decision out of the journal.
 */
export type BackoffPolicy = {
  /** Wait before the first retry. */
  readonly baseMs: number
  readonly factor: number
  readonly maxMs: number
  /** 0: none; 0.25: up to 25 % longer, chosen at random (applied before the cap). */
  readonly jitter: number
  readonly retryAfter: {
    readonly use: 'instead' | 'at-least'
    readonly minMs: number
    readonly maxMs: number
  }
}

const MINUTE = 60_000

/** Every backoff of the project, by the place that waits. */
export const BACKOFF = {
  /**
   * TanStack Query's retries of reads (query-client.ts): 1 s doubling to 30 s with up to 25 %
   * jitter; a Retry-After is waited instead, up to 60 s.
   */
  reads: {
    baseMs: 1000,
    factor: 2,
    maxMs: 30_000,
    jitter: 0.25,
    retryAfter: { use: 'instead', minMs: 0, maxMs: MINUTE },
  },
  /** The journal resending a write under the same key (journal-transition.ts). */
  journalResend: {
    baseMs: 1000,
    factor: 2,
    maxMs: 30_000,
    jitter: 0,
    retryAfter: { use: 'at-least', minMs: 0, maxMs: 10 * MINUTE },
  },
  /** Re-reading a candidate to confirm a queued write while the stream is closed (polling.ts). */
  confirmationPolling: {
    baseMs: 1000,
    factor: 2,
    maxMs: 30_000,
    jitter: 0,
    retryAfter: { use: 'at-least', minMs: 0, maxMs: 10 * MINUTE },
  },
  /** Re-reading a candidate whose write went stale: 1, 2, 4, 8 … minutes apart (polling.ts). */
  stalePolling: {
    baseMs: MINUTE,
    factor: 2,
    maxMs: 16 * MINUTE,
    jitter: 0,
    retryAfter: { use: 'at-least', minMs: 0, maxMs: 10 * MINUTE },
  },
  /**
   * Reopening `/events` (events.ts): 1 s doubling to 30 s, back to 1 s once open. The server's
   * `retry:` (a relay handing its streams on) is waited instead, but at least 0.5 s; a backend
   * without the stream is asked again after 5 minutes.
   */
  eventsReconnect: {
    baseMs: 1000,
    factor: 2,
    maxMs: 30_000,
    jitter: 0,
    retryAfter: { use: 'instead', minMs: 500, maxMs: 5 * MINUTE },
  },
  /** The relay's `XREAD` loop after a Redis error (server/src/hub.ts): 200 ms doubling to 5 s. */
  relayHubRead: {
    baseMs: 200,
    factor: 2,
    maxMs: 5000,
    jitter: 0,
    retryAfter: { use: 'at-least', minMs: 0, maxMs: 0 },
  },
  /** The mock engine retrying a queued write (src/mocks/engine.ts): the scenario's latency doubling. */
  mockEngineRetry: {
    baseMs: 0, // the scenario's `latencyMs`
    factor: 2,
    maxMs: Number.POSITIVE_INFINITY,
    jitter: 0,
    retryAfter: { use: 'at-least', minMs: 0, maxMs: 0 },
  },
  /** The mock upstream redelivering a callback (server/mock-upstream): 250 ms doubling. */
  mockCallbackRedelivery: {
    baseMs: 250,
    factor: 2,
    maxMs: Number.POSITIVE_INFINITY,
    jitter: 0,
    retryAfter: { use: 'at-least', minMs: 0, maxMs: 0 },
  },
} as const satisfies Record<string, BackoffPolicy>

type BackoffOptions = {
  /** What the server asked for (ms), when it did. */
  retryAfterMs?: number | null
  /** [0, 1), Math.random by default; tests pass their own. */
  random?: () => number
}

/** The wait before retry `attempt` (0-based) under `policy`, in whole milliseconds. */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  { retryAfterMs = null, random = Math.random }: BackoffOptions = {},
): number {
  if (retryAfterMs !== null) {
    const asked = Math.min(Math.max(policy.retryAfter.minMs, retryAfterMs), policy.retryAfter.maxMs)
    if (policy.retryAfter.use === 'instead') return Math.round(asked)
    return Math.round(Math.max(asked, backoffDelay(policy, attempt, { random })))
  }
  const grown = policy.baseMs * policy.factor ** Math.max(0, attempt)
  const jittered = policy.jitter > 0 ? grown * (1 + random() * policy.jitter) : grown
  return Math.round(Math.min(jittered, policy.maxMs))
}
