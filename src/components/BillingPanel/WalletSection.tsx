'use client'
import { useCapabilities } from '../../data/capabilities'
import { Deferred, deferred } from '../../ui/Deferred'
import { LoadingState } from '../../ui/Skeleton'
import { TransactionHistory } from '../TransactionHistory/TransactionHistory'
import { WalletCard } from '../WalletCard/WalletCard'
import { usePanelNavigation } from './navigation'

// The chart, its table and the forecast are their own chunk, fetched only where the adapter can summarise spend.
const SpendInsights = deferred(() => import('../SpendInsights/SpendInsights'), 'SpendInsights')

export interface WalletSectionProps {
  headingLevel: 3 | 4
}

/** Wallet & Transactions. In one chunk with Subscriptions (laterSections), fetched when either is first shown or the browser idles. */
export function WalletSection({ headingLevel }: WalletSectionProps) {
  const { spendInsights } = useCapabilities()
  const { openAddCard } = usePanelNavigation()
  return (
    <div className="bp-section-stack">
      <WalletCard onAddPaymentMethod={openAddCard} headingLevel={headingLevel} />
      {spendInsights && (
        <Deferred fallback={<LoadingState rows={4} />}>
          <SpendInsights headingLevel={headingLevel} />
        </Deferred>
      )}
      <TransactionHistory headingLevel={headingLevel} />
    </div>
  )
}
