import { API_PREFIX, HEADER_API_KEY, HEADER_SANDBOX } from '@/api/contract'
import { BASE, UTRECHT_KEY } from '@/mocks/calls.test-helpers'

export type SseEvent = { event: string; data: string }

/** Opens `/events` the way the client does (fetch, `accept: text/event-stream`, key header). */
export async function openEvents(options: { key?: string | null; sandbox?: boolean } = {}) {
  const controller = new AbortController()
  const headers = new Headers({ accept: 'text/event-stream' })
  const key = options.key === undefined ? UTRECHT_KEY : options.key
  if (key !== null) headers.set(HEADER_API_KEY, key)
  if (options.sandbox) headers.set(HEADER_SANDBOX, 'true')
  const response = await fetch(`${BASE}${API_PREFIX.production}/events`, {
    headers,
    signal: controller.signal,
  })
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  let pending: Promise<ReadableStreamReadResult<string>> | null = null

  /** The next event, or null when none arrives within `timeoutMs` or the stream ends. */
  async function next(timeoutMs = 200): Promise<SseEvent | null> {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        return parseFrame(frame)
      }
      if (!reader) return null
      let timer: ReturnType<typeof setTimeout> | undefined
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => {
          resolve(null)
        }, timeoutMs)
      })
      // A read that lost the race stays pending and is reused, so no chunk is dropped.
      pending ??= reader.read()
      const chunk = await Promise.race([pending, timeout])
      clearTimeout(timer)
      if (chunk === null) return null
      pending = null
      if (chunk.done) return null
      buffer += chunk.value
    }
  }

  return {
    response,
    next,
    close: () => {
      controller.abort()
    },
  }
}

function parseFrame(frame: string): SseEvent {
  let event = 'message'
  const data: string[] = []
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim()
    if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
  }
  return { event, data: data.join('\n') }
}
