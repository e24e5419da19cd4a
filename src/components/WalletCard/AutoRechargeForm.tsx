import { type ReactNode, useId, type FormEvent } from 'react'
import type { BillingError } from '../../adapter/errors'
import type { PaymentMethod, Wallet } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { checkMoneyText, DialogForm, Field, MoneyField, Notice, RadioCards, Switch, useErrorMessage } from '../../ui'
import { serverFieldErrors, type AutoRechargeDraft, type DraftCheck } from './autoRechargeDraft'
import { autoRechargeSummary } from './autoRechargeSummary'
import { cardName, rechargeAmount } from './walletMath'
import { walletText } from './messages'

export interface AutoRechargeFormProps {
  wallet: Wallet
  /** The card auto-recharge charges (the default card), or null when there is none. */
  card: PaymentMethod | null
  draft: AutoRechargeDraft
  onDraftChange: (draft: AutoRechargeDraft) => void
  check: DraftCheck | null
  showErrors: boolean
  failure: BillingError | null
  pending: boolean
  onSubmit: (event: FormEvent) => void
  /** "Add a card", when the host can add one. */
  addCard?: ReactNode
}

/** On/off, threshold, fixed amount or target balance, and an optional monthly cap. */
export function AutoRechargeForm({
  wallet,
  card,
  draft,
  onDraftChange,
  check,
  showErrors,
  failure,
  pending,
  onSubmit,
  addCard,
}: AutoRechargeFormProps) {
  const i18n = useBillingI18n()
  const { intlLocale } = i18n
  const m = walletText(i18n).autoRecharge
  const f = m.form
  const errorMessage = useErrorMessage()
  const summaryId = `bp-auto-recharge-summary${useId().replace(/:/g, '')}`
  const { currency } = wallet
  const money = (amount: number) => i18n.formatMoney({ amount, currency })
  const set = <K extends keyof AutoRechargeDraft>(key: K, value: AutoRechargeDraft[K]) =>
    onDraftChange({ ...draft, [key]: value })

  const local = showErrors && check && !check.ok ? check.errors : {}
  const server = serverFieldErrors(failure?.fieldErrors, draft, wallet, i18n)
  const errors = { ...local, ...server }
  const cardText = card ? cardName(card, i18n) : m.yourDefaultCard

  // Saving with the balance already at or under the new threshold recharges at once: say so first.
  let chargeNow: number | null = null
  if (draft.enabled && card && check?.ok && check.settings.enabled) {
    const { settings } = check
    const amount = rechargeAmount(settings, wallet.balance.amount)
    const charged = wallet.autoRecharge.chargedThisMonth.amount
    const underCap = settings.monthlyCap === null || charged + amount <= settings.monthlyCap.amount
    if (wallet.balance.amount <= settings.threshold.amount && amount > 0 && underCap) chargeNow = amount
  }
  const threshold = checkMoneyText(draft.threshold, { locale: intlLocale, currency })

  return (
    <DialogForm
      onSubmit={(event) => {
        const form = event.currentTarget
        onSubmit(event)
        // Move to the first field that needs fixing, once its message has rendered.
        requestAnimationFrame(() => {
          form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
        })
      }}
      className="bp-auto-recharge-form"
      data-slot="auto-recharge-form"
      data-state={draft.enabled ? 'on' : 'off'}
    >
      {failure && (
        <Notice tone="danger" title={f.errorTitle} data-slot="auto-recharge-error">
          {errorMessage(failure)}
        </Notice>
      )}

      <Switch
        label={f.enabled}
        description={card ? i18n.t(f.enabledHint, { card: cardText }) : undefined}
        checked={draft.enabled}
        onCheckedChange={(enabled) => set('enabled', enabled)}
        disabled={pending}
      />

      {draft.enabled && !card && (
        <Notice tone="warning" title={f.noCardTitle} data-slot="auto-recharge-no-card" action={addCard}>
          {f.noCard}
        </Notice>
      )}

      {draft.enabled && (
        <div className="bp-auto-recharge-fields">
          <MoneyField
            label={f.threshold}
            value={draft.threshold}
            onValueChange={(text) => set('threshold', text)}
            currency={currency}
            required
            showError={showErrors}
            error={errors.threshold}
            readOnly={pending}
          />
          <Field label={f.mode}>
            <RadioCards
              layout="list"
              value={draft.mode}
              onValueChange={(mode) => set('mode', mode === 'target' ? 'target' : 'fixed')}
              disabled={pending}
              options={[
                { value: 'fixed', label: f.modeFixed, description: f.modeFixedHint },
                { value: 'target', label: f.modeTarget, description: f.modeTargetHint },
              ]}
            />
          </Field>
          <MoneyField
            label={draft.mode === 'target' ? f.amountTarget : f.amountFixed}
            value={draft.amount}
            onValueChange={(text) => set('amount', text)}
            currency={currency}
            required
            showError={showErrors}
            error={errors.amount}
            readOnly={pending}
          />
          <Switch
            label={f.capEnabled}
            checked={draft.capEnabled}
            onCheckedChange={(capEnabled) => set('capEnabled', capEnabled)}
            disabled={pending}
          />
          {draft.capEnabled && (
            <MoneyField
              label={f.cap}
              description={i18n.t(f.capHint, { amount: i18n.formatMoney(wallet.autoRecharge.chargedThisMonth) })}
              value={draft.cap}
              onValueChange={(text) => set('cap', text)}
              currency={currency}
              required
              showError={showErrors}
              error={errors.monthlyCap}
              readOnly={pending}
            />
          )}
        </div>
      )}

      {chargeNow !== null && threshold.ok && (
        <Notice tone="warning" data-slot="auto-recharge-charge-now">
          {i18n.t(f.chargeNow, {
            balance: i18n.formatMoney(wallet.balance),
            threshold: money(threshold.amount),
            amount: money(chargeNow),
            card: cardText,
          })}
        </Notice>
      )}

      {draft.enabled && check?.ok && card && (
        <p id={summaryId} className="bp-auto-recharge-preview" data-slot="auto-recharge-preview">
          {autoRechargeSummary(check.settings, card, i18n)}
        </p>
      )}
    </DialogForm>
  )
}
