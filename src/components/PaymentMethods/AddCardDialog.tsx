'use client'
import { useMemo, type ReactNode } from 'react'
import type { PaymentMethod } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { stripeAppearance } from '../../stripe/appearance'
import { useBillingContext } from '../../provider/context'
import {
  Button,
  DialogForm,
  FormDialog,
  Notice,
  Skeleton,
  SpinnerIcon,
  Switch,
  useAnnounce,
  useDialogState,
  useErrorMessage,
  VisuallyHidden,
  type DialogOpenProps,
} from '../../ui'
import { methodName } from './methodName'
import { type AddCardFailure, type AddCardFlow, useAddCardFlow } from './useAddCardFlow'
import { paymentMethodsDialogText } from './dialogMessages'

export interface AddCardDialogProps extends DialogOpenProps {
  /** Element that opens the dialog, e.g. a host's own "Add card" button. */
  trigger?: ReactNode
  /** After the adapter recorded the card, with the payment method it returned. */
  onSuccess?: (paymentMethod: PaymentMethod) => void
  /** How long Stripe may take to load before the dialog says so. Default 15 s. */
  stripeTimeoutMs?: number
  /** Where focus goes on close when the element that opened the dialog is gone. */
  returnFocusFallback?: () => HTMLElement | null | undefined
}

/**
 * "Add new card": Stripe's Payment Element inside our dialog. Stripe.js and the Elements code
 * load only once this opens; card data goes into Stripe's iframe and never through this code.
 */
export function AddCardDialog({
  trigger,
  onSuccess,
  stripeTimeoutMs,
  returnFocusFallback,
  ...openProps
}: AddCardDialogProps) {
  const i18n = useBillingI18n()
  const m = paymentMethodsDialogText(i18n).add
  const { open, setOpen, dialogProps } = useDialogState(openProps, returnFocusFallback)
  const announce = useAnnounce()

  const flow = useAddCardFlow({
    open,
    setOpen,
    timeoutMs: stripeTimeoutMs,
    onAdded: (method, madeDefault) => {
      announce(i18n.t(madeDefault ? m.successDefault : m.success, { card: methodName(method, i18n) }))
      onSuccess?.(method)
    },
  })

  const showForm = !flow.pending && flow.load.status !== 'failed' && !flow.intentError

  return (
    <FormDialog
      {...dialogProps}
      trigger={trigger}
      title={m.title}
      description={m.description}
      pending={flow.busy}
      className="bp-add-card-dialog"
      data-slot="add-card-dialog"
      data-step={dialogStep(flow)}
      cancelLabel={flow.pending ? m.finish.later : undefined}
      action={
        flow.pending
          ? {
              label: m.finish.retry,
              onClick: () => void flow.retryAttach(),
              pendingLabel: m.attaching,
              'data-slot': 'add-card-finish',
            }
          : showForm && {
              label: m.submit,
              // Shown while Stripe loads, so the footer does not jump; usable once the form is.
              disabled: !flow.elementReady && !flow.busy,
              pendingLabel: flow.phase === 'attaching' ? m.attaching : m.submitting,
              'data-slot': 'add-card-submit',
            }
      }
    >
      <AddCardBody flow={flow} />
    </FormDialog>
  )
}

/** Where the flow stands, for host styling and tests (Radix owns `data-state` on dialogs). */
function dialogStep(flow: AddCardFlow): string {
  if (flow.pending) return flow.phase === 'attaching' ? 'attaching' : 'attach-failed'
  if (flow.load.status === 'failed') return 'stripe-unavailable'
  if (flow.intentError) return 'error'
  if (flow.load.status !== 'ready' || !flow.clientSecret || !flow.elementReady) return 'loading'
  return flow.busy ? 'saving' : 'ready'
}

function AddCardBody({ flow }: { flow: AddCardFlow }) {
  const i18n = useBillingI18n()
  const m = paymentMethodsDialogText(i18n).add
  const errorMessage = useErrorMessage()
  const { theme, variables } = useBillingContext()
  const appearance = useMemo(() => stripeAppearance(theme, variables), [theme, variables])

  if (flow.pending) {
    if (flow.phase === 'attaching') {
      return (
        <p role="status" className="bp-add-card-status">
          <SpinnerIcon className="bp-spinner" />
          {m.attaching}
        </p>
      )
    }
    // Also after a remount, when only the confirmed SetupIntent was remembered, not the error.
    const error = flow.failure?.kind === 'attach' ? flow.failure.error : null
    return (
      <Notice tone="warning" title={m.finish.title} data-slot="add-card-attach-failed" role="alert">
        <p>{flow.checking ? m.finish.checking : m.finish.notYet}</p>
        {error && <p className="bp-add-card-reason">{i18n.t(m.finish.reason, { reason: errorMessage(error) })}</p>}
      </Notice>
    )
  }

  if (flow.load.status === 'failed') {
    return (
      <Notice
        tone="danger"
        title={m.stripeFailed.title}
        data-slot="add-card-stripe-failed"
        action={
          <Button size="sm" onClick={flow.retryLoad}>
            {i18n.messages.ui.retry}
          </Button>
        }
      >
        {flow.load.reason === 'timeout' ? m.stripeFailed.timeout : m.stripeFailed.text}
      </Notice>
    )
  }

  if (flow.intentError) {
    return (
      <Notice
        tone="danger"
        title={m.intentFailed}
        data-slot="add-card-intent-failed"
        action={
          <Button size="sm" onClick={flow.retryIntent} pending={flow.intentPending}>
            {i18n.messages.ui.retry}
          </Button>
        }
      >
        {errorMessage(flow.intentError)}
      </Notice>
    )
  }

  const { load } = flow
  const mounted = load.status === 'ready' && flow.clientSecret !== null
  return (
    <DialogForm
      className="bp-add-card-form"
      onSubmit={(event) => {
        event.preventDefault()
        void flow.submit()
      }}
    >
      {flow.failure?.kind === 'stripe' && <StripeFailure failure={flow.failure} />}
      <div className="bp-add-card-element" data-ready={flow.elementReady ? '' : undefined}>
        {!flow.elementReady && <CardFormSkeleton label={m.preparing} />}
        {mounted && (
          // Kept mounted but inert until ready: Stripe's iframe must be laid out to load.
          <div className="bp-add-card-stripe" inert={!flow.elementReady}>
            <load.Form
              key={flow.clientSecret}
              stripe={load.stripe}
              clientSecret={flow.clientSecret as string}
              locale={i18n.locale}
              appearance={appearance}
              handleRef={flow.handle}
              onReady={() => flow.setElementReady(true)}
              onLoadError={flow.onElementLoadError}
              onChange={flow.clearStripeFailure}
            />
          </div>
        )}
      </div>
      <Switch
        label={m.makeDefault}
        description={m.makeDefaultDescription}
        checked={flow.makeDefault}
        onCheckedChange={(checked) => flow.setMakeDefault(checked)}
        disabled={flow.busy}
        className="bp-add-card-default"
      />
    </DialogForm>
  )
}

function StripeFailure({ failure }: { failure: Extract<AddCardFailure, { kind: 'stripe' }> }) {
  const billingI18n = useBillingI18n()
  const m = paymentMethodsDialogText(billingI18n).add
  const { type, code, message } = failure.outcome
  const authFailed = typeof code === 'string' && code.endsWith('authentication_failure')
  let title = m.stripeError
  let text = message || m.stripeErrorFallback
  if (authFailed) title = m.authFailed
  else if (type === 'card_error') title = m.declined
  else if (type === 'api_connection_error') title = m.connection
  else if (type === 'incomplete') text = m.incomplete
  return (
    <Notice tone="danger" title={title} data-slot="add-card-error" data-code={code ?? type}>
      <p>{text}</p>
      {authFailed && <p>{m.authFailedHint}</p>}
    </Notice>
  )
}

/** Shaped like Stripe's card fields, so nothing jumps when the iframe appears. */
function CardFormSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="bp-add-card-skeleton" data-slot="add-card-loading">
      <VisuallyHidden>{label}</VisuallyHidden>
      <div className="bp-add-card-skeleton-field" data-span="full" aria-hidden="true">
        <Skeleton width="30%" height="0.8em" />
        <Skeleton height="var(--bp-control-height)" />
      </div>
      <div className="bp-add-card-skeleton-field" aria-hidden="true">
        <Skeleton width="55%" height="0.8em" />
        <Skeleton height="var(--bp-control-height)" />
      </div>
      <div className="bp-add-card-skeleton-field" aria-hidden="true">
        <Skeleton width="25%" height="0.8em" />
        <Skeleton height="var(--bp-control-height)" />
      </div>
    </div>
  )
}
