import type { Subscription } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { StatusBadge } from '../../ui'
import { subscriptionStatusTone } from './status'
import { subscriptionsText } from './messages'

/**
 * The status in words and colour. A status the panel does not know shows the adapter's own
 * word as plain text (React escapes it) in neutral, or "Unknown status" when there is none.
 */
export function SubscriptionStatusBadge({
  subscription,
}: {
  subscription: Pick<Subscription, 'status' | 'rawStatus'>
}) {
  const billingI18n = useBillingI18n()
  const labels = subscriptionsText(billingI18n).status
  const { status } = subscription
  const known = status !== 'unknown' && Object.hasOwn(labels, status)
  const label = known ? labels[status] : subscription.rawStatus?.trim() || labels.unknown
  return (
    <StatusBadge
      status={known ? status : 'unknown'}
      tone={subscriptionStatusTone(status)}
      className="bp-subscription-status"
      title={known ? undefined : label}
    >
      {label}
    </StatusBadge>
  )
}
