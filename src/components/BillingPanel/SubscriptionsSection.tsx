'use client'
import { SubscriptionsPanel } from '../SubscriptionsPanel/SubscriptionsPanel'
import { usePanelNavigation } from './navigation'

export interface SubscriptionsSectionProps {
  headingLevel: 3 | 4
}

/** Subscriptions. Its own chunk, fetched when first shown (or ahead of time, when idle). */
export function SubscriptionsSection({ headingLevel }: SubscriptionsSectionProps) {
  const { goTo } = usePanelNavigation()
  return <SubscriptionsPanel onUpdatePaymentMethod={() => goTo('payments')} headingLevel={headingLevel} />
}
