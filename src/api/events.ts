import { createParser } from 'eventsource-parser'
import {
  EVENT_MUTATION,
  EVENT_RESYNC,
  mutationOutcomeSchema,
  paths,
  type MutationOutcome,
} from '@/api/contract'
import type { ApiClient } from '@/api/client'
import { isAbortError } from '@/api/errors'
import { BACKOFF, backoffDelay } from '@/lib/backoff'
import { parseJson } from '@/lib/json'

export type EventStreamStatus = 'connecting' | 'open' | 'unavailable'

export type EventStreamHandlers = {
  onOutcome: (outcome: MutationOutcome) => void
  /** The server could not replay what was missed (`event: resync`): re-read what matters. */
  onResync?: () => void
  onStatus?: (status: EventStreamStatus) => void
}

/** A backend without the stream (the upstream itself answers 404): ask again rarely. */
const NO_STREAM_DELAY_MS = 5 * 60_000

/** The last event id seen per client, kept across closes so a reopened stream resumes. */
const lastEventIds = new WeakMap<ApiClient, string>()

/**
 * [OURS] Listens to `/events` (Server-Sent Events with mutation outcomes). Uses fetch rather than
 * EventSource because the stream needs the client's headers (`x-api-key`), which EventSource
 * cannot send — so it does what EventSource does itself: reconnects with backoff (`eventsReconnect`
 * in lib/backoff.ts; after the server's `retry:` when it sent one) and sends the last `id` it saw as `Last-Event-ID`, so a relay replays what was missed
 * (or says `resync`). While it is not `open` the caller confirms by polling instead. Messages
 * that do not parse are dropped. The stream has no answer timeout (it is meant to stay open).
 */
export async function listenToMutationEvents(
  api: ApiClient,
  handlers: EventStreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  let attempt = 0
  while (!signal.aborted) {
    handlers.onStatus?.('connecting')
    // The server's `retry:` (a relay handing its streams on spreads them over 0.5–2.5 s).
    let serverWaitMs: number | null = null
    try {
      await readStream(
        api,
        handlers,
        signal,
        () => {
          attempt = 0
          handlers.onStatus?.('open')
        },
        (retryMs) => {
          serverWaitMs = retryMs
        },
      )
    } catch (error) {
      if (isAbortError(error)) return // only our own signal aborts (no answer timeout here)
      if (error instanceof NoStreamError) serverWaitMs = NO_STREAM_DELAY_MS
    }
    handlers.onStatus?.('unavailable')
    await sleep(
      backoffDelay(BACKOFF.eventsReconnect, attempt, { retryAfterMs: serverWaitMs }),
      signal,
    )
    attempt += 1
  }
}

class NoStreamError extends Error {}

async function readStream(
  api: ApiClient,
  handlers: EventStreamHandlers,
  signal: AbortSignal,
  onOpen: () => void,
  onRetry: (retryMs: number) => void,
): Promise<void> {
  const headers = api.headers('text/event-stream')
  const lastEventId = lastEventIds.get(api)
  if (lastEventId !== undefined) headers.set('last-event-id', lastEventId)
  const init: RequestInit = { headers, signal }
  const url = api.url(paths.events)
  const response = await (api.config.fetch ? api.config.fetch(url, init) : fetch(url, init))
  if (response.status === 404 || response.status === 405) throw new NoStreamError()
  if (
    !response.ok ||
    !response.body ||
    !response.headers.get('content-type')?.includes('text/event-stream')
  ) {
    throw new Error('not an event stream')
  }
  onOpen()
  const parser = createParser({
    onRetry,
    onEvent(message) {
      // Remembered before handling, as EventSource does: the next connection resumes after it.
      if (message.id !== undefined) lastEventIds.set(api, message.id)
      const name = message.event ?? 'message'
      if (name === EVENT_RESYNC) {
        handlers.onResync?.()
        return
      }
      if (name !== EVENT_MUTATION) return
      const outcome = parseOutcome(message.data)
      if (outcome) handlers.onOutcome(outcome)
    },
  })
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    parser.feed(value)
  }
}

type SharedStream = {
  subscribers: Set<EventStreamHandlers>
  status: EventStreamStatus
  controller: AbortController
}

const sharedStreams = new Map<ApiClient, SharedStream>()

/**
 * One `/events` connection per client (one per scope: environment + region + backend) however
 * many parts of the page listen — the journal's confirmation and an open timeline's live
 * changes. Opened with the first subscriber, closed with the last; a new subscriber hears the
 * current status at once. Each outcome is one parsed object shared by every subscriber.
 */
export function subscribeToMutationEvents(
  api: ApiClient,
  handlers: EventStreamHandlers,
): () => void {
  let shared = sharedStreams.get(api)
  if (!shared) {
    const created: SharedStream = {
      subscribers: new Set(),
      status: 'connecting',
      controller: new AbortController(),
    }
    shared = created
    sharedStreams.set(api, created)
    void listenToMutationEvents(
      api,
      {
        onOutcome: (outcome) => {
          for (const subscriber of [...created.subscribers]) subscriber.onOutcome(outcome)
        },
        onResync: () => {
          for (const subscriber of [...created.subscribers]) subscriber.onResync?.()
        },
        onStatus: (status) => {
          if (created.controller.signal.aborted) return
          created.status = status
          for (const subscriber of [...created.subscribers]) subscriber.onStatus?.(status)
        },
      },
      created.controller.signal,
    )
  }
  const stream = shared
  stream.subscribers.add(handlers)
  handlers.onStatus?.(stream.status)
  return () => {
    if (!stream.subscribers.delete(handlers) || stream.subscribers.size > 0) return
    stream.controller.abort()
    if (sharedStreams.get(api) === stream) sharedStreams.delete(api)
  }
}

export function parseOutcome(data: string): MutationOutcome | null {
  const json = parseJson(data)
  const parsed = json.ok ? mutationOutcomeSchema.safeParse(json.value) : null
  return parsed?.success ? parsed.data : null
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}
