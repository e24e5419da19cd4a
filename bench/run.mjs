// `npm run bench`: every speed and size figure, printed as one table and written to bench/results.json.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runPanelBench } from './panel.mjs'
import { measureSizes, sizeFigures } from './size.mjs'
import { runTransactionsBench } from './transactions.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

const sizes = await measureSizes()
const panel = await runPanelBench()
const transactions = await runTransactionsBench()
// The wallet chart's summary over a 100 000-entry ledger, on both shipped stores.
const spend = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'server', 'spend.ts')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .at(-1),
)

const { styles, ...components } = sizes
const budgeted = sizeFigures(sizes)
const LABELS = { initialGzip: 'up front', totalGzip: 'in all', cssGzip: 'styles.css gzipped' }
const rows = [
  ...Object.entries(components).map(([name, s]) => ({
    figure: `gzip JS beyond React: ${name}`,
    value: `${kb(s.initialGzip)} up front + ${kb(s.lazyGzip)} on use = ${kb(s.totalGzip)}`,
    goal: '',
  })),
  ...budgeted.map((f) => ({
    figure: `${f.target} ${LABELS[f.figure]}: before → now`,
    value: `${kb(f.before)} → ${kb(f.value)}`,
    goal: `≤ ${kb(f.goal)} (budget ${kb(f.budget)})`,
  })),
  { figure: 'Stripe requests before a card form opens', value: String(panel.stripe.requestsBeforeCardForm), goal: '0' },
  { figure: 'Stripe scripts before a card form opens', value: String(panel.stripe.scriptsBeforeCardForm), goal: '0' },
  {
    figure: 'adapter calls on mount (Payments open)',
    value: Object.entries(panel.mount.calls)
      .filter(([, n]) => n > 0)
      .map(([method, n]) => `${method} ×${n}`)
      .join(', '),
    goal: 'one per resource shown',
  },
  {
    figure: 'adapter calls switching sections 6× within stale time',
    value: String(panel.switchingSections.total),
    goal: '0',
  },
  { figure: 'reads refetched after a top-up', value: panel.afterTopUp.reads.join(', '), goal: 'getWallet, listLedger' },
]
const LEDGER_GOALS = { maxRowElements: '≤ 60', 'frameMs.p95': '≤ 16.7' }
for (const [key, value] of Object.entries(transactions ?? {})) {
  if (key === 'goals') continue
  const flat =
    typeof value === 'object' && value !== null
      ? Object.entries(value).map(([k, v]) => [`${key}.${k}`, v])
      : [[key, value]]
  for (const [name, v] of flat) {
    if (typeof v === 'number' || typeof v === 'string')
      rows.push({ figure: `ledger @100k: ${name}`, value: String(v), goal: LEDGER_GOALS[name] ?? '' })
  }
}
for (const [store, f] of Object.entries(spend)) {
  for (const view of ['day', 'month']) {
    rows.push({
      figure: `spend summary @100k, ${store}, ${view === 'day' ? '30 days by day' : '12 months by month'}`,
      value: `${f[view].median.toFixed(1)} ms median, ${f[view].max.toFixed(1)} ms slowest`,
      goal: store === 'sqlite' ? '≤ 50 ms' : '',
    })
  }
}
console.table(rows)
writeFileSync(path.join(here, 'results.json'), `${JSON.stringify({ sizes, panel, transactions, spend }, null, 2)}\n`)
console.log(`Wrote ${path.join('bench', 'results.json')}`)
