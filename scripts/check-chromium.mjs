// Browser tests and story tests run in Debian's Chromium. Fail loudly when it is missing,
// never skip them.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(path)) {
  console.error(
    `\n✖ Chromium not found at ${path}.\n  Browser and story tests need it. Install it with:\n    sudo apt-get install -y chromium\n  or point CHROMIUM_PATH at a Chromium binary.\n`,
  )
  process.exit(1)
}
try {
  const version = execFileSync(path, ['--version', '--no-sandbox'], { encoding: 'utf8', timeout: 20_000 }).trim()
  console.log(`Chromium OK: ${version}`)
} catch (error) {
  console.error(`\n✖ Chromium at ${path} does not start: ${error.message}\n`)
  process.exit(1)
}
