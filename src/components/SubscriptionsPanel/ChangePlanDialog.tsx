'use client'
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import type { ChangePlanInput, Plan, Subscription } from '../../adapter/types'
import { useChangePlan, usePaymentMethods, usePlanChangePreview, usePlans } from '../../data'
import { useBillingI18n } from '../../i18n'
import { useBillingContext } from '../../provider/context'
import {
  Button,
  Dialog,
  DialogClose,
  ErrorState,
  Field,
  LoadingState,
  Notice,
  RadioCards,
  StatusBadge,
  useAnnounce,
  useControllableState,
  useErrorMessage,
  useReturnFocus,
} from '../../ui'
import { focusSubscriptionCard } from './focus'
import { chargedMethod, methodLabel, priceText } from './format'
import { PlanChangeSummary } from './PlanChangeSummary'
import { usePlanChangeIntent } from './usePlanChangeIntent'
import { subscriptionsText } from './messages'

export interface ChangePlanDialogProps {
  /** The subscription whose plan changes; pass the live one from the list. */
  subscription: Subscription | null | undefined
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  trigger?: ReactNode
  /** After the adapter changed the plan, with the subscription it returned. */
  onPlanChanged?: (subscription: Subscription) => void
}

type Failure = { kind: 'error'; error: BillingError } | { kind: 'auth_failed' }
type Phase = 'idle' | 'charging' | 'authenticating'

/** Outcomes after which the same key would only replay the refusal: nothing was charged. */
function chargedNothing(error: BillingError): boolean {
  return error.code === 'card_declined' || error.code === 'validation' || error.code === 'forbidden'
}

function isCurrent(plan: Plan, subscription: Subscription): boolean {
  return plan.current === true || plan.id === subscription.planId
}

/**
 * "Change plan": the plans on offer, then for the chosen one what is due today (the prorated
 * lines) and at the next renewal, before anything is charged. Upgrades apply now, downgrades at
 * the end of the period, as the adapter's preview says. One idempotency key per chosen plan.
 */
export function ChangePlanDialog({
  subscription,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  onPlanChanged,
}: ChangePlanDialogProps) {
  const i18n = useBillingI18n()
  const m = subscriptionsText(i18n).changePlan
  const { loadStripe } = useBillingContext()
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange)
  const subscriptionId = subscription?.id ?? ''
  const formId = `bp-change-plan${useId().replace(/:/g, '')}`

  const [choice, setChoice] = useState<{ subscriptionId: string; planId: string } | null>(null)
  const plans = usePlans(subscriptionId, { enabled: open && subscriptionId !== '' })
  const planList = plans.data ?? []
  const chosen =
    choice && choice.subscriptionId === subscriptionId ? (planList.find((p) => p.id === choice.planId) ?? null) : null
  const preview = usePlanChangePreview(subscriptionId, open && chosen ? chosen.id : null)
  const methods = usePaymentMethods()
  const change = useChangePlan()
  const intent = usePlanChangeIntent()
  const announce = useAnnounce()
  const errorMessage = useErrorMessage()

  const [failure, setFailure] = useState<Failure | null>(null)
  const [phase, setPhase] = useState<Phase>('idle')
  const inFlight = useRef(false)
  const pending = phase !== 'idle'

  useEffect(() => {
    if (open) setFailure(null)
  }, [open])

  const fallbackFocus = useCallback(
    () => (subscriptionId ? focusSubscriptionCard(subscriptionId, ['change-plan', 'cancel']) : false),
    [subscriptionId],
  )
  const returnFocus = useReturnFocus(open, fallbackFocus)

  const choose = (planId: string) => {
    setChoice({ subscriptionId, planId })
    setFailure(null)
  }

  /** 3-D Secure on-session; true when the bank confirmed. */
  const authenticate = async (clientSecret: string): Promise<boolean> => {
    if (!loadStripe) return false
    try {
      const stripe = await loadStripe()
      const result = await stripe.handleNextAction({ clientSecret })
      return !result.error
    } catch {
      return false
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const quote = preview.data
    if (inFlight.current || !subscription || !chosen || !quote) return
    const input: ChangePlanInput = {
      subscriptionId: subscription.id,
      planId: chosen.id,
      idempotencyKey: intent.keyFor(subscription.id, chosen.id),
    }
    inFlight.current = true
    setFailure(null)
    setPhase('charging')
    try {
      let updated: Subscription
      try {
        updated = await change.mutateAsync(input)
      } catch (thrown) {
        const error = toBillingError(thrown)
        if (error.code !== 'requires_action' || !error.clientSecret) throw error
        setPhase('authenticating')
        if (!(await authenticate(error.clientSecret))) {
          intent.complete()
          setFailure({ kind: 'auth_failed' })
          return
        }
        setPhase('charging')
        // Same key: the adapter completes the charge the bank just confirmed.
        updated = await change.mutateAsync(input)
      }
      intent.complete()
      announce(
        quote.effective === 'period_end'
          ? i18n.t(m.successScheduled, { plan: chosen.name, date: i18n.formatDate(quote.nextCycle.date, 'long') })
          : i18n.t(m.success, { plan: chosen.name }),
      )
      setChoice(null)
      setOpen(false)
      onPlanChanged?.(updated)
    } catch (thrown) {
      const error = toBillingError(thrown)
      if (chargedNothing(error)) intent.complete()
      // The quote may be what changed (a new period, another plan elsewhere): ask again.
      if (error.code === 'conflict' || error.code === 'not_found') void preview.refetch()
      setFailure({ kind: 'error', error })
    } finally {
      inFlight.current = false
      setPhase('idle')
    }
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
      <form id={formId} className="bp-change-plan-form" onSubmit={submit} noValidate>
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
        {failure && (
          <Notice tone="danger" title={m.failedTitle} data-slot="change-plan-error">
            {failure.kind === 'auth_failed' ? m.authFailed : `${errorMessage(failure.error)} ${m.choiceKept}`}
          </Notice>
        )}
      </form>
    )
  }

  const quote = preview.data
  let confirmLabel = m.confirm
  if (quote?.effective === 'period_end') confirmLabel = m.confirmScheduled
  else if (quote && quote.dueToday.amount > 0)
    confirmLabel = i18n.t(m.confirmPay, { amount: i18n.formatMoney(quote.dueToday) })

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={m.title}
      description={subscription ? i18n.t(m.description, { name: subscription.name }) : m.title}
      dismissible={!pending}
      size="md"
      className="bp-change-plan-dialog"
      data-slot="change-plan-dialog"
      onCloseAutoFocus={returnFocus}
      footer={
        <>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              {m.cancel}
            </Button>
          </DialogClose>
          {others.length > 0 && (
            <Button
              type="submit"
              form={formId}
              variant="primary"
              pending={pending}
              pendingLabel={phase === 'authenticating' ? m.authenticating : m.pending}
              disabled={!quote || !chosen}
              data-slot="change-plan-confirm"
            >
              {confirmLabel}
            </Button>
          )}
        </>
      }
    >
      {body}
    </Dialog>
  )
}
