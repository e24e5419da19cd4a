import { useId, type ComponentPropsWithoutRef } from 'react'
import type { Subscription, SubscriptionKind } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { cx, EmptyState } from '../../ui'
import { SubscriptionCard, type SubscriptionCardProps } from './SubscriptionCard'
import { subscriptionsText } from './messages'

export interface SubscriptionGroupProps extends Omit<ComponentPropsWithoutRef<'div'>, 'title'> {
  kind: SubscriptionKind
  title: string
  subscriptions: readonly Subscription[]
  headingLevel: 3 | 4 | 5
  cardProps: Pick<SubscriptionCardProps, 'onRequestCancel' | 'onRequestChangePlan' | 'onResumed'>
}

/** One kind of subscription under its heading, with how many there are, or why there are none. */
export function SubscriptionGroup({
  kind,
  title,
  subscriptions,
  headingLevel,
  cardProps,
  className,
  ...props
}: SubscriptionGroupProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n)
  const text = m.groups[kind]
  const headingId = `bp-subscription-group${useId().replace(/:/g, '')}`
  const Heading = `h${headingLevel}` as 'h3'
  const count = subscriptions.length
  return (
    <div {...props} className={cx('bp-subscription-group', className)} data-slot="subscription-group" data-kind={kind}>
      <div className="bp-subscription-group-header">
        <div className="bp-subscription-group-heading">
          <Heading id={headingId} className="bp-subscription-group-title">
            {title}
          </Heading>
          <span className="bp-subscription-group-count" data-slot="subscription-group-count">
            {i18n.plural(m.count, count)}
          </span>
        </div>
        <p className="bp-subscription-group-description">{text.description}</p>
      </div>
      {count === 0 ? (
        <EmptyState
          as="p"
          className="bp-subscription-group-empty"
          title={text.empty}
          description={text.emptyDescription}
        />
      ) : (
        <ul className="bp-subscription-list" aria-labelledby={headingId}>
          {subscriptions.map((subscription) => (
            <li key={subscription.id}>
              <SubscriptionCard
                subscription={subscription}
                headingLevel={Math.min(headingLevel + 1, 6) as 4 | 5 | 6}
                {...cardProps}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
