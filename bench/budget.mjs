// The size budget, as CI enforces it (`npm run check:size`): what a host ships up front for
// <BillingPanel/> (gzipped JS beyond react and react-dom that its Payments section needs before
// it shows) stays under its budget, and <WalletCard/> alone stays a fraction of everything the
// panel can load, so a host that only wants the wallet does not pay for the whole page.
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
      { initial: kb(size.initialGzip), lazy: kb(size.lazyGzip), total: kb(size.totalGzip), css: kb(size.cssGzip) },
    ]),
  ),
)

const failures = []
const panel = sizes.BillingPanel
// Like for like: all the code a wallet-only host can load, against all the code of the whole panel.
const wallet = sizes.WalletCard?.totalGzip
if (panel === undefined || wallet === undefined) {
  failures.push('BillingPanel and WalletCard must both be measured.')
} else {
  const panelBudget = SIZE_BUDGETS.BillingPanel.initialGzip
  if (panel.initialGzip > panelBudget) {
    failures.push(
      `BillingPanel ships ${kb(panel.initialGzip)} gzipped before its Payments section shows; the budget is ${kb(panelBudget)}. Run \`node bench/size.mjs --chunks\` to see which chunks count as initial.`,
    )
  }
  const share = wallet / panel.totalGzip
  if (share > SIZE_BUDGETS.WalletCardShare) {
    failures.push(
      `WalletCard alone ships ${kb(wallet)} in all, ${(share * 100).toFixed(0)} % of all BillingPanel code (${kb(panel.totalGzip)}); the budget is ${SIZE_BUDGETS.WalletCardShare * 100} %.`,
    )
  }
  console.log(
    `budget: BillingPanel ${kb(panel.initialGzip)} of ${kb(panelBudget)} up front; WalletCard ${kb(wallet)} in all (${(share * 100).toFixed(0)} % of the panel's ${kb(panel.totalGzip)}, at most ${SIZE_BUDGETS.WalletCardShare * 100} %).`,
  )
}

if (failures.length > 0) {
  console.error(`budget: over budget:\n  - ${failures.join('\n  - ')}`)
  process.exit(1)
}
console.log('budget: ok')
