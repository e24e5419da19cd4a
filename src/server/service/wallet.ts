/** The wallet as the panel shows it: paid balance (kept as state), live credits, limits and auto-recharge. */
import type { AutoRechargeState, Money, Wallet } from '../../adapter/types'
import type { AccountRecord, AutoRechargeRecord, WalletRecord } from '../store/records'
import type { StoreReads } from '../store/repository'
import { monthOf } from '../../rules/wallet'
import { type ServiceDeps, iso } from './context'

export function rechargeSettings(account: AccountRecord, stored: AutoRechargeRecord | undefined): AutoRechargeRecord {
  return (
    stored ?? {
      enabled: false,
      threshold: 0,
      mode: 'fixed',
      amount: account.topUpMin,
      monthlyCap: null,
      consecutiveFailures: 0,
      pausedReason: null,
      pausedSince: null,
      chargedMonth: null,
      chargedAmount: 0,
    }
  )
}

/** What auto-recharge has charged in `at`'s month: state kept with each recharge, never a sum over the ledger. */
export function chargedThisMonth(r: AutoRechargeRecord, at: Date): number {
  return r.chargedMonth === monthOf(at) ? r.chargedAmount : 0
}

/** Reads through `reads`: the store's (between requests) or a transaction's (inside one). */
export async function walletView(
  reads: StoreReads,
  account: AccountRecord,
  wallet: WalletRecord,
  at: Date,
): Promise<Wallet> {
  const currency = account.currency
  const m = (amount: number): Money => ({ amount, currency })
  // One after another: inside a transaction they share one connection.
  const credits = await reads.credits(account.id, iso(at))
  const r = rechargeSettings(account, await reads.autoRecharge(account.id))
  const last = await reads.lastRechargeAttempt(account.id)
  const charged = chargedThisMonth(r, at)
  const autoRecharge: AutoRechargeState = {
    enabled: r.enabled,
    threshold: m(r.threshold),
    mode: r.mode,
    amount: m(r.amount),
    monthlyCap: r.monthlyCap === null ? null : m(r.monthlyCap),
    paused: r.pausedReason
      ? { reason: r.pausedReason as 'card_declined' | 'no_payment_method', since: r.pausedSince ?? iso(at) }
      : null,
    consecutiveFailures: r.consecutiveFailures,
    lastAttempt: last
      ? { at: last.at, outcome: last.outcome, amount: m(last.amount), declineCode: last.declineCode }
      : null,
    chargedThisMonth: m(charged),
  }
  const alerts = await reads.walletAlerts(account.id)
  const profile = await reads.profile(account.id)
  return {
    currency,
    balance: m(wallet.balance),
    credits: credits.map((c) => ({
      id: c.id,
      description: c.description,
      remaining: m(c.remaining),
      grantedAt: c.grantedAt,
      expiresAt: c.expiresAt,
    })),
    topUp: { min: m(account.topUpMin), max: m(account.topUpMax), presets: account.topUpPresets.map(m) },
    autoRecharge,
    notifications: {
      lowBalanceEmail:
        alerts?.lowBalanceEmail && alerts.lowBalanceThreshold !== null ? m(alerts.lowBalanceThreshold) : null,
      receipts: profile?.walletReceipts === true,
    },
  }
}

/** The account's wallet as it stands now, read between requests (an empty wallet when none is stored yet). */
export async function currentWalletView(deps: ServiceDeps, account: AccountRecord): Promise<Wallet> {
  const wallet = await deps.store.read.wallet(account.id)
  return walletView(
    deps.store.read,
    account,
    wallet ?? { accountId: account.id, balance: 0, entryCount: 0, rechargeLease: null },
    deps.now(),
  )
}
