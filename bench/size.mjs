// Gzipped JS a host's production Vite build ships for each public component, beyond react and
// react-dom. Each target is built alone from the package source (tree-shaken as a host would),
// with react and react-dom external; lazy chunks (Stripe Elements) are counted apart.
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
  'BillingAddressForm',
  'TransactionHistory',
]

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

export async function measureSizes() {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const results = {}
  for (const component of SIZE_TARGETS) {
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
      if (initial.has(name)) return
      initial.add(name)
      for (const dep of byName.get(name)?.imports ?? []) visit(dep)
    }
    for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName)
    let initialGz = 0
    let lazyGz = 0
    for (const chunk of chunks) {
      const gz = gzipSync(Buffer.from(chunk.code), { level: 9 }).length
      if (initial.has(chunk.fileName)) initialGz += gz
      else lazyGz += gz
    }
    const css = outputs.filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'))
    const cssGz = css.reduce((sum, a) => sum + gzipSync(Buffer.from(a.source), { level: 9 }).length, 0)
    results[component] = { initialGzip: initialGz, lazyGzip: lazyGz, totalGzip: initialGz + lazyGz, cssGzip: cssGz }
  }
  return results
}

/** Budgets in bytes (gzipped JS beyond react + react-dom). */
export const SIZE_BUDGETS = {
  BillingPanel: { initialGzip: 45 * 1024 },
  WalletCardShare: 0.4,
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await measureSizes()
  console.table(
    Object.fromEntries(
      Object.entries(sizes).map(([k, v]) => [
        k,
        {
          'initial KB': (v.initialGzip / 1024).toFixed(1),
          'lazy KB': (v.lazyGzip / 1024).toFixed(1),
          'css KB': (v.cssGzip / 1024).toFixed(1),
        },
      ]),
    ),
  )
}
