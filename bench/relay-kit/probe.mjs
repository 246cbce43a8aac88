// Preloaded into each relay process by the relay benches (`node --import …/probe.mjs`), never in
// production. It measures two things inside the relay and, on SIGUSR2, writes them as JSON to
// RELAY_PROBE_FILE and starts over:
// - the relay's event-loop delay (how late its callbacks ran: GC, long synchronous work);
// - its garbage-collection pauses (count, total, longest), to tell a GC pause from other stalls;
// - fan-out: Redis append → the event's frame handed to a client's socket. The stream id's
//   milliseconds are Redis's wall clock at XADD; each `res.write` whose chunk starts with an
//   `id:` line of a `mutation` event records now − that (one record per client and write; a
//   write carrying a batch of events counts once, for its oldest).
import { writeFileSync } from 'node:fs'
import { ServerResponse } from 'node:http'
import { createHistogram, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'

const file = process.env.RELAY_PROBE_FILE
if (file) {
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const fanout = createHistogram()
  let gc = { count: 0, total: 0, max: 0, over10: 0 }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count += 1
      gc.total += entry.duration
      gc.max = Math.max(gc.max, entry.duration)
      if (entry.duration > 10) gc.over10 += 1
    }
  }).observe({ entryTypes: ['gc'] })
  const write = ServerResponse.prototype.write
  ServerResponse.prototype.write = function probedWrite(chunk, ...rest) {
    const head =
      typeof chunk === 'string'
        ? chunk.slice(0, 64)
        : Buffer.isBuffer(chunk)
          ? chunk.toString('latin1', 0, 64)
          : ''
    if (head.startsWith('id:')) {
      const dash = head.indexOf('-')
      const line = head.indexOf('\n')
      if (dash > 3 && head.startsWith('event:mutation', line + 1)) {
        const appended = Number(head.slice(3, dash))
        const micros = Math.round((performance.timeOrigin + performance.now() - appended) * 1000)
        fanout.record(Math.max(1, micros))
      }
    }
    return write.call(this, chunk, ...rest)
  }
  process.on('SIGUSR2', () => {
    const stats = {
      loop: {
        p50: loop.percentile(50) / 1e6,
        p99: loop.percentile(99) / 1e6,
        max: loop.max / 1e6,
      },
      fanout: {
        count: fanout.count,
        p50: fanout.percentile(50) / 1000,
        p99: fanout.percentile(99) / 1000,
        max: fanout.max / 1000,
      },
    }
    stats.gc = gc
    writeFileSync(file, JSON.stringify(stats))
    gc = { count: 0, total: 0, max: 0, over10: 0 }
    loop.reset()
    fanout.reset()
  })
}
