import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** Opens the demo with a fresh state: no latency, no faults, the given locale. */
export async function openDemo(browser: Browser, baseUrl: string, params: Record<string, string>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const query = new URLSearchParams({ reset: '1', latency: '0', ...params })
  await page.goto(`${baseUrl}/?${query}`)
  return { page, context, errors }
}

/** axe-core violations inside the billing panel (the host page around it is not ours). */
export async function axeViolations(page: Page, selector = '.bp-billing-panel') {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> }
      }
    ).axe
    const include = [...document.querySelectorAll(`${sel}, .bp-portal`)].map((el) => {
      el.setAttribute('data-axe-scope', '')
      return '[data-axe-scope]'
    })
    const result = await axe.run(include.length ? { include: [['[data-axe-scope]']] } : document)
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, selector)
}
