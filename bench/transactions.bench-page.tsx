// Bench page: TransactionHistory alone on the memory adapter with 100 000 ledger entries. It
// records when the first ledger page reached the component and when its rows were painted,
// so bench/transactions.mjs can read the figures.
import { QueryClient } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { createMemoryAdapter } from '../src/adapter/memory'
import type { BillingAdapter } from '../src/adapter/types'
import { TransactionHistory } from '../src/components/TransactionHistory'
import { BillingProvider } from '../src/provider'
import '../src/styles/styles.css'
import '../src/components/TransactionHistory/TransactionHistory.css'

const LEDGER_SIZE = 100_000

const marks: {
  seeded: number
  firstData: number | null
  firstRowsInDom: number | null
  firstRowsPainted: number | null
} = {
  seeded: 0,
  firstData: null,
  firstRowsInDom: null,
  firstRowsPainted: null,
}
const seedStart = performance.now()
const memory = createMemoryAdapter({
  seed: 1,
  locale: 'en',
  now: () => new Date('2026-11-26T15:00:00Z'),
  ledgerSize: LEDGER_SIZE,
})
marks.seeded = performance.now() - seedStart

const adapter: BillingAdapter = {
  ...memory,
  listLedger: async (input) => {
    const page = await memory.listLedger(input)
    marks.firstData ??= performance.now()
    return page
  },
}

/** After the next paint: a frame callback, then a task queued behind that frame. */
function afterPaint(callback: () => void) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = callback
    channel.port2.postMessage(null)
  })
}

const rowsShown = new MutationObserver(() => {
  if (!document.querySelector('[data-slot="transaction-row"]')) return
  rowsShown.disconnect()
  marks.firstRowsInDom = performance.now()
  afterPaint(() => {
    marks.firstRowsPainted = performance.now()
  })
})
rowsShown.observe(document.body, { childList: true, subtree: true })

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
Object.assign(window, { __bench: { marks, memory, queryClient, ledgerSize: LEDGER_SIZE } })

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <BillingProvider adapter={adapter} queryClient={queryClient} locale="en" timeZone="UTC" brandName="Leadway">
      <div style={{ maxWidth: 1200, margin: '0 auto', padding: 16 }}>
        <TransactionHistory height={560} />
      </div>
    </BillingProvider>,
  )
}
