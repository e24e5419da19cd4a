'use client'
import { useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import type { Subscription } from '../../adapter/types'
import { useCapabilities, useSubscriptions } from '../../data'
import { useBillingI18n } from '../../i18n'
import { useBillingContext } from '../../provider/context'
import { useRootProps } from '../../provider/root'
import {
  Button,
  composeEventHandlers,
  Deferred,
  deferred,
  ErrorState,
  Notice,
  Section,
  StatusBadge,
  useErrorMessage,
  DialogLoading,
} from '../../ui'
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

interface DialogTarget {
  id: string
  open: boolean
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
  className,
  style,
  onPointerOver,
  onFocus,
  ...props
}: SubscriptionsPanelProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n)
  const context = useBillingContext()
  const root = useRootProps('subscriptions-panel', className, style)
  const capabilities = useCapabilities()
  const subscriptions = useSubscriptions()
  const errorMessage = useErrorMessage()
  // Kept apart from "open" so closing a dialog keeps its subscription (and its answers) for a return.
  const [cancelTarget, setCancelTarget] = useState<DialogTarget | null>(null)
  const [planTarget, setPlanTarget] = useState<DialogTarget | null>(null)
  // A subscription that vanished on refetch (removed elsewhere) stays nameable in its open dialog.
  const lastSeen = useRef(new Map<string, Subscription>())

  const data = subscriptions.data
  if (data) for (const subscription of data) lastSeen.current.set(subscription.id, subscription)
  const live = (target: DialogTarget | null) =>
    target ? (data?.find((s) => s.id === target.id) ?? lastSeen.current.get(target.id) ?? null) : null

  const cancelSubscription = live(cancelTarget)
  const cancelTitle = cancelSubscription ? i18n.t(m.cancel.title, { name: cancelSubscription.name }) : m.cancel.confirm
  const brand = (brandName ?? context.brandName ?? '').trim()
  const canAct = capabilities.cancelSubscription || capabilities.resumeSubscription || capabilities.changePlan
  const subLevel = (headingLevel + 1) as 3 | 4 | 5
  const Heading = `h${headingLevel}` as 'h2'

  const cardProps = {
    onRequestCancel: capabilities.cancelSubscription
      ? (subscription: Subscription) => setCancelTarget({ id: subscription.id, open: true })
      : undefined,
    onRequestChangePlan: capabilities.changePlan
      ? (subscription: Subscription) => setPlanTarget({ id: subscription.id, open: true })
      : undefined,
    onResumed,
  }

  let content: ReactNode
  if (!data && subscriptions.isError) {
    content = (
      <ErrorState
        error={subscriptions.error}
        title={m.loadError}
        onRetry={() => void subscriptions.refetch()}
        retrying={subscriptions.isFetching}
        data-slot="subscriptions-error"
      />
    )
  } else if (!data) {
    content = <SubscriptionsSkeleton label={m.loading} />
  } else {
    const groups = groupByKind(data)
    const titles = {
      platform: brand ? i18n.t(m.groups.platform.title, { brand }) : m.groups.platform.titleGeneric,
      resale: m.groups.resale.title,
      marketplace: m.groups.marketplace.title,
    }
    content = (
      <div className="bp-subscriptions-body">
        {subscriptions.isError && (
          // The list on screen is the last good one; say it may be out of date and offer a retry.
          <Notice
            tone="warning"
            data-slot="subscriptions-refresh-error"
            action={
              <Button size="sm" pending={subscriptions.isFetching} onClick={() => void subscriptions.refetch()}>
                {i18n.messages.ui.retry}
              </Button>
            }
          >
            {errorMessage(subscriptions.error)}
          </Notice>
        )}
        <PastDueBanner
          subscriptions={data.filter((s) => s.status === 'past_due')}
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
    <Section
      {...props}
      {...root}
      onPointerOver={composeEventHandlers(onPointerOver, preloadDialogFor)}
      onFocus={composeEventHandlers(onFocus, preloadDialogFor)}
      as={Heading}
      title={m.title}
      description={m.description}
      actions={
        data && !canAct ? (
          <StatusBadge status="read-only" tone="neutral">
            {i18n.messages.common.readOnly}
          </StatusBadge>
        ) : undefined
      }
      data-state={data ? 'ready' : subscriptions.isError ? 'error' : 'loading'}
      aria-busy={!data && !subscriptions.isError ? true : undefined}
    >
      {content}
      {capabilities.cancelSubscription && cancelTarget && (
        <Deferred
          fallback={
            cancelTarget.open && (
              <DialogLoading title={cancelTitle} onDismiss={() => setCancelTarget({ ...cancelTarget, open: false })} />
            )
          }
        >
          <CancelSubscriptionDialog
            subscription={cancelSubscription}
            open={cancelTarget.open}
            onOpenChange={(open) => setCancelTarget((target) => (target ? { ...target, open } : null))}
            onCanceled={onCanceled}
          />
        </Deferred>
      )}
      {capabilities.changePlan && planTarget && (
        <Deferred
          fallback={
            planTarget.open && (
              <DialogLoading
                title={m.changePlan.title}
                onDismiss={() => setPlanTarget({ ...planTarget, open: false })}
              />
            )
          }
        >
          <ChangePlanDialog
            subscription={live(planTarget)}
            open={planTarget.open}
            onOpenChange={(open) => setPlanTarget((target) => (target ? { ...target, open } : null))}
            onPlanChanged={onPlanChanged}
          />
        </Deferred>
      )}
    </Section>
  )
}
