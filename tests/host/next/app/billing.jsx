'use client'
// The host's client component: its adapter, the panel's provider and the panel itself.
import { useState, version } from 'react'
import { BillingPanel, BillingProvider } from 'react-billing-panel'
import { createMemoryAdapter } from 'react-billing-panel/memory'

if (typeof window !== 'undefined') window.__hostReactVersion = version

export function Billing({ locale }) {
  const [adapter] = useState(() => createMemoryAdapter())
  return (
    <BillingProvider adapter={adapter} locale={locale}>
      <BillingPanel />
    </BillingProvider>
  )
}
