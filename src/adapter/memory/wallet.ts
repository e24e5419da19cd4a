import {
  MAX_CONSECUTIVE_FAILURES,
  monthOf,
  exceedsMonthlyCap,
  rechargeAmount,
  takeFromCredits,
} from '../../rules/wallet'
import type { LedgerEntry, PaymentMethod, Wallet, WalletCredit } from '../types'
import { chargeCard } from './cards'
import { iso } from './clock'
import type { Ledger } from './ledger'
import type { MemoryState, WalletState } from './state'
import type { BillingLocale } from '../../i18n/locales'
import { text } from './text'

/** chargedThisMonth counts the current calendar month only. */
export function rollMonth(wallet: WalletState, now: Date): void {
  const key = monthOf(now)
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
 * Takes a cost from complimentary credits first, soonest to expire first (grants without
 * expiry last), and the rest from the paid balance, which may go below zero: usage already
 * happened and is billed in arrears.
 */
export function spend(wallet: WalletState, cost: number, now: Date): { fromCredits: number; fromBalance: number } {
  const order = wallet.credits
    .filter((credit) => usable(credit, now))
    .sort(
      (a, b) =>
        (a.expiresAt === null ? Infinity : Date.parse(a.expiresAt)) -
        (b.expiresAt === null ? Infinity : Date.parse(b.expiresAt)),
    )
  const { takes, fromBalance } = takeFromCredits(
    cost,
    order.map((credit) => credit.remaining.amount),
  )
  order.forEach((credit, i) => {
    credit.remaining.amount -= takes[i]
  })
  wallet.balance -= fromBalance
  return { fromCredits: cost - fromBalance, fromBalance }
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
  locale: BillingLocale
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
  const amount = rechargeAmount({ mode: ar.mode, amount: ar.amount.amount }, wallet.balance)
  if (amount <= 0) return null
  const money = { amount, currency: wallet.currency }
  if (exceedsMonthlyCap(ar.monthlyCap?.amount ?? null, ar.chargedThisMonth.amount, amount)) {
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
