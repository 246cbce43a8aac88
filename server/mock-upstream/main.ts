import { startMockUpstream } from './server.js'

/**
 * `npm run mock-upstream`: the mock backend over HTTP. MOCK_UPSTREAM_PORT (default 4710),
 * MOCK_UPSTREAM_HOST (default 127.0.0.1), MOCK_LATENCY_MS (engine latency, default 800).
 */
const port = Number(process.env.MOCK_UPSTREAM_PORT ?? 4710)
const latencyMs = Number(process.env.MOCK_LATENCY_MS ?? 800)
const upstream = await startMockUpstream({
  host: process.env.MOCK_UPSTREAM_HOST ?? '127.0.0.1',
  port,
  latencyMs,
  log: (line) => {
    process.stdout.write(`[mock-upstream] ${line}\n`)
  },
})
process.stdout.write(`[mock-upstream] listening on ${upstream.url}\n`)
const stop = () => {
  void upstream.close().then(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
