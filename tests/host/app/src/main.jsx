// A host app as a customer would write it: the published package, its stylesheet, the host's own
// React. Plain JSX so a React 18 host needs no @types at all.
import { version } from 'react'
import { createRoot } from 'react-dom/client'
import { BillingPanel, BillingProvider } from 'react-billing-panel'
import { es } from 'react-billing-panel/locales/es'
import { createMemoryAdapter } from 'react-billing-panel/memory'
import 'react-billing-panel/styles.css'

window.__hostReactVersion = version

createRoot(document.getElementById('root')).render(
  <BillingProvider adapter={createMemoryAdapter()} locale={es}>
    <BillingPanel />
  </BillingProvider>,
)
