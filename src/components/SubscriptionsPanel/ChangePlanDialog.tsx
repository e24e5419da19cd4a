'use client'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import type { Plan, Subscription } from '../../adapter/types'
import { useChangePlan, usePaymentMethods, usePlanChangePreview, usePlans } from '../../data'
import { useChargeWithAuthentication } from '../../data/useChargeWithAuthentication'
import { useBillingI18n } from '../../i18n'
import {
  DialogForm,
  ErrorState,
  Field,
  FormDialog,
  LoadingState,
  Notice,
  RadioCards,
  StatusBadge,
  useAnnounce,
  useDialogState,
  useErrorMessage,
  type DialogOpenProps,
} from '../../ui'
import { focusSubscriptionCard } from './focus'
import { chargedMethod, methodLabel, priceText } from './format'
import { PlanChangeSummary } from './PlanChangeSummary'
import { subscriptionsText } from './messages'

export interface ChangePlanDialogProps extends DialogOpenProps {
  /** The subscription whose plan changes; pass the live one from the list. */
  subscription: Subscription | null | undefined
  trigger?: ReactNode
  /** After the adapter changed the plan, with the subscription it returned. */
  onPlanChanged?: (subscription: Subscription) => void
}

function isCurrent(plan: Plan, subscription: Subscription): boolean {
  return plan.current === true || plan.id === subscription.planId
}

/**
 * "Change plan": the plans on offer, then for the chosen one what is due today (the prorated
 * lines) and at the next renewal, before anything is charged. Upgrades apply now, downgrades at
 * the end of the period, as the adapter's preview says. One idempotency key per chosen plan.
 */
export function ChangePlanDialog({ subscription, trigger, onPlanChanged, ...openProps }: ChangePlanDialogProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n).changePlan
  const subscriptionId = subscription?.id ?? ''
  const { open, setOpen, dialogProps } = useDialogState(openProps, () =>
    subscriptionId ? focusSubscriptionCard(subscriptionId, ['change-plan', 'cancel']) : false,
  )

  const [choice, setChoice] = useState<{ subscriptionId: string; planId: string } | null>(null)
  const plans = usePlans(subscriptionId, { enabled: open && subscriptionId !== '' })
  const planList = plans.data ?? []
  const chosen =
    choice && choice.subscriptionId === subscriptionId ? (planList.find((p) => p.id === choice.planId) ?? null) : null
  const preview = usePlanChangePreview(subscriptionId, open && chosen ? chosen.id : null)
  const methods = usePaymentMethods()
  const charge = useChargeWithAuthentication(useChangePlan().mutateAsync, 'plan')
  const announce = useAnnounce()
  const errorMessage = useErrorMessage()
  const { clearFailure } = charge

  useEffect(() => {
    if (open) clearFailure()
  }, [open, clearFailure])

  const choose = (planId: string) => {
    setChoice({ subscriptionId, planId })
    charge.clearFailure()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const quote = preview.data
    if (!subscription || !chosen || !quote) return
    void charge.run(
      { subscriptionId: subscription.id, planId: chosen.id },
      {
        onSuccess: (updated) => {
          announce(
            quote.effective === 'period_end'
              ? i18n.t(m.successScheduled, { plan: chosen.name, date: i18n.formatDate(quote.nextCycle.date, 'long') })
              : i18n.t(m.success, { plan: chosen.name }),
          )
          setChoice(null)
          setOpen(false)
          onPlanChanged?.(updated)
        },
        // The quote may be what changed (a new period, another plan elsewhere): ask again.
        onError: (error) => {
          if (error.code === 'conflict' || error.code === 'not_found') void preview.refetch()
        },
      },
    )
  }

  const options = subscription
    ? planList.map((plan) => {
        const current = isCurrent(plan, subscription)
        return {
          value: plan.id,
          disabled: current,
          label: current ? (
            <>
              {plan.name}{' '}
              <StatusBadge status="current" tone="info">
                {m.current}
              </StatusBadge>
            </>
          ) : (
            plan.name
          ),
          description: [
            priceText(i18n, plan.price, plan.interval, plan.intervalCount, subscription.quantity),
            plan.description,
          ]
            .filter(Boolean)
            .join(' · '),
        }
      })
    : []
  const others = subscription ? planList.filter((plan) => !isCurrent(plan, subscription)) : []

  let body: ReactNode
  if (plans.isError) {
    body = (
      <ErrorState
        error={plans.error}
        title={m.plansError}
        onRetry={() => void plans.refetch()}
        retrying={plans.isFetching}
      />
    )
  } else if (!plans.data) {
    body = <LoadingState rows={3} label={m.loadingPlans} />
  } else if (others.length === 0) {
    body = <Notice tone="info">{m.noPlans}</Notice>
  } else {
    const card = subscription ? chargedMethod(subscription, methods.data) : null
    body = (
      <DialogForm className="bp-change-plan-form" onSubmit={submit}>
        <Field label={m.plans}>
          <RadioCards
            layout="list"
            className="bp-plan-options"
            options={options}
            value={chosen?.id ?? ''}
            onValueChange={choose}
            data-slot="plan-options"
          />
        </Field>
        <PlanChangeSummary
          planChosen={chosen !== null}
          preview={preview}
          cardLabel={card ? methodLabel(i18n, card) : null}
        />
        {charge.failure && (
          <Notice tone="danger" title={m.failedTitle} data-slot="change-plan-error">
            {charge.failure.kind === 'auth_failed'
              ? m.authFailed
              : `${errorMessage(charge.failure.error)} ${m.choiceKept}`}
          </Notice>
        )}
      </DialogForm>
    )
  }

  const quote = preview.data
  let confirmLabel = m.confirm
  if (quote?.effective === 'period_end') confirmLabel = m.confirmScheduled
  else if (quote && quote.dueToday.amount > 0)
    confirmLabel = i18n.t(m.confirmPay, { amount: i18n.formatMoney(quote.dueToday) })

  return (
    <FormDialog
      {...dialogProps}
      trigger={trigger}
      title={m.title}
      description={subscription ? i18n.t(m.description, { name: subscription.name }) : m.title}
      pending={charge.pending}
      size="md"
      className="bp-change-plan-dialog"
      data-slot="change-plan-dialog"
      cancelLabel={m.cancel}
      cancelVariant="secondary"
      action={
        others.length > 0 && {
          label: confirmLabel,
          pendingLabel: charge.phase === 'authenticating' ? m.authenticating : m.pending,
          disabled: !quote || !chosen,
          'data-slot': 'change-plan-confirm',
        }
      }
    >
      {body}
    </FormDialog>
  )
}
