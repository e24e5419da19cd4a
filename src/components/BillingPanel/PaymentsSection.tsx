'use client'
import { BillingAddressForm } from '../BillingAddressForm/BillingAddressForm'
import { PaymentMethods } from '../PaymentMethods/PaymentMethods'

export interface PaymentsSectionProps {
  addCardOpen: boolean
  onAddCardOpenChange: (open: boolean) => void
  headingLevel: 3 | 4
}

/** Payments: saved cards and billing information. Its own chunk, fetched when first shown. */
export function PaymentsSection({ addCardOpen, onAddCardOpenChange, headingLevel }: PaymentsSectionProps) {
  return (
    <div className="bp-section-stack">
      <PaymentMethods addCardOpen={addCardOpen} onAddCardOpenChange={onAddCardOpenChange} headingLevel={headingLevel} />
      <BillingAddressForm headingLevel={headingLevel} />
    </div>
  )
}
