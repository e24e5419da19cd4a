// The size budget, as CI enforces it (`npm run check:size`): what a host ships for <BillingPanel/>
// up front (gzipped JS beyond react and react-dom that its Payments section needs before it
// shows) and in all, what <WalletCard/> alone can load, and styles.css, each under its budget in
// bench/size.mjs. The goals are printed beside them.
import { measureSizes, sizeFigures } from './size.mjs'

const kb = (bytes) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KB`)
const LABELS = { initialGzip: 'up front', totalGzip: 'in all', cssGzip: 'gzipped' }

let sizes
try {
  sizes = await measureSizes()
} catch (error) {
  console.error(
    `budget: could not build the components to measure them:\n${error instanceof Error ? error.message : error}`,
  )
  process.exit(1)
}

const figures = sizeFigures(sizes)
console.table(
  figures.map((f) => ({
    figure: `${f.target} ${LABELS[f.figure] ?? f.figure}`,
    before: kb(f.before),
    now: kb(f.value),
    budget: kb(f.budget),
    goal: kb(f.goal),
  })),
)

const failures = figures
  .filter((f) => f.value === undefined || f.value > f.budget)
  .map((f) =>
    f.value === undefined
      ? `${f.target} was not measured.`
      : `${f.target} ships ${kb(f.value)} ${LABELS[f.figure] ?? f.figure}; the budget is ${kb(f.budget)}. Run \`node bench/size.mjs --chunks\` to see which chunks count.`,
  )
if (failures.length > 0) {
  console.error(`budget: over budget:\n  - ${failures.join('\n  - ')}`)
  process.exit(1)
}
const missed = figures.filter((f) => f.goal !== undefined && f.value > f.goal)
console.log(
  `budget: ok${missed.length ? ` (goals still ahead: ${missed.map((f) => `${f.target} ${LABELS[f.figure]} ${kb(f.value)} of ${kb(f.goal)}`).join(', ')})` : ''}`,
)
