'use client'
import { useEffect, useId, useRef, type ComponentPropsWithoutRef } from 'react'
import type { Subscription } from '../../adapter/types'
import { useCapabilities, usePaymentMethods, useResumeSubscription } from '../../data'
import { useBillingI18n } from '../../i18n'
import { useRootProps } from '../../provider/root'
import {
  AlertIcon,
  Button,
  cx,
  dataFlag,
  DescriptionItem,
  DescriptionList,
  ExternalIcon,
  Notice,
  Skeleton,
  useAnnounce,
  useErrorMessage,
  VisuallyHidden,
} from '../../ui'
import { focusSubscriptionCard } from './focus'
import { renewalLine, payingMethodText, subscriptionPrice } from './format'
import { accessEndsAt, canCancel, canChangePlan, canResume } from './status'
import { SubscriptionStatusBadge } from './SubscriptionStatusBadge'
import { subscriptionsText } from './messages'

export interface SubscriptionCardProps extends Omit<ComponentPropsWithoutRef<'article'>, 'title'> {
  subscription: Subscription
  /** Level of the subscription's name heading. Default 4. */
  headingLevel?: 3 | 4 | 5 | 6
  /** Shows "Cancel subscription" (where the adapter can cancel); open your cancel dialog here. */
  onRequestCancel?: (subscription: Subscription) => void
  /** Shows "Change plan" (where the adapter can change plans); open your plan dialog here. */
  onRequestChangePlan?: (subscription: Subscription) => void
  /** After a subscription set to cancel was resumed, with what the adapter returned. */
  onResumed?: (subscription: Subscription) => void
}

/**
 * One subscription: name, status, price per interval, what happens next (renews, cancels, trial
 * ends), the card that pays it and when it started, with its actions. Resuming happens here;
 * canceling and changing plan are asked of the parent, which owns the dialogs.
 */
export function SubscriptionCard({
  subscription,
  headingLevel = 4,
  onRequestCancel,
  onRequestChangePlan,
  onResumed,
  className,
  style,
  ...props
}: SubscriptionCardProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n)
  const root = useRootProps('subscription-card', className, style)
  const capabilities = useCapabilities()
  const methods = usePaymentMethods()
  const resume = useResumeSubscription()
  const announce = useAnnounce()
  const errorMessage = useErrorMessage()
  const nameId = `bp-subscription${useId().replace(/:/g, '')}`
  // Set when Resume succeeded, so focus can follow the button that replaces it.
  const refocus = useRef(false)

  const Heading = `h${headingLevel}` as 'h4'
  const renewal = renewalLine(i18n, subscription)
  const paying = payingMethodText(i18n, subscription, methods.data)
  const started = i18n.formatDate(subscription.startDate, 'medium')

  const showCancel = Boolean(onRequestCancel) && capabilities.cancelSubscription && canCancel(subscription)
  const showResume = capabilities.resumeSubscription && canResume(subscription)
  const showChangePlan = Boolean(onRequestChangePlan) && capabilities.changePlan && canChangePlan(subscription)
  const manageUrl = subscription.manageUrl ?? null

  useEffect(() => {
    if (refocus.current && !subscription.cancelAtPeriodEnd) {
      refocus.current = false
      focusSubscriptionCard(subscription.id, ['cancel', 'change-plan'])
    }
  }, [subscription.cancelAtPeriodEnd, subscription.id])

  const runResume = () => {
    if (resume.isPending) return
    resume.mutate(subscription.id, {
      onSuccess: (updated) => {
        const date = i18n.formatDate(accessEndsAt(updated), 'medium')
        announce(
          date
            ? i18n.t(m.resume.success, { name: updated.name, date })
            : i18n.t(m.resume.successNoDate, { name: updated.name }),
        )
        refocus.current = true
        onResumed?.(updated)
      },
    })
  }

  const actions = showCancel || showResume || showChangePlan
  return (
    <article
      {...props}
      {...root}
      className={cx(root.className, 'bp-card')}
      aria-labelledby={nameId}
      data-subscription-id={subscription.id}
      data-kind={subscription.kind}
      data-status={subscription.status}
      data-state={subscription.status}
      data-cancel-at-period-end={dataFlag(subscription.cancelAtPeriodEnd)}
      data-pending={dataFlag(resume.isPending)}
      // Focus lands here when its buttons change under the keyboard (see focusSubscriptionCard).
      tabIndex={-1}
    >
      <div className="bp-subscription-main">
        <div className="bp-subscription-identity">
          <div className="bp-subscription-heading">
            <Heading id={nameId} className="bp-subscription-name" data-slot="subscription-name">
              {subscription.name}
            </Heading>
            <SubscriptionStatusBadge subscription={subscription} />
          </div>
          {subscription.description && <p className="bp-subscription-description">{subscription.description}</p>}
        </div>
        <div className="bp-subscription-billing">
          <p
            className="bp-subscription-price"
            data-slot="subscription-price"
            data-missing={dataFlag(!subscription.price)}
          >
            {subscriptionPrice(i18n, subscription)}
          </p>
          <p
            className="bp-subscription-renewal"
            data-slot="subscription-renewal"
            data-status={renewal.state}
            data-state={renewal.state}
          >
            {renewal.state === 'cancels' && <AlertIcon />}
            <span>{renewal.text}</span>
          </p>
        </div>
      </div>

      {resume.isError && (
        <Notice
          tone="danger"
          title={i18n.t(m.resume.failed, { name: subscription.name })}
          data-slot="subscription-resume-error"
        >
          {errorMessage(resume.error)}
        </Notice>
      )}

      <div className="bp-subscription-footer">
        <DescriptionList className="bp-subscription-details">
          <DescriptionItem term={m.card.paidWith} data-slot="subscription-payment-method">
            {paying ??
              (methods.isPending ? (
                <PendingText label={i18n.messages.ui.loading} />
              ) : (
                i18n.messages.common.notAvailable
              ))}
          </DescriptionItem>
          <DescriptionItem term={m.card.started} data-slot="subscription-start">
            {started || m.card.noDate}
          </DescriptionItem>
        </DescriptionList>

        {(actions || manageUrl) && (
          <div className="bp-subscription-controls">
            {manageUrl && (
              <a
                className="bp-subscription-manage"
                href={manageUrl}
                target="_blank"
                rel="noopener noreferrer"
                aria-describedby={nameId}
                data-slot="subscription-manage"
              >
                {m.card.manage} <ExternalIcon />
                <VisuallyHidden>{m.card.opensInNewTab}</VisuallyHidden>
              </a>
            )}
            {actions && (
              <div className="bp-subscription-actions">
                {showResume && (
                  <Button
                    variant="primary"
                    size="sm"
                    pending={resume.isPending}
                    pendingLabel={m.actions.resuming}
                    onClick={runResume}
                    data-action="resume"
                  >
                    {m.actions.resume}
                  </Button>
                )}
                {showChangePlan && (
                  <Button size="sm" onClick={() => onRequestChangePlan?.(subscription)} data-action="change-plan">
                    {m.actions.changePlan}
                  </Button>
                )}
                {showCancel && (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => onRequestCancel?.(subscription)}
                    data-action="cancel"
                  >
                    {m.actions.cancel}
                  </Button>
                )}
              </div>
            )}
          </div>
        )}
      </div>
    </article>
  )
}

/** A placeholder the width of a card name, read as "Loading…". */
function PendingText({ label }: { label: string }) {
  return (
    <>
      <Skeleton width="9em" height="1em" className="bp-subscription-pending-text" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </>
  )
}

/** @deprecated The same component as `SubscriptionCard`; use that name. Goes in the next minor version. */
export const SubscriptionRow = SubscriptionCard
/** @deprecated Use `SubscriptionCardProps`. */
export type SubscriptionRowProps = SubscriptionCardProps
