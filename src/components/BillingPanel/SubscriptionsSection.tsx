'use client'
import { SubscriptionsPanel } from '../SubscriptionsPanel/SubscriptionsPanel'
import { usePanelNavigation } from './navigation'

export interface SubscriptionsSectionProps {
  headingLevel: 3 | 4
}

/** Subscriptions. In one chunk with Wallet & Transactions (laterSections), fetched when either is first shown or the browser idles. */
export function SubscriptionsSection({ headingLevel }: SubscriptionsSectionProps) {
  const { goTo } = usePanelNavigation()
  return <SubscriptionsPanel onUpdatePaymentMethod={() => goTo('payments')} headingLevel={headingLevel} />
}
