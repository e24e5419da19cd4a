// The size budget, as CI enforces it: what a host ships for <BillingPanel/> (gzipped JS beyond
// react and react-dom, lazy Stripe chunks apart) stays under its budget, and <WalletCard/> alone
// stays a fraction of it, so a host that only wants the wallet does not pay for the whole page.
import { measureSizes, SIZE_BUDGETS } from './size.mjs'

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

let sizes
try {
  sizes = await measureSizes()
} catch (error) {
  console.error(
    `budget: could not build the components to measure them:\n${error instanceof Error ? error.message : error}`,
  )
  process.exit(1)
}

console.table(
  Object.fromEntries(
    Object.entries(sizes).map(([name, size]) => [
      name,
      { initial: kb(size.initialGzip), lazy: kb(size.lazyGzip), css: kb(size.cssGzip) },
    ]),
  ),
)

const failures = []
const panel = sizes.BillingPanel?.initialGzip
const wallet = sizes.WalletCard?.initialGzip
if (panel === undefined || wallet === undefined) {
  failures.push('BillingPanel and WalletCard must both be measured.')
} else {
  const panelBudget = SIZE_BUDGETS.BillingPanel.initialGzip
  if (panel > panelBudget) {
    failures.push(`BillingPanel ships ${kb(panel)} gzipped up front; the budget is ${kb(panelBudget)}.`)
  }
  const share = wallet / panel
  if (share > SIZE_BUDGETS.WalletCardShare) {
    failures.push(
      `WalletCard alone ships ${kb(wallet)}, ${(share * 100).toFixed(0)} % of BillingPanel; the budget is ${SIZE_BUDGETS.WalletCardShare * 100} %.`,
    )
  }
  console.log(
    `budget: BillingPanel ${kb(panel)} of ${kb(panelBudget)}; WalletCard ${kb(wallet)} (${((wallet / panel) * 100).toFixed(0)} % of the panel, at most ${SIZE_BUDGETS.WalletCardShare * 100} %).`,
  )
}

if (failures.length > 0) {
  console.error(`budget: over budget:\n  - ${failures.join('\n  - ')}`)
  process.exit(1)
}
console.log('budget: ok')
