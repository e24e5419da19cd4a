import type { AutoRechargeMode, AutoRechargeSettings, Wallet } from '../../adapter/types'
import type { BillingI18n } from '../../i18n'
import { formatMoneyInput } from '../../money'
import { checkMoneyText, moneyErrorMessage } from '../../ui'
import { walletText } from './messages'

/** What the auto-recharge form holds: amounts as typed, so nothing is reformatted under the caret. */
export interface AutoRechargeDraft {
  enabled: boolean
  threshold: string
  mode: AutoRechargeMode
  amount: string
  capEnabled: boolean
  cap: string
}

export type AutoRechargeField = 'threshold' | 'amount' | 'monthlyCap'
export type AutoRechargeErrors = Partial<Record<AutoRechargeField, string>>

type DraftI18n = Pick<BillingI18n, 'messages' | 'slice' | 't' | 'formatMoney' | 'intlLocale'>

/**
 * The form's starting point: the saved settings, or, when auto-recharge was never set up,
 * amounts that pass validation (the smallest preset as the limit, the next one as the recharge).
 */
export function draftFromWallet(wallet: Wallet, presets: readonly number[], locale: string): AutoRechargeDraft {
  const ar = wallet.autoRecharge
  const text = (amount: number) => formatMoneyInput(amount, wallet.currency, locale)
  const neverSet = !ar.enabled && ar.amount.amount <= 0
  const min = wallet.topUp.min.amount
  const threshold = neverSet ? (presets[0] ?? min) : ar.threshold.amount
  const amount = neverSet ? Math.max(presets[1] ?? presets[0] ?? min, min) : ar.amount.amount
  return {
    enabled: ar.enabled,
    threshold: text(threshold),
    mode: ar.mode,
    amount: text(amount),
    capEnabled: ar.monthlyCap !== null,
    cap: ar.monthlyCap ? text(ar.monthlyCap.amount) : '',
  }
}

export type DraftCheck = { ok: true; settings: AutoRechargeSettings } | { ok: false; errors: AutoRechargeErrors }

/**
 * Checks a draft against the wallet's limits and turns it into settings. Turning auto-recharge
 * off saves the last saved amounts with `enabled: false`, whatever is in the hidden fields.
 */
export function checkDraft(draft: AutoRechargeDraft, wallet: Wallet, i18n: DraftI18n): DraftCheck {
  if (!draft.enabled) {
    const { threshold, mode, amount, monthlyCap } = wallet.autoRecharge
    return { ok: true, settings: { enabled: false, threshold, mode, amount, monthlyCap } }
  }
  const e = walletText(i18n).autoRecharge.errors
  const { currency } = wallet
  const min = wallet.topUp.min.amount
  const max = wallet.topUp.max.amount
  const limits = { locale: i18n.intlLocale, currency }
  const money = (amount: number) => i18n.formatMoney({ amount, currency })
  const errors: AutoRechargeErrors = {}

  const threshold = checkMoneyText(draft.threshold, limits)
  if (!threshold.ok) {
    errors.threshold =
      threshold.error === 'negative'
        ? e.thresholdNegative
        : moneyErrorMessage(threshold.error, i18n.messages.ui, limits)
  }

  const amount = checkMoneyText(draft.amount, limits)
  if (!amount.ok) {
    errors.amount = moneyErrorMessage(amount.error, i18n.messages.ui, limits)
  } else if (amount.amount < min) {
    errors.amount = i18n.t(e.amountBelowMin, { min: money(min) })
  } else if (draft.mode === 'fixed' && amount.amount > max) {
    errors.amount = i18n.t(e.amountAboveMax, { max: money(max) })
  } else if (draft.mode === 'target' && threshold.ok && amount.amount <= threshold.amount) {
    errors.amount = i18n.t(e.targetNotAboveThreshold, { threshold: money(threshold.amount) })
  }

  let monthlyCap: number | null = null
  if (draft.capEnabled) {
    const cap = checkMoneyText(draft.cap, limits)
    if (!cap.ok) {
      errors.monthlyCap = moneyErrorMessage(cap.error, i18n.messages.ui, limits)
    } else if (threshold.ok && amount.ok && !errors.amount) {
      // The smallest recharge these settings make; a cap below it would block every recharge.
      const smallest = draft.mode === 'fixed' ? amount.amount : amount.amount - threshold.amount
      if (cap.amount < smallest) errors.monthlyCap = i18n.t(e.capBelowRecharge, { amount: money(smallest) })
    }
    if (cap.ok) monthlyCap = cap.amount
  }

  if (!threshold.ok || !amount.ok || Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    settings: {
      enabled: true,
      threshold: { amount: threshold.amount, currency },
      mode: draft.mode,
      amount: { amount: amount.amount, currency },
      monthlyCap: monthlyCap === null ? null : { amount: monthlyCap, currency },
    },
  }
}

/** Server field codes (`below_min`, `not_above_threshold`…) as sentences on their fields. */
export function serverFieldErrors(
  fieldErrors: Record<string, string> | undefined,
  draft: AutoRechargeDraft,
  wallet: Wallet,
  i18n: DraftI18n,
): AutoRechargeErrors {
  if (!fieldErrors) return {}
  const e = walletText(i18n).autoRecharge.errors
  const money = (amount: number) => i18n.formatMoney({ amount, currency: wallet.currency })
  const threshold = checkMoneyText(draft.threshold, { locale: i18n.intlLocale, currency: wallet.currency })
  const out: AutoRechargeErrors = {}
  for (const field of ['threshold', 'amount', 'monthlyCap'] as const) {
    const code = fieldErrors[field]
    if (!code) continue
    if (code === 'below_min') out[field] = i18n.t(e.amountBelowMin, { min: money(wallet.topUp.min.amount) })
    else if (code === 'above_max') out[field] = i18n.t(e.amountAboveMax, { max: money(wallet.topUp.max.amount) })
    else if (code === 'not_above_threshold' && threshold.ok)
      out[field] = i18n.t(e.targetNotAboveThreshold, { threshold: money(threshold.amount) })
    else out[field] = e.server
  }
  return out
}
