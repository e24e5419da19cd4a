import type { Subscription, SubscriptionKind, SubscriptionStatus } from '../../adapter/types'
import type { Tone } from '../../ui'

const TONES: Record<SubscriptionStatus, Tone> = {
  active: 'success',
  trialing: 'info',
  past_due: 'danger',
  paused: 'warning',
  canceled: 'neutral',
  incomplete: 'warning',
  unknown: 'neutral',
}

/** The badge colour for a status; anything the panel does not know stays neutral. */
export function subscriptionStatusTone(status: SubscriptionStatus | string): Tone {
  return Object.hasOwn(TONES, status) ? TONES[status as SubscriptionStatus] : 'neutral'
}

export const SUBSCRIPTION_KINDS: readonly SubscriptionKind[] = ['platform', 'resale', 'marketplace']

/**
 * Subscriptions per kind, in the adapter's order within each group. A repeated id is shown
 * once: two cards acting on one subscription would only confuse.
 */
export function groupByKind(subscriptions: readonly Subscription[]): Record<SubscriptionKind, Subscription[]> {
  const groups: Record<SubscriptionKind, Subscription[]> = { platform: [], resale: [], marketplace: [] }
  const seen = new Set<string>()
  for (const subscription of subscriptions) {
    if (seen.has(subscription.id)) continue
    seen.add(subscription.id)
    // The boundary maps unknown kinds to resale; this guards hand-built data too.
    const group = groups[subscription.kind] ?? groups.resale
    group.push(subscription)
  }
  return groups
}

/** Ended subscriptions cannot be canceled, resumed or re-planned. */
export function isEnded(subscription: Subscription): boolean {
  return subscription.status === 'canceled'
}

export function canCancel(subscription: Subscription): boolean {
  return !isEnded(subscription) && !subscription.cancelAtPeriodEnd
}

export function canResume(subscription: Subscription): boolean {
  return !isEnded(subscription) && subscription.cancelAtPeriodEnd
}

/** A plan change only makes sense for a live subscription on a plan that is not about to end. */
export function canChangePlan(subscription: Subscription): boolean {
  return (
    Boolean(subscription.planId) &&
    !isEnded(subscription) &&
    !subscription.cancelAtPeriodEnd &&
    subscription.status !== 'incomplete'
  )
}

/** When access ends if the subscription is canceled now: the end of the paid (or trial) period. */
export function accessEndsAt(subscription: Subscription): string | null {
  return subscription.currentPeriodEnd ?? subscription.trialEnd ?? null
}
