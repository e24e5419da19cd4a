import type { FieldErrors } from '../errors'
import type {
  AutoRechargeSettings,
  LedgerEntry,
  Money,
  PaymentMethod,
  Wallet,
  WalletCredit,
  WalletNotifications,
} from '../types'
import { chargeCard } from './cards'
import { iso, monthKey } from './clock'
import type { Ledger } from './ledger'
import type { MemoryState, WalletState } from './state'
import { type SeedLocale, text } from './text'

/** After this many declines in a row auto-recharge stops trying until something changes. */
export const MAX_CONSECUTIVE_FAILURES = 3

/** chargedThisMonth counts the current calendar month only. */
export function rollMonth(wallet: WalletState, now: Date): void {
  const key = monthKey(now)
  if (wallet.chargedMonth !== key) {
    wallet.chargedMonth = key
    wallet.autoRecharge.chargedThisMonth = { amount: 0, currency: wallet.currency }
  }
}

function usable(credit: WalletCredit, now: Date): boolean {
  return credit.remaining.amount > 0 && (credit.expiresAt === null || Date.parse(credit.expiresAt) > now.getTime())
}

/** The wallet as callers see it: used-up and expired credits are gone. */
export function walletView(wallet: WalletState, now: Date): Wallet {
  rollMonth(wallet, now)
  return structuredClone({
    currency: wallet.currency,
    balance: { amount: wallet.balance, currency: wallet.currency },
    credits: wallet.credits.filter((credit) => usable(credit, now)),
    topUp: wallet.topUp,
    autoRecharge: wallet.autoRecharge,
    notifications: wallet.notifications ?? { lowBalanceEmail: null, receipts: false },
  })
}

/**
 * What is wrong with wallet email settings, by field (one rule for the memory adapter and the
 * server): a threshold is a whole, non-negative amount in the wallet currency; receipts need a
 * billing profile to have somewhere to go.
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
 * Takes a cost from complimentary credits first, soonest to expire first (grants without
 * expiry last), and the rest from the paid balance, which may go below zero: usage already
 * happened and is billed in arrears.
 */
export function spend(wallet: WalletState, cost: number, now: Date): { fromCredits: number; fromBalance: number } {
  let left = cost
  const order = wallet.credits
    .filter((credit) => usable(credit, now))
    .sort(
      (a, b) =>
        (a.expiresAt === null ? Infinity : Date.parse(a.expiresAt)) -
        (b.expiresAt === null ? Infinity : Date.parse(b.expiresAt)),
    )
  for (const credit of order) {
    if (left === 0) break
    const take = Math.min(left, credit.remaining.amount)
    credit.remaining.amount -= take
    left -= take
  }
  wallet.balance -= left
  return { fromCredits: cost - left, fromBalance: left }
}

function isMinorAmount(money: Money | null | undefined, currency: string): money is Money {
  return !!money && Number.isSafeInteger(money.amount) && money.currency === currency
}

export function topUpErrors(wallet: WalletState, amount: Money | null | undefined): FieldErrors | null {
  if (!isMinorAmount(amount, wallet.currency) || amount.amount <= 0) return { amount: 'invalid' }
  if (amount.amount < wallet.topUp.min.amount) return { amount: 'below_min' }
  if (amount.amount > wallet.topUp.max.amount) return { amount: 'above_max' }
  return null
}

/** The smallest single recharge these settings can make, for checking the monthly cap. */
function smallestRecharge(settings: AutoRechargeSettings): number {
  return settings.mode === 'fixed' ? settings.amount.amount : settings.amount.amount - settings.threshold.amount
}

export function autoRechargeErrors(wallet: WalletState, settings: AutoRechargeSettings): FieldErrors | null {
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

/** Saving settings or changing the default card gives a paused auto-recharge a fresh start. */
export function rearm(wallet: WalletState): void {
  wallet.autoRecharge.paused = null
  wallet.autoRecharge.consecutiveFailures = 0
}

export interface RechargeContext {
  state: MemoryState
  ledger: Ledger
  now: Date
  locale: SeedLocale
}

function defaultCard(state: MemoryState): PaymentMethod | undefined {
  return state.paymentMethods.find((card) => card.isDefault)
}

/**
 * Charges the default card once when the paid balance is at or below the threshold.
 * A charge that would pass the monthly cap is skipped whole (lastAttempt `skipped_cap`):
 * a partial charge could fall below the minimum top-up, and the cap must never be passed.
 * One charge per trigger, even if the balance stays low: the next usage triggers again.
 */
export function runAutoRecharge({ state, ledger, now, locale }: RechargeContext): LedgerEntry | null {
  const wallet = state.wallet
  const ar = wallet.autoRecharge
  if (!ar.enabled || ar.paused || wallet.balance > ar.threshold.amount) return null
  rollMonth(wallet, now)
  const card = defaultCard(state)
  const at = iso(now)
  if (!card) {
    ar.paused = { reason: 'no_payment_method', since: at }
    return null
  }
  const amount = ar.mode === 'fixed' ? ar.amount.amount : ar.amount.amount - wallet.balance
  if (amount <= 0) return null
  const money = { amount, currency: wallet.currency }
  if (ar.monthlyCap !== null && ar.chargedThisMonth.amount + amount > ar.monthlyCap.amount) {
    ar.lastAttempt = { at, outcome: 'skipped_cap', amount: money, declineCode: null }
    return null
  }
  const outcome = chargeCard(card, now, 'off')
  const description = text(locale).autoRecharge
  if (!outcome.ok) {
    const declineCode = 'declineCode' in outcome ? outcome.declineCode : 'authentication_required'
    ar.consecutiveFailures += 1
    ar.lastAttempt = { at, outcome: 'failed', amount: money, declineCode }
    if (ar.consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) ar.paused = { reason: 'card_declined', since: at }
    return ledger.append(
      {
        createdAt: at,
        type: 'auto_recharge',
        status: 'failed',
        description,
        amount: money,
        balanceAfter: { amount: wallet.balance, currency: wallet.currency },
        usage: null,
        paymentMethodId: card.id,
        failureReason: declineCode,
      },
      state.invoiceCounter,
    )
  }
  wallet.balance += amount
  ar.chargedThisMonth = { amount: ar.chargedThisMonth.amount + amount, currency: wallet.currency }
  ar.lastAttempt = { at, outcome: 'succeeded', amount: money, declineCode: null }
  rearm(wallet)
  return ledger.append(
    {
      createdAt: at,
      type: 'auto_recharge',
      status: 'succeeded',
      description,
      amount: money,
      balanceAfter: { amount: wallet.balance, currency: wallet.currency },
      usage: null,
      paymentMethodId: card.id,
      failureReason: null,
    },
    state.invoiceCounter,
  )
}
