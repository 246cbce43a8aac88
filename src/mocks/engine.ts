import type { MutationOutcome } from '@/api/contract'
import { BACKOFF, backoffDelay } from '@/lib/backoff'
import type { ExecutionResult } from '@/mocks/apply-command'
import {
  execute,
  internalError,
  signedDelivery,
  toOutcome,
  type CallbackDelivery,
} from '@/mocks/outcome'
import { hex, type Random } from '@/mocks/prng'
import type { ScenarioStore } from '@/mocks/scenario'
import {
  idempotencyRecordKey,
  scopeKey,
  type Command,
  type QueuedMutation,
  type Scope,
} from '@/mocks/state'
import type { MockStore } from '@/mocks/store'

export type OutcomeListener = (outcome: MutationOutcome, scope: Scope) => void
export type DeliveryListener = (delivery: CallbackDelivery) => void
export type EnqueueInput = Scope & {
  idempotencyKey: string | null
  callbackUrl: string | null
  command: Command
}

/** Attempts per mutation before a transient failure becomes a `failed` outcome. */
export const MAX_ATTEMPTS = 3

/**
 * The mock Mutation Engine ([DOC]): one FIFO queue per region+environment, one mutation at a time
 * after the scenario's latency; transient failures retried with backoff; every idempotency key
 * runs at most once; each outcome published to subscribers (the `/events` stream) and, when a
 * `callbackUrl` was given, signed like the upstream's callback and recorded; the engine never
 * POSTs it (the HTTP mock upstream does, through `subscribeDeliveries`).
 */
export class MutationEngine {
  readonly #store: MockStore
  readonly #scenario: ScenarioStore
  readonly #clock: () => number
  readonly #random: Random
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>()
  readonly #listeners = new Set<OutcomeListener>()
  readonly #deliveryListeners = new Set<DeliveryListener>()
  readonly #idleWaiters: (() => void)[] = []
  #pendingDeliveries = 0
  /** Outcomes and callback deliveries since the last reset, for tests and the demo console. */
  outcomes: { outcome: MutationOutcome; scope: Scope }[] = []
  deliveries: CallbackDelivery[] = []

  constructor(options: {
    store: MockStore
    scenario: ScenarioStore
    clock: () => number
    random: Random
  }) {
    this.#store = options.store
    this.#scenario = options.scenario
    this.#clock = options.clock
    this.#random = options.random
    this.#scenario.subscribe((next, previous) => {
      if (previous.stuckQueue && !next.stuckQueue) this.resume()
    })
    this.resume() // a reloaded page carries on with what was still queued
  }

  /** True when this key was already accepted in this region+environment (replay → first 202). */
  isKnown(scope: Scope, idempotencyKey: string): boolean {
    return idempotencyRecordKey(scope, idempotencyKey) in this.#store.state.keys
  }

  /** Queues a validated command; returns the key its 202 carries (the client's, or a new one). */
  enqueue(input: EnqueueInput): { idempotencyKey: string; replayed: boolean } {
    const scope: Scope = { region: input.region, environment: input.environment }
    if (input.idempotencyKey !== null && this.isKnown(scope, input.idempotencyKey)) {
      return { idempotencyKey: input.idempotencyKey, replayed: true }
    }
    const key = input.idempotencyKey ?? this.#serverKey(scope)
    const state = this.#store.state
    const mutation: QueuedMutation = {
      seq: state.nextSeq,
      idempotencyKey: key,
      ...scope,
      callbackUrl: input.callbackUrl,
      acceptedAt: new Date(this.#clock()).toISOString(),
      attempts: 0,
      command: input.command,
    }
    state.nextSeq += 1
    const queueKey = scopeKey(scope)
    state.queues[queueKey] = [...(state.queues[queueKey] ?? []), mutation]
    state.keys[idempotencyRecordKey(scope, key)] = { status: 'queued', outcome: null }
    this.#store.save() // before the 202: a reload right after it still has the mutation
    this.#pump(queueKey)
    return { idempotencyKey: key, replayed: false }
  }

  subscribe(listener: OutcomeListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Each signed callback as it is made (the HTTP mock upstream POSTs them to `callbackUrl`). */
  subscribeDeliveries(listener: DeliveryListener): () => void {
    this.#deliveryListeners.add(listener)
    return () => this.#deliveryListeners.delete(listener)
  }

  /** Snapshot of what is queued, oldest first (optionally for one region+environment). */
  queued(scope?: Scope): QueuedMutation[] {
    const all = Object.values(this.#store.state.queues).flat()
    const filtered = scope
      ? all.filter((m) => m.region === scope.region && m.environment === scope.environment)
      : all
    return structuredClone(filtered.sort((a, b) => a.seq - b.seq))
  }

  /** Resolves once every queue is empty and every callback is signed. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve)
      this.#settleIdle()
    })
  }

  /** (Re)starts every non-empty queue; used after a reload and when a stuck queue is released. */
  resume(): void {
    for (const queueKey of Object.keys(this.#store.state.queues)) this.#pump(queueKey)
    this.#settleIdle()
  }

  /** Cancels timers and forgets outcomes; the caller resets the store. */
  reset(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#timers.clear()
    this.outcomes = []
    this.deliveries = []
    this.#settleIdle()
  }

  #pump(queueKey: string): void {
    if (this.#timers.has(queueKey) || this.#scenario.current.stuckQueue) return
    const head = this.#store.state.queues[queueKey]?.[0]
    if (!head) return
    // First attempt after the latency; each retry waits twice as long as the one before.
    const delay = backoffDelay(
      { ...BACKOFF.mockEngineRetry, baseMs: this.#scenario.current.latencyMs },
      head.attempts,
    )
    const timer = setTimeout(() => {
      this.#timers.delete(queueKey)
      this.#run(queueKey)
    }, delay)
    this.#timers.set(queueKey, timer)
  }

  #run(queueKey: string): void {
    const head = this.#store.state.queues[queueKey]?.[0]
    if (!head || this.#scenario.current.stuckQueue) return
    head.attempts += 1
    if (this.#random() < this.#scenario.current.failureRate) {
      if (head.attempts < MAX_ATTEMPTS) {
        this.#store.save()
        this.#pump(queueKey)
        return
      }
      const message = `Temporary backend failure; the engine gave up after ${MAX_ATTEMPTS} attempts.`
      this.#finish(queueKey, head, internalError(head.command, message))
      return
    }
    const dataset = this.#store.dataset({ region: head.region, environment: head.environment })
    const result = execute(dataset, head.command, { nowMs: this.#clock(), random: this.#random })
    this.#finish(queueKey, head, result)
  }

  #finish(queueKey: string, head: QueuedMutation, result: ExecutionResult): void {
    const state = this.#store.state
    state.queues[queueKey] = (state.queues[queueKey] ?? []).filter((m) => m.seq !== head.seq)
    const scope: Scope = { region: head.region, environment: head.environment }
    const outcome = toOutcome(head, result, this.#clock())
    state.keys[idempotencyRecordKey(scope, head.idempotencyKey)] = {
      status: outcome.status,
      outcome,
    }
    this.#store.save()
    this.outcomes.push({ outcome, scope })
    for (const listener of this.#listeners) {
      try {
        listener(outcome, scope)
      } catch (error) {
        console.error('[mock] an outcome listener threw', error)
      }
    }
    if (head.callbackUrl) this.#deliver(head.callbackUrl, outcome, scope)
    this.#pump(queueKey)
    this.#settleIdle()
  }

  #deliver(callbackUrl: string, outcome: MutationOutcome, scope: Scope): void {
    this.#pendingDeliveries += 1
    signedDelivery({ callbackUrl, outcome, scope, nowMs: this.#clock(), random: this.#random })
      .then((delivery) => {
        this.deliveries.push(delivery)
        for (const listener of this.#deliveryListeners) listener(delivery)
      })
      .catch((error: unknown) => {
        console.error('[mock] could not sign a callback', error)
      })
      .finally(() => {
        this.#pendingDeliveries -= 1
        this.#settleIdle()
      })
  }

  #serverKey(scope: Scope): string {
    let key = `mock_${hex(this.#random, 24)}`
    while (this.isKnown(scope, key)) key = `mock_${hex(this.#random, 24)}`
    return key
  }

  #settleIdle(): void {
    const busy = Object.values(this.#store.state.queues).some((queue) => queue.length > 0)
    if (busy || this.#pendingDeliveries > 0) return
    for (const resolve of this.#idleWaiters.splice(0)) resolve()
  }
}
