// Bench page: the whole panel on the memory adapter, with a real (lazy) Stripe loader, so the
// bench can count adapter calls and requests to Stripe the way a host page would make them.
import { QueryClient } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { createMemoryAdapter } from '../src/adapter/memory'
import { BillingPanel } from '../src/components/BillingPanel'
import { BillingProvider } from '../src/provider'
import '../src/styles/styles.css'

const adapter = createMemoryAdapter({ seed: 1, locale: 'en', now: () => new Date('2026-11-26T15:00:00Z') })
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
Object.assign(window, { __bench: { adapter, queryClient } })

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <BillingProvider
      adapter={adapter}
      queryClient={queryClient}
      locale="en"
      stripePublishableKey="pk_test_bench"
      brandName="Leadway"
    >
      <BillingPanel />
    </BillingProvider>,
  )
}
