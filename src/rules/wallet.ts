/**
 * The wallet's rules, one copy for the memory adapter and the shipped service: what a top-up,
 * auto-recharge settings and the wallet's emails may be, what one recharge charges, and how a
 * cost is taken from credits before the paid balance. Pure functions over plain numbers; each
 * side keeps its own state (memory objects, store rows).
 */
import type { FieldErrors } from '../adapter/errors'
import type { AutoRechargeSettings, Money, TopUpLimits, WalletNotifications } from '../adapter/types'

/** After this many declines in a row auto-recharge stops trying until something changes. */
export const MAX_CONSECUTIVE_FAILURES = 3

/** What the wallet's checks read: its currency and the top-up limits. */
export interface WalletLimits {
  currency: string
  topUp: Pick<TopUpLimits, 'min' | 'max'>
}

/** The calendar month (UTC) a charge counts against the monthly cap, e.g. "2026-12". */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7)
}

function isMinorAmount(money: Money | null | undefined, currency: string): money is Money {
  return !!money && Number.isSafeInteger(money.amount) && money.currency === currency
}

export function topUpErrors(wallet: WalletLimits, amount: Money | null | undefined): FieldErrors | null {
  if (!isMinorAmount(amount, wallet.currency) || amount.amount <= 0) return { amount: 'invalid' }
  if (amount.amount < wallet.topUp.min.amount) return { amount: 'below_min' }
  if (amount.amount > wallet.topUp.max.amount) return { amount: 'above_max' }
  return null
}

/** The smallest single recharge these settings can make, for checking the monthly cap. */
function smallestRecharge(settings: AutoRechargeSettings): number {
  return settings.mode === 'fixed' ? settings.amount.amount : settings.amount.amount - settings.threshold.amount
}

export function autoRechargeErrors(wallet: WalletLimits, settings: AutoRechargeSettings): FieldErrors | null {
  const errors: FieldErrors = {}
  const currency = wallet.currency
  if (settings.mode !== 'fixed' && settings.mode !== 'target') errors.mode = 'invalid'
  if (!isMinorAmount(settings.threshold, currency) || settings.threshold.amount < 0) errors.threshold = 'invalid'
  if (!isMinorAmount(settings.amount, currency)) errors.amount = 'invalid'
  else if (settings.mode === 'fixed' && settings.amount.amount < wallet.topUp.min.amount) errors.amount = 'below_min'
  else if (settings.mode === 'fixed' && settings.amount.amount > wallet.topUp.max.amount) errors.amount = 'above_max'
  else if (settings.mode === 'target' && !errors.threshold && settings.amount.amount <= settings.threshold.amount) {
    errors.amount = 'not_above_threshold'
  }
  if (settings.monthlyCap !== null) {
    if (!isMinorAmount(settings.monthlyCap, currency) || settings.monthlyCap.amount < 0) errors.monthlyCap = 'invalid'
    else if (!errors.amount && !errors.threshold && settings.monthlyCap.amount < smallestRecharge(settings)) {
      errors.monthlyCap = 'below_amount'
    }
  }
  return Object.keys(errors).length > 0 ? errors : null
}

/**
 * What is wrong with wallet email settings, by field: a threshold is a whole, non-negative
 * amount in the wallet currency; receipts need a billing profile to have somewhere to go.
 */
export function notificationErrors(
  currency: string,
  input: WalletNotifications,
  hasBillingEmail: boolean,
): FieldErrors | null {
  const errors: FieldErrors = {}
  const t = input?.lowBalanceEmail
  if (t !== null && (typeof t !== 'object' || !Number.isSafeInteger(t?.amount) || t.amount < 0)) {
    errors.lowBalanceEmail = 'invalid'
  } else if (t && t.currency !== currency) errors.lowBalanceEmail = 'invalid'
  if (typeof input?.receipts !== 'boolean') errors.receipts = 'invalid'
  else if ((input.receipts || t) && !hasBillingEmail) errors.receipts = 'needs_billing_email'
  return Object.keys(errors).length > 0 ? errors : null
}

/**
 * What one recharge charges at this paid balance (minor units): `fixed` adds the amount,
 * `target` tops the balance back up to it. Zero or less means nothing to charge.
 */
export function rechargeAmount(settings: { mode: AutoRechargeSettings['mode']; amount: number }, balance: number) {
  return settings.mode === 'fixed' ? settings.amount : settings.amount - balance
}

/** A recharge that would pass the monthly cap is skipped whole: a partial one could fall below the minimum top-up. */
export function exceedsMonthlyCap(monthlyCap: number | null, chargedThisMonth: number, amount: number): boolean {
  return monthlyCap !== null && chargedThisMonth + amount > monthlyCap
}

/**
 * Splits a cost over credits already in spending order (soonest to expire first): what each
 * gives, and the rest, taken from the paid balance (which may go below zero: usage already
 * happened and is billed in arrears).
 */
export function takeFromCredits(cost: number, remaining: readonly number[]): { takes: number[]; fromBalance: number } {
  let left = cost
  const takes = remaining.map((available) => {
    const take = Math.min(left, Math.max(0, available))
    left -= take
    return take
  })
  return { takes, fromBalance: left }
}
