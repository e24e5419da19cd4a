'use client'
import { TransactionHistory } from '../TransactionHistory/TransactionHistory'
import { WalletCard } from '../WalletCard/WalletCard'

export interface WalletSectionProps {
  onAddPaymentMethod: () => void
  headingLevel: 3 | 4
}

/** Wallet & Transactions. Its own chunk, fetched when first shown (or ahead of time, when idle). */
export function WalletSection({ onAddPaymentMethod, headingLevel }: WalletSectionProps) {
  return (
    <div className="bp-section-stack">
      <WalletCard onAddPaymentMethod={onAddPaymentMethod} headingLevel={headingLevel} />
      <TransactionHistory headingLevel={headingLevel} />
    </div>
  )
}
