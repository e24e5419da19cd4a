'use client'
import { BillingProfileCard } from '../BillingProfileCard/BillingProfileCard'
import { PaymentMethods } from '../PaymentMethods/PaymentMethods'
import { usePanelNavigation } from './navigation'

export interface PaymentsSectionProps {
  headingLevel: 3 | 4
}

/** Payments: saved cards and billing information. The usual first view, so it ships with the panel. */
export function PaymentsSection({ headingLevel }: PaymentsSectionProps) {
  const { addCard } = usePanelNavigation()
  return (
    <div className="bp-section-stack">
      <PaymentMethods
        addCardOpen={addCard.open}
        onAddCardOpenChange={addCard.onOpenChange}
        headingLevel={headingLevel}
      />
      <BillingProfileCard headingLevel={headingLevel} />
    </div>
  )
}
