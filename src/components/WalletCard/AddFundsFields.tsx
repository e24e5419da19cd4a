import { type ReactNode, useId, useRef, type FormEvent } from 'react'
import type { PaymentMethod, Wallet } from '../../adapter/types'
import type { ChargeFailure, ChargePhase } from '../../data/useChargeWithAuthentication'
import { useBillingI18n } from '../../i18n'
import { formatMoneyInput } from '../../money'
import { DialogForm, MoneyField, Notice, RadioCards, useErrorMessage, type MoneyCheckResult } from '../../ui'
import { CardChoice } from './CardChoice'
import { cardName } from './walletMath'
import { walletText } from './messages'

export interface AddFundsFieldsProps {
  wallet: Wallet
  cards: readonly PaymentMethod[]
  /** The card that will be charged, or null when there is none to charge. */
  card: PaymentMethod | null
  onCardChange: (id: string) => void
  presets: readonly number[]
  amountText: string
  onAmountChange: (text: string) => void
  checked: MoneyCheckResult
  showErrors: boolean
  failure: ChargeFailure | null
  phase: ChargePhase
  onSubmit: (event: FormEvent) => void
  /** "Add a card", when the host can add one. */
  addCard?: ReactNode
}

/** The add-funds form: amount (presets or typed), card, and what will be charged. */
export function AddFundsFields({
  wallet,
  cards,
  card,
  onCardChange,
  presets,
  amountText,
  onAmountChange,
  checked,
  showErrors,
  failure,
  phase,
  onSubmit,
  addCard,
}: AddFundsFieldsProps) {
  const i18n = useBillingI18n()
  const { messages, intlLocale } = i18n
  const m = walletText(i18n).addFunds
  const errorMessage = useErrorMessage()
  const id = useId().replace(/:/g, '')
  const presetsLabelId = `bp-add-funds-presets${id}`
  const amountRef = useRef<HTMLInputElement>(null)
  const summaryId = `bp-add-funds-summary${id}`
  const pending = phase !== 'idle'
  const { currency, topUp } = wallet
  const money = (amount: number) => i18n.formatMoney({ amount, currency })

  const serverAmount = failure?.kind === 'error' ? failure.error.fieldErrors?.amount : undefined
  const serverAmountError =
    serverAmount === 'below_min'
      ? i18n.t(messages.ui.money.belowMin, { min: i18n.formatMoney(topUp.min) })
      : serverAmount === 'above_max'
        ? i18n.t(messages.ui.money.aboveMax, { max: i18n.formatMoney(topUp.max) })
        : serverAmount
          ? m.serverAmount
          : undefined

  const failureText = failure ? (failure.kind === 'auth_failed' ? m.authFailed : errorMessage(failure.error)) : null

  return (
    <DialogForm
      onSubmit={(event) => {
        onSubmit(event)
        // After a refused submit the first invalid field takes focus.
        if (!checked.ok) amountRef.current?.focus()
      }}
      className="bp-add-funds-form"
      data-slot="add-funds-form"
      aria-describedby={checked.ok && card ? summaryId : undefined}
    >
      {failureText && (
        <Notice tone="danger" title={m.errorTitle} data-slot="add-funds-error">
          {failureText}
        </Notice>
      )}
      {phase === 'authenticating' && <Notice tone="info">{m.authenticating}</Notice>}

      {presets.length > 0 && (
        <div className="bp-add-funds-presets">
          <p id={presetsLabelId} className="bp-wallet-label">
            {m.presets}
          </p>
          <RadioCards
            aria-labelledby={presetsLabelId}
            layout="grid"
            disabled={pending}
            value={checked.ok && presets.includes(checked.amount) ? String(checked.amount) : ''}
            onValueChange={(value) => onAmountChange(formatMoneyInput(Number(value), currency, intlLocale))}
            options={presets.map((amount) => ({ value: String(amount), label: money(amount) }))}
          />
        </div>
      )}

      <MoneyField
        ref={amountRef}
        label={m.amount}
        description={i18n.t(m.amountHint, { min: i18n.formatMoney(topUp.min), max: i18n.formatMoney(topUp.max) })}
        value={amountText}
        onValueChange={(text) => onAmountChange(text)}
        currency={currency}
        min={topUp.min.amount}
        max={topUp.max.amount}
        required
        showError={showErrors}
        error={serverAmountError}
        readOnly={pending}
        className="bp-add-funds-amount"
      />

      {cards.length > 0 && (
        <CardChoice methods={cards} value={card?.id ?? null} onValueChange={onCardChange} disabled={pending} />
      )}
      {!card && (
        <Notice tone="warning" title={m.noCardTitle} data-slot="add-funds-no-card" action={addCard}>
          {m.noCard}
        </Notice>
      )}

      {checked.ok && card && (
        <div id={summaryId} className="bp-add-funds-summary" data-slot="add-funds-summary">
          <p className="bp-add-funds-summary-charge">
            {i18n.t(m.summary, { amount: money(checked.amount), card: cardName(card, i18n) })}
          </p>
          <p className="bp-add-funds-summary-balance">
            {i18n.t(m.summaryBalance, { balance: money(wallet.balance.amount + checked.amount) })}
          </p>
        </div>
      )}
    </DialogForm>
  )
}
