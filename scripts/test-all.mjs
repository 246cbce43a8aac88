// The one test command: lint + format + unused code, types, unit and component tests, real-browser e2e.
// Ends with a plain `N passed, N failed` line (CI reads it); exits non-zero when anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const reports = '.reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

let passed = 0
let failed = 0
const lines = []

function run(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  lines.push(
    `${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`} in ${seconds}s`,
  )
  return result.status === 0
}

function readJson(file) {
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

// Checks that are not tests count as one each, so a lint or type failure shows in the total.
for (const [name, args] of [
  ['eslint', ['eslint', '.', '--max-warnings', '0']],
  ['prettier', ['prettier', '--check', '.']],
  ['knip', ['knip', '--no-progress']],
  ['typecheck', ['tsc', '--noEmit', '-p', '.']],
]) {
  if (run(name, 'npx', args)) passed += 1
  else failed += 1
}

const unitOk = run('unit+component', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reports}/vitest.json`,
])
const vitest = readJson(`${reports}/vitest.json`)
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
}
if (!unitOk && (!vitest || vitest.numFailedTests === 0)) failed += 1

const e2eOk =
  run('chromium', 'node', ['scripts/ensure-chromium.mjs']) &&
  run('e2e', 'npx', ['playwright', 'test'])
const pw = readJson(`${reports}/playwright.json`)
if (pw) {
  passed += pw.stats.expected + (pw.stats.flaky ?? 0)
  failed += pw.stats.unexpected
}
if (!e2eOk && (!pw || pw.stats.unexpected === 0)) failed += 1

console.log(`\n${lines.join('\n')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
