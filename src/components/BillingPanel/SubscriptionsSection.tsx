'use client'
import { SubscriptionsPanel } from '../SubscriptionsPanel/SubscriptionsPanel'

export interface SubscriptionsSectionProps {
  onUpdatePaymentMethod: () => void
  headingLevel: 3 | 4
}

/** Subscriptions. Its own chunk, fetched when first shown (or ahead of time, when idle). */
export function SubscriptionsSection({ onUpdatePaymentMethod, headingLevel }: SubscriptionsSectionProps) {
  return <SubscriptionsPanel onUpdatePaymentMethod={onUpdatePaymentMethod} headingLevel={headingLevel} />
}
