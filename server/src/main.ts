import { buildRelay } from './app.js'
import { ConfigError, loadConfig } from './config.js'

/** A stop that takes longer than this ends the process anyway (the load balancer's patience). */
const STOP_LIMIT_MS = 10_000

/** `npm run relay`: reads the settings from the environment, listens, stops on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`relay: ${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const relay = await buildRelay(config)
  const stop = (signal: NodeJS.Signals) => {
    relay.app.log.info({ signal }, 'stopping: streams told to reconnect elsewhere')
    setTimeout(() => {
      relay.app.log.error('stop took longer than 10 s; exiting anyway')
      process.exit(1)
    }, STOP_LIMIT_MS).unref()
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  await relay.app.listen({ host: config.host, port: config.port })
}

await main()
