// @vitest-environment node
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import type { MutationOutcome } from '@/api/contract'
import {
  listenToMutationEvents,
  subscribeToMutationEvents,
  type EventStreamStatus,
} from '@/api/events'
import { testApiClient } from '@/mutations/journal.test-helpers'
import { setupMockBackend } from '@/test/mock-backend'

const ORIGIN = 'http://relay.test'
const { server } = setupMockBackend({ isStubOnly: true })

const outcome = (idempotencyKey: string): MutationOutcome => ({
  idempotencyKey,
  status: 'succeeded',
  operation: 'create',
  resource: 'interaction',
  candidateId: 'recCandidate',
  recordIds: ['recNew'],
  completedAt: '2026-12-06T08:00:00.000Z',
})

type Connection = { lastEventId: string | null; push: (frame: string) => void; end: () => void }

/** A relay-like `/events`: each connection is handed to the test, which writes its frames. */
function serveEvents(): { connections: Connection[]; next: () => Promise<Connection> } {
  const connections: Connection[] = []
  const waiters: ((connection: Connection) => void)[] = []
  server.use(
    http.get(`${ORIGIN}/api/v2/events`, ({ request }) => {
      const encoder = new TextEncoder()
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const connection: Connection = {
            lastEventId: request.headers.get('last-event-id'),
            push: (frame) => {
              controller.enqueue(encoder.encode(frame))
            },
            end: () => {
              controller.close()
            },
          }
          connections.push(connection)
          waiters.shift()?.(connection)
        },
      })
      return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream' } })
    }),
  )
  return {
    connections,
    /** The next connection to open (ask before causing it). */
    next: () =>
      new Promise((resolve) => {
        waiters.push(resolve)
      }),
  }
}

/** A promise the test resolves when something it waits for has happened. */
function signal() {
  let resolve: () => void = () => undefined
  const promise = new Promise<undefined>((done) => {
    resolve = () => {
      done(undefined)
    }
  })
  return { promise, resolve }
}

test('a reconnect sends the last event id it saw, as EventSource does, and a resync is reported', async () => {
  const events = serveEvents()
  const api = testApiClient(ORIGIN)
  const controller = new AbortController()
  const received: string[] = []
  const resynced = signal()
  const firstConnection = events.next()
  void listenToMutationEvents(
    api,
    {
      onOutcome: (o) => received.push(o.idempotencyKey),
      onResync: () => {
        resynced.resolve()
      },
    },
    controller.signal,
  )

  const first = await firstConnection
  expect(first.lastEventId).toBeNull()
  const secondConnection = events.next()
  first.push(`id:1700000000000-0\nevent:mutation\ndata:${JSON.stringify(outcome('k1'))}\n\n`)
  first.push(`id:1700000000000-1\nevent:mutation\ndata:${JSON.stringify(outcome('k2'))}\n\n`)
  first.end() // the connection drops (a relay restart, a proxy timeout)

  const second = await secondConnection
  expect(received).toEqual(['k1', 'k2'])
  expect(second.lastEventId).toBe('1700000000000-1')
  second.push('event:resync\ndata:{}\n\n')
  await resynced.promise
  controller.abort()
})

test('two listeners of one scope share one stream; it closes with the last one', async () => {
  const events = serveEvents()
  const api = testApiClient(ORIGIN)
  const firstConnection = events.next()
  const a: string[] = []
  const b: string[] = []
  const statuses: EventStreamStatus[] = []
  const bHeard = signal()
  const stopA = subscribeToMutationEvents(api, {
    onOutcome: (o) => a.push(o.idempotencyKey),
  })
  const stopB = subscribeToMutationEvents(api, {
    onOutcome: (o) => {
      b.push(o.idempotencyKey)
      bHeard.resolve()
    },
    onStatus: (status) => statuses.push(status),
  })
  const connection = await firstConnection
  connection.push(`event:mutation\ndata:${JSON.stringify(outcome('k1'))}\n\n`)
  await bHeard.promise

  expect(a).toEqual(['k1'])
  expect(b).toEqual(['k1'])
  expect(events.connections).toHaveLength(1)
  expect(statuses).toContain('open')

  stopA()
  stopB()
  // A new subscriber after the last one left opens a new stream.
  const reopened = events.next()
  const stopC = subscribeToMutationEvents(api, { onOutcome: () => undefined })
  await reopened
  expect(events.connections).toHaveLength(2)
  stopC()
})

test("a relay handing its streams on is followed: the server's `retry:` is the next wait", async () => {
  const events = serveEvents()
  const api = testApiClient(ORIGIN)
  const controller = new AbortController()
  const waits = vi.spyOn(globalThis, 'setTimeout')
  const firstConnection = events.next()
  void listenToMutationEvents(api, { onOutcome: () => undefined }, controller.signal)

  const first = await firstConnection
  const secondConnection = events.next()
  first.push('retry:700\n\n')
  first.end() // as a stopping relay does (decision 0073), after its spread-out hint

  await secondConnection
  // The stream's own backoff would have waited 1 s (its first step) after an open stream.
  expect(waits.mock.calls.map(([, ms]) => ms)).toContain(700)
  expect(waits.mock.calls.map(([, ms]) => ms)).not.toContain(1000)
  waits.mockRestore()
  controller.abort()
})
