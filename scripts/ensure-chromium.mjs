// Makes sure Debian's Chromium is there for the browser tests; Playwright's own browser
// download cannot work on machines without internet (see docs/development.md).
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = existsSync('/usr/bin/apt-get')
if (!process.env.CHROMIUM_PATH && isRoot && hasApt) {
  console.log("Chromium not found: installing Debian's chromium package with apt-get…")
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  })
  if (existsSync(path)) process.exit(0)
}
console.error(
  `No Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
    'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again.',
)
process.exit(1)
