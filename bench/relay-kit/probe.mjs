// Preloaded into each relay process by the relay benches (`node --import …/probe.mjs`), never in
// production. It measures two things inside the relay and, on SIGUSR2, writes them as JSON to
// RELAY_PROBE_FILE and starts over:
// - the relay's event-loop delay (how late its callbacks ran: GC, long synchronous work);
// - fan-out: Redis append → the event's frame handed to a client's socket. The stream id's
//   milliseconds are Redis's wall clock at XADD; each `res.write` whose chunk starts with an
//   `id:` line of a `mutation` event records now − that (one record per client and write; a
//   write carrying a batch of events counts once, for its oldest).
import { writeFileSync } from 'node:fs'
import { ServerResponse } from 'node:http'
import { createHistogram, monitorEventLoopDelay } from 'node:perf_hooks'

const file = process.env.RELAY_PROBE_FILE
if (file) {
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const fanout = createHistogram()
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
    writeFileSync(file, JSON.stringify(stats))
    loop.reset()
    fanout.reset()
  })
}
