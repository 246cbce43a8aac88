import { createParser } from 'eventsource-parser'
import { EVENT_MUTATION, mutationOutcomeSchema, paths, type MutationOutcome } from '@/api/contract'
import type { ApiClient } from '@/api/client'
import { isAbortError } from '@/api/errors'
import { parseJson } from '@/lib/json'

export type EventStreamStatus = 'connecting' | 'open' | 'unavailable'

export type EventStreamHandlers = {
  onOutcome: (outcome: MutationOutcome) => void
  onStatus?: (status: EventStreamStatus) => void
}

/**
 * [OURS] Listens to `/events` (Server-Sent Events with mutation outcomes). Uses fetch rather than
 * EventSource because the stream needs the `x-api-key` header, which EventSource cannot send.
 * Reconnects with backoff (1 s doubling to 30 s) until the signal aborts; while it is not
 * `open` the caller confirms by polling instead. Messages that do not parse are dropped.
 */
export async function listenToMutationEvents(
  api: ApiClient,
  handlers: EventStreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  let delay = 1000
  while (!signal.aborted) {
    handlers.onStatus?.('connecting')
    try {
      await readStream(api, handlers, signal, () => {
        delay = 1000
        handlers.onStatus?.('open')
      })
    } catch (error) {
      if (isAbortError(error)) return
    }
    handlers.onStatus?.('unavailable')
    await sleep(delay, signal)
    delay = Math.min(delay * 2, 30_000)
  }
}

async function readStream(
  api: ApiClient,
  handlers: EventStreamHandlers,
  signal: AbortSignal,
  onOpen: () => void,
): Promise<void> {
  const response = await api.send({
    method: 'GET',
    path: paths.events,
    accept: 'text/event-stream',
    signal,
  })
  if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
    throw new Error('not an event stream')
  }
  onOpen()
  const parser = createParser({
    onEvent(message) {
      if ((message.event ?? 'message') !== EVENT_MUTATION) return
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
