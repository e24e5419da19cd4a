// Host-app installs: does the published package work in a customer's app?
//
// Packs the library (`npm pack`), installs the tarball into throwaway host apps — two Vite apps,
// one on React 18.3 and one on React 19, and a Next.js 16 App Router app whose server-component
// page hands the Spanish catalog to the client panel — each with the peer versions a host would
// have, builds them for production (`vite build`; `next build` + `next start`), serves each on
// 127.0.0.1 and drives it in Chromium: the Spanish panel renders with its stylesheet, without a
// hydration warning or a console error, and a wallet top-up moves the balance by exactly the
// amount chosen.
//
//   node tests/host/run.mjs [--no-build] [--only react18|react19|next16]
//
// Exits 1 on the first failure, naming the host and the step. Work files: tests/host/.work.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const work = path.join(here, '.work')
const TEMPLATES = { vite: path.join(here, 'app'), next: path.join(here, 'next') }
const NEXT_VERSION = '^16.5.0'
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const dev = pkg.devDependencies

const args = process.argv.slice(2)
const skipBuild = args.includes('--no-build')
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null

const MINUTE = 60_000
const TIMEOUTS = {
  build: 5 * MINUTE,
  pack: MINUTE,
  install: 10 * MINUTE,
  viteBuild: 5 * MINUTE,
  nextBuild: 8 * MINUTE,
  nextStart: MINUTE,
  browser: 2 * MINUTE,
}

const HOSTS = [
  { name: 'react18', kind: 'vite', react: '^18.3.1', expectMajor: '18' },
  { name: 'react19', kind: 'vite', react: dev.react, expectMajor: '19' },
  { name: 'next16', kind: 'next', react: dev.react, expectMajor: '19' },
].filter((host) => only === null || host.name === only)

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]

const timings = []

class StepError extends Error {}

async function step(label, timeoutMs, fn) {
  const started = performance.now()
  process.stdout.write(`[host] ${label} …\n`)
  let timer
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new StepError(`timed out after ${timeoutMs / 1000} s`)), timeoutMs)
    })
    return await Promise.race([fn(), timeout])
  } catch (error) {
    throw new StepError(`${label}: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    clearTimeout(timer)
    const seconds = (performance.now() - started) / 1000
    timings.push({ step: label, seconds: Number(seconds.toFixed(1)) })
    process.stdout.write(`[host] ${label} ${seconds.toFixed(1)} s\n`)
  }
}

/** Runs a command; its own process group, so a timeout ends the command and its children. */
function run(command, commandArgs, { cwd, timeoutMs, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    const collect = (chunk) => {
      output += chunk
      if (output.length > 200_000) output = output.slice(-100_000)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
      reject(
        new Error(`\`${command} ${commandArgs.join(' ')}\` timed out after ${timeoutMs / 1000} s\n${tail(output)}`),
      )
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`\`${command} ${commandArgs.join(' ')}\` exited with ${code}\n${tail(output)}`))
    })
  })
}

function tail(text, lines = 40) {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

/** A static server for the host's production build, on a free port of 127.0.0.1. */
function serve(dir) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    let file = path.join(dir, decodeURIComponent(url.pathname))
    if (!file.startsWith(dir) || !existsSync(file) || url.pathname.endsWith('/')) file = path.join(dir, 'index.html')
    try {
      const body = readFileSync(file)
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) })
    })
  })
}

/** "1.234,56 US$" or "$1,234.56" → 123456: every amount on screen has two decimals (USD). */
function minorUnits(text) {
  const digits = text.replace(/\D/g, '')
  if (digits === '') throw new Error(`"${text}" shows no amount`)
  return Number(digits)
}

function expect(condition, message) {
  if (!condition) throw new Error(message)
}

async function packLibrary() {
  mkdirSync(work, { recursive: true })
  for (const name of readdirSync(work)) if (name.endsWith('.tgz')) rmSync(path.join(work, name))
  const output = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: root,
    timeoutMs: TIMEOUTS.pack,
  })
  const [packed] = JSON.parse(output.slice(output.indexOf('[')))
  return packed.filename
}

function writeHostApp(host, tarball) {
  const dir = path.join(work, host.name)
  rmSync(dir, { recursive: true, force: true })
  cpSync(TEMPLATES[host.kind], dir, { recursive: true })
  const hostPackage = {
    name: `billing-host-${host.name}`,
    private: true,
    type: 'module',
    dependencies: {
      'react-billing-panel': `file:../${tarball}`,
      react: host.react,
      'react-dom': host.react,
      '@tanstack/react-query': dev['@tanstack/react-query'],
      '@stripe/react-stripe-js': dev['@stripe/react-stripe-js'],
      '@stripe/stripe-js': dev['@stripe/stripe-js'],
      ...(host.kind === 'next' ? { next: NEXT_VERSION } : {}),
    },
    devDependencies:
      host.kind === 'vite' ? { vite: dev.vite, '@vitejs/plugin-react': dev['@vitejs/plugin-react'] } : {},
  }
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(hostPackage, null, 2)}\n`)
  return dir
}

/** What a user does: open the page, see the panel in Spanish, add funds, see the new balance. */
async function drive(browser, host, url) {
  const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const errors = []
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`)
    else if (/hydrat/i.test(message.text())) errors.push(`console.${message.type()}: ${message.text()}`)
  })
  try {
    await page.goto(url)
    const payments = page.getByRole('tab', { name: 'Pagos', exact: true })
    await payments.waitFor()
    expect((await payments.getAttribute('aria-selected')) === 'true', 'the "Pagos" tab is not the open section')

    const reactVersion = await page.evaluate(() => window.__hostReactVersion)
    expect(
      String(reactVersion).startsWith(`${host.expectMajor}.`),
      `the page runs React ${reactVersion}, not the host's React ${host.expectMajor}`,
    )
    const primary = await page
      .locator('.bp-root')
      .first()
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--bp-color-primary').trim())
    expect(primary !== '', 'react-billing-panel/styles.css is not applied: .bp-root has no --bp-color-primary')

    await page.getByRole('tab', { name: 'Cartera y Transacciones', exact: true }).click()
    const balance = page.getByText('Saldo Actual', { exact: true }).locator('xpath=following-sibling::dd[1]')
    await balance.waitFor()
    const before = minorUnits((await balance.textContent()) ?? '')

    await page.getByRole('button', { name: 'Agregar Fondos', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Agregar Fondos' })
    await dialog.waitFor()
    const preset = dialog.getByRole('radiogroup', { name: 'Montos sugeridos' }).getByRole('radio').first()
    await preset.click()
    expect(await preset.isChecked(), 'the first suggested amount did not get selected')
    // The tile's text: the radio itself is a native input under it.
    const amount = minorUnits(
      (await preset.evaluate((el) => el.closest('[data-slot="radio-card"]')?.textContent)) ?? '',
    )
    await dialog.getByRole('button', { name: /^Pagar\b/ }).click()
    await dialog.waitFor({ state: 'hidden' })

    const expected = before + amount
    await page.waitForFunction(
      ([text, value]) => {
        const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === text)
        return Number(term?.nextElementSibling?.textContent?.replace(/\D/g, '')) === value
      },
      ['Saldo Actual', expected],
    )
    const after = minorUnits((await balance.textContent()) ?? '')
    expect(after === expected, `the balance went from ${before} to ${after}, expected ${expected} (+${amount})`)
    expect(errors.length === 0, `the page reported errors:\n  ${errors.join('\n  ')}`)
    return { reactVersion, before, amount, after }
  } catch (error) {
    const shot = path.join(work, `${host.name}-failure.png`)
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {})
    const detail = errors.length > 0 ? `\n  page errors:\n  ${errors.join('\n  ')}` : ''
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}${detail}\n  screenshot: ${path.relative(root, shot)}`,
    )
  } finally {
    await context.close()
  }
}

/** The host's CSS files hold the panel's stylesheet. */
function expectPanelCss(dir) {
  const css = readdirSync(dir, { recursive: true })
    .filter((name) => String(name).endsWith('.css'))
    .map((name) => readFileSync(path.join(dir, String(name)), 'utf8'))
  expect(
    css.some((text) => text.includes('.bp-root')),
    'the host build has no react-billing-panel CSS',
  )
}

async function buildAndServeVite(host, dir) {
  await step(`${host.name}: vite build`, TIMEOUTS.viteBuild, async () => {
    await run(process.execPath, [path.join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
      cwd: dir,
      timeoutMs: TIMEOUTS.viteBuild,
    })
    expectPanelCss(path.join(dir, 'dist', 'assets'))
  })
  return serve(path.join(dir, 'dist'))
}

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/** `next build`, then `next start` on a free port; resolves once it serves the page with the panel in it. */
async function buildAndStartNext(host, dir) {
  const next = path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next')
  const env = { NEXT_TELEMETRY_DISABLED: '1' }
  await step(`${host.name}: next build`, TIMEOUTS.nextBuild, async () => {
    await run(process.execPath, [next, 'build'], { cwd: dir, timeoutMs: TIMEOUTS.nextBuild, env })
    expectPanelCss(path.join(dir, '.next', 'static'))
  })
  const port = await freePort()
  const child = spawn(process.execPath, [next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  const url = `http://127.0.0.1:${port}/`
  try {
    await step(`${host.name}: next start, server HTML has the panel`, TIMEOUTS.nextStart, async () => {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}\n${tail(output)}`)
        const response = await fetch(url).catch(() => null)
        if (response?.ok) {
          const html = await response.text()
          // The server component rendered the client panel into the HTML, in Spanish.
          expect(html.includes('Facturación') && html.includes('role="tablist"'), 'the server HTML has no panel')
          return
        }
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    })
  } catch (error) {
    stop()
    throw error
  }
  return { url, close: async () => stop() }
}

async function main() {
  const started = performance.now()
  if (!skipBuild) {
    await step('library: npm run build', TIMEOUTS.build, () =>
      run('npm', ['run', 'build'], { cwd: root, timeoutMs: TIMEOUTS.build }),
    )
  } else if (!existsSync(path.join(root, 'dist', 'index.js'))) {
    throw new StepError('--no-build given, but dist/index.js is missing: run `npm run build` first.')
  }
  const tarball = await step('library: npm pack', TIMEOUTS.pack, packLibrary)

  const browser = await step('chromium: launch', TIMEOUTS.browser, () =>
    chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  )
  const results = []
  try {
    for (const host of HOSTS) {
      const dir = writeHostApp(host, tarball)
      await step(`${host.name}: npm install`, TIMEOUTS.install, () =>
        run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
          cwd: dir,
          timeoutMs: TIMEOUTS.install,
        }),
      )
      const server = host.kind === 'next' ? await buildAndStartNext(host, dir) : await buildAndServeVite(host, dir)
      try {
        const result = await step(`${host.name}: panel renders, top-up moves the balance`, TIMEOUTS.browser, () =>
          drive(browser, host, server.url),
        )
        results.push({
          host: host.name,
          react: result.reactVersion,
          'balance before': result.before,
          'top-up': result.amount,
          'balance after': result.after,
        })
      } finally {
        await server.close()
      }
    }
  } finally {
    await browser.close()
  }
  console.table(results)
  console.table(timings)
  console.log(
    `[host] ok: ${results.map((r) => `${r.host} (React ${r.react})`).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}

main().catch((error) => {
  if (timings.length > 0) console.table(timings)
  console.error(`\n[host] FAILED: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
