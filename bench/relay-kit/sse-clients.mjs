// A worker thread of bench/relay-load.mjs holding a share of its SSE clients, so the receiving
// side is not one event loop that 20,000 events/s must pass through. Each client behaves like an
// EventSource behind a load balancer: eventsource-parser, and when its stream ends or fails it
// waits the server's `retry:` and opens the other instance with the `Last-Event-ID` it last saw.
// It reads with node:http (chunked decoding in C) rather than fetch's web streams.
//
// Messages in: {type:'open', clients:[{scope, home}]}, {type:'reset'}, {type:'progress', taken},
// {type:'report', taken}, {type:'close'}. Answers each with a message of the same type.
import { get as httpGet } from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { createParser } from 'eventsource-parser'

const { instances, cookie, regionIds, scopes, hub } = workerData
/** `relay`, or `nchan` (nginx + Nchan, BENCH_HUB): its stream path, and ids `<s>:<tag>`. */
const isNchan = hub === 'nchan'
/** Epoch ms at which callback i was posted (written by the sender thread). */
const sentAt = new Float64Array(workerData.sentAt)
const KEY_MARK = '"idempotencyKey":"bench'
const epochNow = () => performance.timeOrigin + performance.now()
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const loop = monitorEventLoopDelay({ resolution: 5 })
loop.enable()

/**
 * A stream id (the relay's `<ms>-<seq>`, Nchan's `<seconds>:<tag>`; both parts fit a double
 * here) as its two numbers. Parsed once per event and kept as the client's last position:
 * splitting both ids on every comparison was a tenth of a reading thread's CPU, which this
 * bench's relays then shared their cores with.
 */
const ID_SEPARATOR = isNchan ? ':' : '-'
function positionOf(id) {
  const dash = id.indexOf(ID_SEPARATOR)
  return { ms: Number(id.slice(0, dash)), seq: Number(id.slice(dash + 1)) }
}

/**
 * Per delivery, by the instance the client was reading from: callback posted → parsed here, and
 * Redis append (stream id) → parsed here.
 */
const perInstance = () => instances.map(() => [])
let total = perInstance()
let fromAppend = perInstance()
const clients = []

function openClient(scope, home) {
  const client = { scope, received: [], outOfOrder: 0, opened: 0, lastId: null, closed: false }
  /** `lastId` as numbers, for the order check (null until the first id). */
  let last = null
  let reading = home
  let retry = 1000
  let turn = home
  let request = null
  client.close = () => {
    client.closed = true
    request?.destroy()
  }
  const parser = createParser({
    onEvent(message) {
      if (message.event !== 'mutation') {
        if (message.id) {
          client.lastId = message.id // `ready` / `resync`: the resume point
          last = positionOf(message.id)
        }
        return
      }
      const at = epochNow()
      const position = positionOf(message.id)
      if (
        last !== null &&
        !(position.ms > last.ms || (position.ms === last.ms && position.seq > last.seq))
      )
        client.outOfOrder += 1
      client.lastId = message.id
      last = position
      // The key is `bench<i>`; found by position rather than by parsing the whole JSON.
      const start = message.data.indexOf(KEY_MARK) + KEY_MARK.length
      const index = Number(message.data.slice(start, message.data.indexOf('"', start)))
      client.received.push(index)
      total[reading].push(at - sentAt[index])
      // Nchan's ids carry whole seconds: no append → client leg there.
      if (!isNchan) fromAppend[reading].push(at - position.ms)
    },
    onRetry(ms) {
      retry = ms
    },
  })
  const connectOnce = () =>
    new Promise((resolve) => {
      const at = turn % instances.length
      const url = instances[at]
      turn += 1
      const headers = isNchan
        ? { accept: 'text/event-stream' }
        : { accept: 'text/event-stream', cookie, 'x-relay-region': regionIds[scope] }
      if (client.lastId !== null) headers['last-event-id'] = client.lastId
      parser.reset()
      const path = isNchan ? `/sub/${regionIds[scope]}` : '/api/v2/events'
      request = httpGet(`${url}${path}`, { headers, agent: false }, (response) => {
        response.on('error', resolve)
        response.on('close', resolve)
        if (response.statusCode !== 200) {
          response.resume()
          return
        }
        client.opened += 1
        reading = at
        response.setEncoding('utf8')
        response.on('data', (text) => parser.feed(text))
      })
      request.on('error', resolve)
    })
  void (async () => {
    while (!client.closed) {
      await connectOnce()
      if (client.closed) return
      await sleep(retry)
    }
  })()
  return client
}

/** Callback indices of `scope` that were taken (posted and answered 204/409). */
function expectedOf(scope, taken) {
  const keys = []
  for (let i = scope; i < taken.length; i += scopes) if (taken[i]) keys.push(i)
  return keys
}

parentPort.on('message', async (message) => {
  if (message.type === 'open') {
    const opened = []
    for (const [k, spec] of message.clients.entries()) {
      opened.push(openClient(spec.scope, spec.home))
      if (k % 50 === 49) await sleep(20) // a ramp, not a thundering herd
    }
    while (opened.some((client) => client.opened === 0)) await sleep(50)
    clients.push(...opened)
    parentPort.postMessage({ type: 'open' })
  } else if (message.type === 'reset') {
    total = perInstance()
    fromAppend = perInstance()
    for (const client of clients) {
      client.received = []
      client.outOfOrder = 0
    }
    loop.reset()
    parentPort.postMessage({ type: 'reset' })
  } else if (message.type === 'progress') {
    const expected = Array.from({ length: scopes }, (_, s) => expectedOf(s, message.taken).length)
    const complete = clients.every((c) => new Set(c.received).size >= expected[c.scope])
    parentPort.postMessage({ type: 'progress', complete })
  } else if (message.type === 'report') {
    const expected = Array.from({ length: scopes }, (_, s) => expectedOf(s, message.taken))
    let lost = 0
    let doubled = 0
    let outOfOrder = 0
    for (const client of clients) {
      const seen = new Set(client.received)
      doubled += client.received.length - seen.size
      for (const index of expected[client.scope]) if (!seen.has(index)) lost += 1
      outOfOrder += client.outOfOrder
    }
    const totalOut = total.map((values) => Float64Array.from(values))
    const appendOut = fromAppend.map((values) => Float64Array.from(values))
    parentPort.postMessage(
      {
        type: 'report',
        lost,
        doubled,
        outOfOrder,
        expected: clients.reduce((sum, c) => sum + expected[c.scope].length, 0),
        reopened: clients.filter((c) => c.opened > 1).length,
        total: totalOut,
        fromAppend: appendOut,
        loop: {
          p50: loop.percentile(50) / 1e6,
          p99: loop.percentile(99) / 1e6,
          max: loop.max / 1e6,
        },
      },
      [...totalOut, ...appendOut].map((values) => values.buffer),
    )
  } else if (message.type === 'close') {
    for (const client of clients.splice(0)) client.close()
    parentPort.postMessage({ type: 'close' })
  }
})
