'use client'
import type { ComponentPropsWithoutRef } from 'react'
import type { Subscription } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { useRootProps } from '../../provider/root'
import { Button, Notice } from '../../ui'
import { subscriptionsText } from './messages'

export interface PastDueBannerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'title'> {
  /** The past-due subscriptions to name; nothing renders when there are none. */
  subscriptions: readonly Pick<Subscription, 'id' | 'name'>[]
  /** "Update payment method"; the button is hidden when not given. */
  onUpdatePaymentMethod?: () => void
}

/** One alert for every renewal that could not be charged, with the way to fix it. */
export function PastDueBanner({
  subscriptions,
  onUpdatePaymentMethod,
  className,
  style,
  ...props
}: PastDueBannerProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n).pastDue
  const root = useRootProps('past-due-banner', className, style)
  if (subscriptions.length === 0) return null
  const names = subscriptions.map((s) => s.name).join(m.listSeparator)
  return (
    <Notice
      {...props}
      {...root}
      className={root.className}
      tone="danger"
      role="alert"
      data-slot="past-due-banner"
      title={i18n.plural(m.title, subscriptions.length)}
      action={
        onUpdatePaymentMethod ? (
          <Button variant="danger" size="sm" onClick={onUpdatePaymentMethod} data-action="update-payment-method">
            {m.action}
          </Button>
        ) : undefined
      }
    >
      {i18n.t(m.text, { names })}
    </Notice>
  )
}
