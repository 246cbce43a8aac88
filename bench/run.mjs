// `npm run bench`: builds once, then runs every bench/*.mjs module (except this one and the
// shared lib) in turn, each in its own Node process so one cannot skew the next.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { build } from './lib.mjs'

const benches = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.mjs') && file !== 'run.mjs' && file !== 'lib.mjs')
  .sort()

build()
let failed = 0
for (const file of benches) {
  console.log(`\n=== bench/${file}`)
  const result = spawnSync('node', [`bench/${file}`], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_BUILT: '1' },
  })
  if (result.status !== 0) failed += 1
}
process.exit(failed === 0 ? 0 : 1)
