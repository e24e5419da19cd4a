'use client'
import { useRef, useState, type ComponentPropsWithoutRef } from 'react'
import type { Subscription } from '../../adapter/types'
import { useCapabilities, useSubscriptions } from '../../data'
import { useBillingI18n } from '../../i18n'
import { useBillingContext } from '../../provider/context'
import { composeEventHandlers, deferred, StatusBadge } from '../../ui'
import { LazyDialog } from '../shared/LazyDialog'
import { RefreshNotice } from '../shared/RefreshNotice'
import { ResourceSection } from '../shared/ResourceSection'
import { useLazyDialog } from '../shared/useLazyDialog'
import type { CardAction } from './focus'
import { PastDueBanner } from './PastDueBanner'
import { SubscriptionGroup } from './SubscriptionGroup'
import { SubscriptionsSkeleton } from './SubscriptionsSkeleton'
import { groupByKind, SUBSCRIPTION_KINDS } from './status'
import { subscriptionsText } from './messages'

// The dialogs (reasons, plan picker, the change summary) are fetched when first wanted.
const CancelSubscriptionDialog = deferred(() => import('./dialogs'), 'CancelSubscriptionDialog')
const ChangePlanDialog = deferred(() => import('./dialogs'), 'ChangePlanDialog')
const DIALOG_FOR: Partial<Record<CardAction, { preload: () => Promise<unknown> }>> = {
  cancel: CancelSubscriptionDialog,
  'change-plan': ChangePlanDialog,
}

/** The pointer or focus reached a card's Cancel or Change plan: fetch that dialog's code now. */
function preloadDialogFor(event: { target: EventTarget }) {
  const action = event.target instanceof Element ? event.target.closest('[data-action]') : null
  void DIALOG_FOR[action?.getAttribute('data-action') as CardAction]?.preload()
}

export interface SubscriptionsPanelProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** The CRM's brand, for "{brand} subscription". Default: the provider's `brandName`. */
  brandName?: string
  /** The past-due banner's "Update payment method" (e.g. open the payments section); hidden when not given. */
  onUpdatePaymentMethod?: () => void
  /** After a subscription was set to cancel at period end, with what the adapter returned. */
  onCanceled?: (subscription: Subscription) => void
  /** After a subscription set to cancel was resumed. */
  onResumed?: (subscription: Subscription) => void
  /** After a plan change went through (or was scheduled for the renewal). */
  onPlanChanged?: (subscription: Subscription) => void
  /** The panel title's heading level, to fit the host page's outline. Groups and names follow it. Default 2. */
  headingLevel?: 2 | 3 | 4
}

/**
 * Every subscription of the sub-account in one view, grouped as the help article groups them:
 * the platform plan (named after the host's brand), resale services and marketplace apps. Each
 * shows its status, price, what happens next and the card that pays it; cancel at period end,
 * resume and change plan appear where the adapter and the user's permissions allow them.
 */
export function SubscriptionsPanel({
  brandName,
  onUpdatePaymentMethod,
  onCanceled,
  onResumed,
  onPlanChanged,
  headingLevel = 2,
  onPointerOver,
  onFocus,
  ...props
}: SubscriptionsPanelProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n)
  const context = useBillingContext()
  const capabilities = useCapabilities()
  const subscriptions = useSubscriptions()
  const cancelDialog = useLazyDialog(CancelSubscriptionDialog)
  const planDialog = useLazyDialog(ChangePlanDialog)
  // Kept apart from "open" so closing a dialog keeps its subscription (and its answers) for a return.
  const [cancelId, setCancelId] = useState<string | null>(null)
  const [planId, setPlanId] = useState<string | null>(null)
  // A subscription that vanished on refetch (removed elsewhere) stays nameable in its open dialog.
  const lastSeen = useRef(new Map<string, Subscription>())

  const data = subscriptions.data
  if (data) for (const subscription of data) lastSeen.current.set(subscription.id, subscription)
  const live = (id: string | null) =>
    id === null ? null : (data?.find((s) => s.id === id) ?? lastSeen.current.get(id) ?? null)

  const cancelSubscription = live(cancelId)
  const cancelTitle = cancelSubscription ? i18n.t(m.cancel.title, { name: cancelSubscription.name }) : m.cancel.confirm
  const brand = (brandName ?? context.brandName ?? '').trim()
  const canAct = capabilities.cancelSubscription || capabilities.resumeSubscription || capabilities.changePlan
  const subLevel = (headingLevel + 1) as 3 | 4 | 5

  const cardProps = {
    onRequestCancel: capabilities.cancelSubscription
      ? (subscription: Subscription) => {
          setCancelId(subscription.id)
          cancelDialog.show()
        }
      : undefined,
    onRequestChangePlan: capabilities.changePlan
      ? (subscription: Subscription) => {
          setPlanId(subscription.id)
          planDialog.show()
        }
      : undefined,
    onResumed,
  }

  const content = (list: Subscription[]) => {
    const groups = groupByKind(list)
    const titles = {
      platform: brand ? i18n.t(m.groups.platform.title, { brand }) : m.groups.platform.titleGeneric,
      resale: m.groups.resale.title,
      marketplace: m.groups.marketplace.title,
    }
    return (
      <div className="bp-subscriptions-body">
        <RefreshNotice query={subscriptions} data-slot="subscriptions-refresh-error" />
        <PastDueBanner
          subscriptions={list.filter((s) => s.status === 'past_due')}
          // Someone who may not manage cards would land on a page where they can do nothing.
          onUpdatePaymentMethod={context.permissions.managePaymentMethods ? onUpdatePaymentMethod : undefined}
        />
        {SUBSCRIPTION_KINDS.map((kind) => (
          <SubscriptionGroup
            key={kind}
            kind={kind}
            title={titles[kind]}
            subscriptions={groups[kind]}
            headingLevel={subLevel}
            cardProps={cardProps}
          />
        ))}
      </div>
    )
  }

  return (
    <ResourceSection
      {...props}
      slot="subscriptions-panel"
      onPointerOver={composeEventHandlers(onPointerOver, preloadDialogFor)}
      onFocus={composeEventHandlers(onFocus, preloadDialogFor)}
      query={subscriptions}
      messages={m}
      headingLevel={headingLevel}
      loading={<SubscriptionsSkeleton label={m.loading} />}
      errorSlot="subscriptions-error"
      actions={
        data && !canAct ? (
          <StatusBadge status="read-only" tone="neutral">
            {i18n.messages.common.readOnly}
          </StatusBadge>
        ) : undefined
      }
      ready={content}
    >
      {capabilities.cancelSubscription && (
        <LazyDialog dialog={cancelDialog} loadingTitle={cancelTitle}>
          <CancelSubscriptionDialog {...cancelDialog.props} subscription={cancelSubscription} onCanceled={onCanceled} />
        </LazyDialog>
      )}
      {capabilities.changePlan && (
        <LazyDialog dialog={planDialog} loadingTitle={m.changePlan.title}>
          <ChangePlanDialog {...planDialog.props} subscription={live(planId)} onPlanChanged={onPlanChanged} />
        </LazyDialog>
      )}
    </ResourceSection>
  )
}
