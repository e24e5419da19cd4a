// TransactionHistory at 100 000 entries, measured in headless Chromium: time from the first
// ledger page to its rows on screen, the most row elements in the DOM while scrolling through
// 10 000 entries, frame times while scrolling, and the JS heap before and after.
// Run alone with `node bench/transactions.mjs`; the last line printed is the JSON result.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { createServer } from 'vite'
import { launchChromium, root } from './browser.mjs'

const PAGE_PATH = '/bench/transactions.html'
const SCROLL_ENTRIES = 10_000
/**
 * Pixels scrolled per frame: 400 px is 24 000 px/s at 60 fps, about 8 new rows every frame —
 * a fast, sustained scroll (a wheel flick is rarely faster), held for the whole run.
 */
const SCROLL_STEP = 400

export const GOALS = { maxRowElements: 60, p95FrameMs: 16.7 }

/** Serves the bench page's HTML from memory, so no extra file is needed next to it. */
function benchHtml() {
  const html = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>transactions bench</title></head>
  <body style="margin:0"><div id="root"></div><script type="module" src="/bench/transactions.bench-page.tsx"></script></body>
</html>`
  return {
    name: 'transactions-bench-html',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (req.url?.split('?')[0] !== PAGE_PATH) return next()
        res.setHeader('Content-Type', 'text/html')
        res.end(await server.transformIndexHtml(PAGE_PATH, html))
      })
    },
  }
}

async function startServer() {
  // Production React (no dev-only checks and stack capture per element), as hosts ship it.
  process.env.NODE_ENV = 'production'
  const server = await createServer({
    configFile: false,
    mode: 'production',
    root,
    logLevel: 'silent',
    cacheDir: 'node_modules/.vite-bench-production',
    plugins: [react(), benchHtml()],
    // No HMR: a file saved during a run must not reload the page being measured.
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: {
      include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime', '@tanstack/react-query', 'radix-ui'],
    },
  })
  await server.listen()
  const address = server.httpServer?.address()
  const port = typeof address === 'object' && address ? address.port : 5173
  return { server, url: `http://127.0.0.1:${port}` }
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null
}

const percentile = (values, p) => {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const round = (n, digits = 1) => (n == null ? null : Math.round(n * 10 ** digits) / 10 ** digits)
const mb = (bytes) => (bytes == null ? null : round(bytes / 1024 / 1024, 1))

/** Scrolls the list by a fixed step each frame until row `target` is in view; runs in the page. */
function scrollThrough({ target, step, selector = '[data-slot="transaction-viewport"]', frames = Infinity }) {
  const viewport = document.querySelector(selector)
  const deltas = []
  let maxRows = 0
  let last = performance.now()
  let lastIndex = 0
  const started = performance.now()
  return new Promise((resolve) => {
    function frame(now) {
      deltas.push(now - last)
      last = now
      const rows = viewport.querySelectorAll('[data-slot="transaction-row"]')
      maxRows = Math.max(maxRows, rows.length)
      for (const row of rows) lastIndex = Math.max(lastIndex, Number(row.getAttribute('aria-rowindex')) - 1)
      if (lastIndex >= target || deltas.length > frames || now - started > 120_000) {
        resolve({ deltas: deltas.slice(1), maxRows, lastIndex, ms: now - started })
        return
      }
      viewport.scrollTop += step
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
}

export async function runTransactionsBench() {
  const { server, url } = await startServer()
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    // Warm Vite's transform cache first, so the timed load measures the page, not the dev server.
    await page.goto(`${url}${PAGE_PATH}`)
    await page.waitForFunction(() => window.__bench?.marks.firstRowsPainted != null, null, { timeout: 60_000 })
    await page.reload()
    await page.waitForFunction(() => window.__bench?.marks.firstRowsPainted != null, null, { timeout: 60_000 })
    const marks = await page.evaluate(() => window.__bench.marks)
    const totalCount = await page.evaluate(
      () => Number(document.querySelector('[role="table"]').getAttribute('aria-rowcount')) - 1,
    )
    const heapBefore = await heapUsed(cdp)
    const calls = () => page.evaluate(() => window.__bench.memory.calls.listLedger)
    const callsBefore = await calls()

    const scroll = await page.evaluate(scrollThrough, { target: SCROLL_ENTRIES, step: SCROLL_STEP })
    const heapAfter = await heapUsed(cdp)
    const rowsLoaded = await page.evaluate(() =>
      window.__bench.queryClient
        .getQueryCache()
        .getAll()
        .flatMap((q) => q.state.data?.pages ?? [])
        .reduce((n, p) => n + p.entries.length, 0),
    )

    // The same loop over a plain scrolling box with no rows: the machine's own frame noise.
    const blank = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await blank.setContent(
      '<div id="plain" style="height:560px;overflow:auto"><div style="height:1000000px"></div></div>',
    )
    const baseline = await blank.evaluate(scrollThrough, {
      target: Infinity,
      step: SCROLL_STEP,
      selector: '#plain',
      frames: scroll.deltas.length,
    })

    const deltas = scroll.deltas
    return {
      ledgerSize: totalCount,
      seedMs: round(marks.seeded),
      dataToFirstRowsPaintedMs: round(marks.firstRowsPainted - marks.firstData),
      dataToFirstRowsInDomMs: round(marks.firstRowsInDom - marks.firstData),
      scrolledEntries: scroll.lastIndex,
      scrollMs: Math.round(scroll.ms),
      pagesFetchedWhileScrolling: (await calls()) - callsBefore,
      rowsLoaded,
      maxRowElements: scroll.maxRows,
      frames: deltas.length,
      frameMs: {
        p50: round(percentile(deltas, 50)),
        p95: round(percentile(deltas, 95)),
        p99: round(percentile(deltas, 99)),
        max: round(Math.max(...deltas)),
      },
      framesOver33ms: deltas.filter((d) => d > 33.4).length,
      framesOver16_7ms: deltas.filter((d) => d > 17.5).length,
      baselineFrameMs: { p50: round(percentile(baseline.deltas, 50)), p95: round(percentile(baseline.deltas, 95)) },
      heapMB: { before: mb(heapBefore), after: mb(heapAfter), growth: mb(heapAfter - heapBefore) },
      goals: {
        maxRowElements: { goal: GOALS.maxRowElements, met: scroll.maxRows <= GOALS.maxRowElements },
        // performance.now() is coarsened to 0.1 ms in the page, so compare at that resolution.
        p95FrameMs: { goal: GOALS.p95FrameMs, met: round(percentile(deltas, 95)) <= GOALS.p95FrameMs },
      },
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

function printTable(result) {
  const rows = [
    ['ledger entries', result.ledgerSize.toLocaleString('en')],
    ['seed the memory adapter', `${result.seedMs} ms`],
    [
      'first page → rows in the DOM / painted',
      `${result.dataToFirstRowsInDomMs} / ${result.dataToFirstRowsPaintedMs} ms`,
    ],
    [
      'entries scrolled through',
      `${result.scrolledEntries.toLocaleString('en')} in ${result.scrollMs} ms (${result.pagesFetchedWhileScrolling} pages fetched)`,
    ],
    ['most row elements in the DOM', `${result.maxRowElements} (goal ≤ ${GOALS.maxRowElements})`],
    [
      'frame time p50 / p95 / p99 / max',
      `${result.frameMs.p50} / ${result.frameMs.p95} / ${result.frameMs.p99} / ${result.frameMs.max} ms (goal p95 ≤ ${GOALS.p95FrameMs})`,
    ],
    [
      'frames longer than one vsync',
      `${result.framesOver16_7ms} of ${result.frames} (${result.framesOver33ms} over 33 ms)`,
    ],
    [
      'same loop, empty box p50 / p95',
      `${result.baselineFrameMs.p50} / ${result.baselineFrameMs.p95} ms (machine noise floor)`,
    ],
    ['JS heap before → after', `${result.heapMB.before} → ${result.heapMB.after} MB (+${result.heapMB.growth})`],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log('TransactionHistory benchmark (headless Chromium)')
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runTransactionsBench()
  printTable(result)
  console.log(JSON.stringify(result))
}
