// Gzipped JS a host's production Vite build ships for each public component, beyond react and
// react-dom. Each target is built alone from the package source (tree-shaken as a host would),
// with react and react-dom external.
//
// "initial" is what the browser must fetch before the component shows its default view with no
// dialog open: the entry chunk and every chunk it imports statically, plus the chunks that hold
// the modules of that view (for BillingPanel, the Payments section: PaymentMethods and
// BillingProfileCard) and everything those import statically. Code split into a chunk that
// the view still needs at once is initial, not lazy. "lazy" is every other chunk (other
// sections, dialogs, edit forms, Stripe Elements), fetched on use or when the browser idles.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = path.join(root, '.tmp', 'bench-size')

export const SIZE_TARGETS = [
  'BillingPanel',
  'WalletCard',
  'PaymentMethods',
  'SubscriptionsPanel',
  'BillingProfileCard',
  'TransactionHistory',
]

/** The source modules each target's default view renders, relative to the repository. */
export const VIEW_MODULES = {
  BillingPanel: [
    'src/components/BillingPanel/BillingPanel.tsx',
    'src/components/PaymentMethods/PaymentMethods.tsx',
    'src/components/BillingProfileCard/BillingProfileCard.tsx',
  ],
  // Their data is checked by sanitizeActivity.ts, which loads with the first result that needs it.
  WalletCard: ['src/components/WalletCard/WalletCard.tsx', 'src/adapter/sanitizeActivity.ts'],
  PaymentMethods: ['src/components/PaymentMethods/PaymentMethods.tsx'],
  SubscriptionsPanel: ['src/components/SubscriptionsPanel/SubscriptionsPanel.tsx', 'src/adapter/sanitizeActivity.ts'],
  BillingProfileCard: ['src/components/BillingProfileCard/BillingProfileCard.tsx'],
  TransactionHistory: ['src/components/TransactionHistory/TransactionHistory.tsx', 'src/adapter/sanitizeActivity.ts'],
}

function entrySource(component) {
  return `import { createRoot } from 'react-dom/client'
import { BillingProvider, ${component} } from '../../src/index'
const adapter = window.__billingAdapter
createRoot(document.getElementById('root')).render(
  <BillingProvider adapter={adapter} stripePublishableKey="pk_test_bench"><${component} /></BillingProvider>,
)
`
}

const EXTERNAL = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'scheduler']

const gzipSize = (source) => gzipSync(Buffer.from(source), { level: 9 }).length
const normalise = (id) => id.split('?')[0].split(path.sep).join('/')

/** Builds one target and sorts its chunks into initial and lazy. */
async function measure(component) {
  const entry = path.join(work, `${component}.tsx`)
  writeFileSync(entry, entrySource(component))
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [react()],
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      rollupOptions: { input: entry, external: (id) => EXTERNAL.some((e) => id === e || id.startsWith(`${e}/`)) },
    },
  })
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output)
  const chunks = outputs.filter((o) => o.type === 'chunk')
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const initial = new Set()
  const visit = (name) => {
    if (initial.has(name) || !byName.has(name)) return
    initial.add(name)
    for (const dep of byName.get(name).imports) visit(dep)
  }
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName)

  const viewModules = VIEW_MODULES[component].map((file) => normalise(path.join(root, file)))
  for (const module of viewModules) {
    const holder = chunks.find((c) => (c.moduleIds ?? Object.keys(c.modules)).some((id) => normalise(id) === module))
    // A view module missing from every chunk means the bench no longer measures what it says.
    if (!holder) throw new Error(`size: ${path.relative(root, module)} is in no chunk of the ${component} build.`)
    visit(holder.fileName)
  }

  const sizes = { initialGzip: 0, lazyGzip: 0 }
  const files = []
  for (const chunk of chunks) {
    const gz = gzipSize(chunk.code)
    const kind = initial.has(chunk.fileName) ? 'initial' : 'lazy'
    sizes[`${kind}Gzip`] += gz
    files.push({ file: chunk.fileName, kind, gzip: gz })
  }
  return { ...sizes, totalGzip: sizes.initialGzip + sizes.lazyGzip, files }
}

/** `react-billing-panel/styles.css` as a host's Vite build minifies it, gzipped. */
async function measureStyles() {
  const entry = path.join(work, 'styles.js')
  writeFileSync(entry, "import '../../src/styles/styles.css'\n")
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: { write: false, minify: true, cssMinify: true, rollupOptions: { input: entry } },
  })
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output)
  return outputs
    .filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'))
    .reduce((sum, asset) => sum + gzipSize(asset.source), 0)
}

/**
 * Sizes per target: `{ initialGzip, lazyGzip, totalGzip }` in bytes, and `styles: { cssGzip }`.
 * With `{ chunks: true }` each target also lists its chunks (`files`), to see where the bytes go.
 */
export async function measureSizes({ chunks = false } = {}) {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const results = {}
  for (const component of SIZE_TARGETS) {
    const { files, ...sizes } = await measure(component)
    results[component] = chunks ? { ...sizes, files } : sizes
  }
  return { ...results, styles: { cssGzip: await measureStyles() } }
}

const KB = 1024

/**
 * What `npm run check:size` enforces, in gzipped bytes: the figures reached, with a little room,
 * so no change takes back what was won. Lower them as the goals below come closer.
 */
export const SIZE_BUDGETS = {
  BillingPanel: { initialGzip: 31 * KB, totalGzip: 104 * KB },
  WalletCard: { totalGzip: 51 * KB },
  styles: { cssGzip: 10 * KB },
}

/** Where the weight should get to (issue: half the bytes of the first release). */
export const SIZE_GOALS = {
  BillingPanel: { initialGzip: 30 * KB, totalGzip: 90 * KB },
  WalletCard: { totalGzip: 35 * KB },
  styles: { cssGzip: 8 * KB },
}

/** Earlier figures, printed beside today's. */
export const SIZE_BEFORE = {
  /** The first release with locales split out (bench of 2026-12-03, before this weight pass). */
  BillingPanel: { initialGzip: 36.3 * KB, totalGzip: 147.2 * KB },
  WalletCard: { totalGzip: 57.2 * KB },
  styles: { cssGzip: 9.8 * KB },
}

/** Each budgeted figure: `{ target, figure, value, before, budget, goal }`, in bytes. */
export function sizeFigures(sizes) {
  const figures = []
  for (const [target, budget] of Object.entries(SIZE_BUDGETS)) {
    for (const [figure, limit] of Object.entries(budget)) {
      figures.push({
        target,
        figure,
        value: sizes[target]?.[figure],
        before: SIZE_BEFORE[target]?.[figure],
        budget: limit,
        goal: SIZE_GOALS[target]?.[figure],
      })
    }
  }
  return figures
}

const kb = (bytes) => (bytes / 1024).toFixed(1)

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const verbose = process.argv.includes('--chunks')
  const { styles, ...sizes } = await measureSizes({ chunks: verbose })
  console.table(
    Object.fromEntries(
      Object.entries(sizes).map(([name, s]) => [
        name,
        { 'initial KB': kb(s.initialGzip), 'lazy KB': kb(s.lazyGzip), 'total KB': kb(s.totalGzip) },
      ]),
    ),
  )
  console.log(`styles.css: ${kb(styles.cssGzip)} KB gzipped`)
  if (verbose) {
    for (const [name, s] of Object.entries(sizes)) {
      console.log(`\n${name}`)
      for (const f of s.files.toSorted((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip)) {
        console.log(`  ${f.kind.padEnd(7)} ${kb(f.gzip).padStart(6)} KB  ${f.file}`)
      }
    }
  }
}
