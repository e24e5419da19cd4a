'use client'
import { useState, type FormEvent, type ReactNode } from 'react'
import type { AddFundsResult } from '../../adapter/types'
import { useAddFunds } from '../../data'
import { useChargeWithAuthentication } from '../../data/useChargeWithAuthentication'
import { useBillingI18n } from '../../i18n'
import { formatMoneyInput } from '../../money'
import { checkMoneyText, type DialogOpenProps, FormDialog, useAnnounce } from '../../ui'
import { AddFundsFields } from './AddFundsFields'
import { preferredCard } from './CardChoice'
import { useWalletDialog } from './useWalletDialog'
import { topUpPresets } from './walletMath'
import { walletText } from './messages'

export interface AddFundsDialogProps extends DialogOpenProps {
  /** Element that opens the dialog, e.g. a host's own "Add funds" button. */
  trigger?: ReactNode
  /** After the money is in the wallet, with the ledger entry and the new wallet. */
  onSuccess?: (result: AddFundsResult) => void
  /** "Add a card" when there is none; the dialog closes first so the host can open its own. */
  onAddPaymentMethod?: () => void
}

const RETURN_TO = ['wallet-add-funds'] as const

/**
 * "Add funds": a preset or typed amount, a card, a summary of the charge, then one charge per
 * intent. What was typed and chosen lives here, outside the dialog's content, so closing after
 * a failure and coming back keeps it, together with the same idempotency key.
 */
export function AddFundsDialog({ trigger, onSuccess, ...options }: AddFundsDialogProps) {
  const i18n = useBillingI18n()
  const { intlLocale } = i18n
  const m = walletText(i18n).addFunds
  const dialog = useWalletDialog({ ...options, returnTo: RETURN_TO, loadingRows: 3 })
  const charge = useChargeWithAuthentication(useAddFunds().mutateAsync, 'topup')
  const announce = useAnnounce()

  // null: nothing typed or chosen yet, so the suggested amount and the default card apply.
  const [amountText, setAmountText] = useState<string | null>(null)
  const [cardId, setCardId] = useState<string | null>(null)
  const [showErrors, setShowErrors] = useState(false)

  const data = dialog.wallet
  const cards = dialog.cards
  const currency = data?.currency ?? 'USD'
  const presets = data ? topUpPresets(data) : []
  const suggested = presets[1] ?? presets[0]
  const text = amountText ?? (suggested !== undefined ? formatMoneyInput(suggested, currency, intlLocale) : '')
  const limits = { locale: intlLocale, currency, min: data?.topUp.min.amount, max: data?.topUp.max.amount }
  const checked = checkMoneyText(text, limits)
  const card = cards ? (cards.find((c) => c.id === cardId) ?? preferredCard(cards)) : null

  const changeAmount = (next: string) => {
    setAmountText(next)
    charge.clearFailure()
  }
  const changeCard = (id: string) => {
    setCardId(id)
    charge.clearFailure()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!data || !card) return
    if (!checked.ok) {
      setShowErrors(true)
      return
    }
    const amount = { amount: checked.amount, currency: data.currency }
    void charge.run(
      { amount, paymentMethodId: card.id },
      {
        onSuccess: (result) => {
          setAmountText(null)
          setShowErrors(false)
          // A payment the processor is still confirming (some banks and methods take a while) adds
          // nothing yet: say so, rather than announce a balance that has not moved.
          announce(
            result.entry.status === 'pending'
              ? i18n.t(m.processing, { amount: i18n.formatMoney(amount) })
              : i18n.t(m.success, {
                  amount: i18n.formatMoney(amount),
                  balance: i18n.formatMoney(result.wallet.balance),
                }),
          )
          dialog.setOpen(false)
          onSuccess?.(result)
        },
      },
    )
  }

  return (
    <FormDialog
      {...dialog.dialogProps}
      trigger={trigger}
      title={m.title}
      description={m.description}
      pending={charge.pending}
      className="bp-add-funds-dialog"
      data-slot="add-funds-dialog"
      action={
        data &&
        card && {
          label: checked.ok
            ? i18n.t(m.submit, { amount: i18n.formatMoney({ amount: checked.amount, currency }) })
            : m.submitNoAmount,
          pendingLabel: charge.phase === 'authenticating' ? m.authenticating : m.pending,
          'data-slot': 'add-funds-submit',
        }
      }
    >
      {dialog.unavailable ??
        (data && cards && (
          <AddFundsFields
            wallet={data}
            cards={cards}
            card={card}
            onCardChange={changeCard}
            presets={presets}
            amountText={text}
            onAmountChange={changeAmount}
            checked={checked}
            showErrors={showErrors}
            failure={charge.failure}
            phase={charge.phase}
            onSubmit={submit}
            addCard={dialog.addCard}
          />
        ))}
    </FormDialog>
  )
}
