/** The wallet as the panel shows it: paid balance (kept as state), live credits, limits and auto-recharge. */
import type { AutoRechargeState, Money, Wallet } from '../../adapter/types'
import type { AccountRecord, AutoRechargeRecord, WalletRecord } from '../store/records'
import type { StoreReads } from '../store/repository'
import { iso } from './context'

export function monthBounds(at: Date): [string, string] {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))
  return [iso(start), iso(end)]
}

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
    }
  )
}

export async function chargedThisMonth(reads: StoreReads, accountId: string, at: Date): Promise<number> {
  const [from, to] = monthBounds(at)
  return reads.autoRechargeChargedBetween(accountId, from, to)
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
  const [credits, stored, last, charged] = await Promise.all([
    reads.credits(account.id, iso(at)),
    reads.autoRecharge(account.id),
    reads.lastRechargeAttempt(account.id),
    chargedThisMonth(reads, account.id, at),
  ])
  const r = rechargeSettings(account, stored)
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
  }
}
