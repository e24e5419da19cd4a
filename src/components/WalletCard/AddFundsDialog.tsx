'use client'
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import type { AddFundsInput, AddFundsResult } from '../../adapter/types'
import { useAddFunds, usePaymentMethods, useWallet } from '../../data'
import { useBillingI18n } from '../../i18n'
import { formatMoneyInput } from '../../money'
import { useBillingContext } from '../../provider/context'
import {
  Button,
  checkMoneyText,
  Dialog,
  DialogClose,
  ErrorState,
  LoadingState,
  useAnnounce,
  useControllableState,
  useReturnFocus,
} from '../../ui'
import { AddFundsFields, type AddFundsFailure, type AddFundsPhase } from './AddFundsFields'
import { preferredCard } from './CardChoice'
import { focusWalletAction } from './focus'
import { useTopUpIntent } from './useTopUpIntent'
import { topUpPresets } from './walletMath'
import { walletText } from './messages'

export interface AddFundsDialogProps {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  /** Element that opens the dialog, e.g. a host's own "Add funds" button. */
  trigger?: ReactNode
  /** After the money is in the wallet, with the ledger entry and the new wallet. */
  onSuccess?: (result: AddFundsResult) => void
  /** "Add a card" when there is none; the dialog closes first so the host can open its own. */
  onAddPaymentMethod?: () => void
}

const returnToAddFunds = () => focusWalletAction(['wallet-add-funds'])

/** Outcomes after which the same key would only replay the refusal: nothing was charged. */
function chargedNothing(error: BillingError): boolean {
  return error.code === 'card_declined' || error.code === 'validation' || error.code === 'forbidden'
}

/**
 * "Add funds": a preset or typed amount, a card, a summary of the charge, then one charge per
 * intent. What was typed and chosen lives here, outside the dialog's content, so closing after
 * a failure and coming back keeps it, together with the same idempotency key.
 */
export function AddFundsDialog({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  onSuccess,
  onAddPaymentMethod,
}: AddFundsDialogProps) {
  const i18n = useBillingI18n()
  const { messages, intlLocale } = i18n
  const m = walletText(i18n).addFunds
  const { loadStripe } = useBillingContext()
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange)
  const wallet = useWallet()
  const methods = usePaymentMethods()
  const addFunds = useAddFunds()
  const announce = useAnnounce()
  const intent = useTopUpIntent()
  const returnFocus = useReturnFocus(open, returnToAddFunds)
  const formId = `bp-add-funds${useId().replace(/:/g, '')}`

  // null: nothing typed or chosen yet, so the suggested amount and the default card apply.
  const [amountText, setAmountText] = useState<string | null>(null)
  const [cardId, setCardId] = useState<string | null>(null)
  const [showErrors, setShowErrors] = useState(false)
  const [failure, setFailure] = useState<AddFundsFailure | null>(null)
  const [phase, setPhase] = useState<AddFundsPhase>('idle')
  // A ref as well as state: a second click can arrive before React re-renders the button.
  const inFlight = useRef(false)
  const pending = phase !== 'idle'

  const data = wallet.data
  const cards = methods.data
  const currency = data?.currency ?? 'USD'
  const presets = data ? topUpPresets(data) : []
  const suggested = presets[1] ?? presets[0]
  const text = amountText ?? (suggested !== undefined ? formatMoneyInput(suggested, currency, intlLocale) : '')
  const limits = { locale: intlLocale, currency, min: data?.topUp.min.amount, max: data?.topUp.max.amount }
  const checked = checkMoneyText(text, limits)
  const card = cards ? (cards.find((c) => c.id === cardId) ?? preferredCard(cards)) : null

  // A changed amount or card is a new attempt: the last one's error no longer applies.
  const changeAmount = (next: string) => {
    setAmountText(next)
    setFailure(null)
  }
  const changeCard = (id: string) => {
    setCardId(id)
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
    if (inFlight.current || !data || !card) return
    if (!checked.ok) {
      setShowErrors(true)
      return
    }
    const input: AddFundsInput = {
      amount: { amount: checked.amount, currency: data.currency },
      paymentMethodId: card.id,
      idempotencyKey: intent.keyFor(checked.amount, card.id),
    }
    inFlight.current = true
    setFailure(null)
    setPhase('charging')
    try {
      let result: AddFundsResult
      try {
        result = await addFunds.mutateAsync(input)
      } catch (thrown) {
        const error = toBillingError(thrown)
        if (error.code !== 'requires_action' || !error.clientSecret) throw error
        setPhase('authenticating')
        if (!(await authenticate(error.clientSecret))) {
          // The bank said no: nothing was charged, so the next attempt is a new intent.
          intent.complete()
          setFailure({ kind: 'auth_failed' })
          return
        }
        setPhase('charging')
        // Same key: the adapter completes the payment the bank just confirmed.
        result = await addFunds.mutateAsync(input)
      }
      intent.complete()
      setAmountText(null)
      setShowErrors(false)
      // A payment the processor is still confirming (some banks and methods take a while) adds
      // nothing yet: say so, rather than announce a balance that has not moved.
      announce(
        result.entry.status === 'pending'
          ? i18n.t(m.processing, { amount: i18n.formatMoney(input.amount) })
          : i18n.t(m.success, {
              amount: i18n.formatMoney(input.amount),
              balance: i18n.formatMoney(result.wallet.balance),
            }),
      )
      setOpen(false)
      onSuccess?.(result)
    } catch (thrown) {
      const error = toBillingError(thrown)
      if (chargedNothing(error)) intent.complete()
      setFailure({ kind: 'error', error })
    } finally {
      inFlight.current = false
      setPhase('idle')
    }
  }

  let body: ReactNode
  if (wallet.isError || methods.isError) {
    const failed = wallet.isError ? wallet : methods
    body = <ErrorState error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
  } else if (!data || !cards) {
    body = <LoadingState rows={3} label={walletText(i18n).loading} />
  } else {
    body = (
      <AddFundsFields
        formId={formId}
        wallet={data}
        cards={cards}
        card={card}
        onCardChange={changeCard}
        presets={presets}
        amountText={text}
        onAmountChange={changeAmount}
        checked={checked}
        showErrors={showErrors}
        failure={failure}
        phase={phase}
        onSubmit={submit}
        onAddPaymentMethod={
          onAddPaymentMethod
            ? () => {
                setOpen(false)
                onAddPaymentMethod()
              }
            : undefined
        }
      />
    )
  }

  const payLabel =
    checked.ok && data
      ? i18n.t(m.submit, { amount: i18n.formatMoney({ amount: checked.amount, currency }) })
      : m.submitNoAmount
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={m.title}
      description={m.description}
      dismissible={!pending}
      className="bp-add-funds-dialog"
      onCloseAutoFocus={returnFocus}
      data-slot="add-funds-dialog"
      footer={
        <>
          <DialogClose asChild>
            <Button variant="ghost" disabled={pending}>
              {messages.ui.cancel}
            </Button>
          </DialogClose>
          {data && card && (
            <Button
              type="submit"
              form={formId}
              variant="primary"
              pending={pending}
              pendingLabel={phase === 'authenticating' ? m.authenticating : m.pending}
              data-slot="add-funds-submit"
            >
              {payLabel}
            </Button>
          )}
        </>
      }
    >
      {body}
    </Dialog>
  )
}
