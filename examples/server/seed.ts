/**
 * Fills a sub-account with the memory adapter's demo data, read through its public contract (so
 * the two demos always match) and written through the store: the wallet history becomes ledger
 * entries whose deltas add up to the seeded balance.
 */
import { createMemoryAdapter } from '../../src/adapter/memory'
import { text } from '../../src/adapter/memory/text'
import type { LedgerEntry } from '../../src/adapter/types'
import type { BillingLocale } from '../../src/i18n/locales'
import type { NewLedgerRecord } from '../../src/server/store/records'
import { profileRecord } from '../../src/server/service/profile'
import type { BillingStore } from '../../src/server/store/repository'

export interface SeedAccountOptions {
  accountId: string
  /** Wallet and price currency; default "USD". */
  currency?: string
  /** Language of seeded names and descriptions, and the account's locale; default "es". */
  locale?: BillingLocale
  /** Deterministic variation; default 1. */
  seed?: number
  /** The moment the data is seeded around; default now. */
  now?: Date
  /** Ledger entries to seed; default the memory adapter's (about 18 months). */
  ledgerSize?: number
  /** Only the account: no cards, subscriptions, profile or history, and a zero balance. */
  empty?: boolean
}

const WALLET_TYPES = new Set(['top_up', 'auto_recharge', 'usage', 'adjustment'])

/** Creates and seeds the account unless it exists (safe when several instances start at once). Returns whether it did. */
export async function seedAccount(store: BillingStore, options: SeedAccountOptions): Promise<boolean> {
  const { accountId } = options
  if (await store.read.account(accountId)) return false
  const anchor = options.now ?? new Date()
  const locale = options.locale ?? 'es'
  const memory = createMemoryAdapter({
    seed: options.seed ?? 1,
    now: () => anchor,
    currency: options.currency ?? 'USD',
    locale,
    ledgerSize: options.ledgerSize,
    empty: options.empty ?? false,
  })
  const [profile, subscriptions, cards, wallet] = await Promise.all([
    memory.getBillingProfile(),
    memory.listSubscriptions(),
    memory.listPaymentMethods(),
    memory.getWallet(),
  ])
  const entries: LedgerEntry[] = []
  for (let cursor: string | null = null; ; ) {
    const page = await memory.listLedger({ cursor, limit: 200 })
    entries.push(...page.entries)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  entries.reverse()
  const platform = subscriptions.filter((s) => s.kind === 'platform' && s.planId)
  const plans = platform.length > 0 ? await memory.listPlans(platform[0].id) : []
  const currency = wallet.currency
  const at = anchor.toISOString()
  const ago = (ms: number) => new Date(anchor.getTime() - ms).toISOString()

  return store.transaction(async (tx) => {
    const created = await tx.insertAccount({
      id: accountId,
      currency,
      locale,
      topUpMin: wallet.topUp.min.amount,
      topUpMax: wallet.topUp.max.amount,
      topUpPresets: wallet.topUp.presets.map((p) => p.amount),
      createdAt: at,
    })
    // Another instance seeded it first; this transaction holds nothing of ours.
    if (!created) return false
    await tx.lockWallet(accountId)
    if (profile) await tx.saveProfile(accountId, profileRecord(profile), at)
    for (const [i, c] of cards.entries()) {
      await tx.insertPaymentMethod(accountId, {
        id: c.id,
        providerId: null,
        type: c.type,
        brand: c.brand,
        last4: c.last4,
        expMonth: c.expMonth,
        expYear: c.expYear,
        wallet: c.wallet ?? null,
        bankName: c.bankName ?? null,
        holderName: c.holderName ?? null,
        isDefault: c.isDefault,
        createdAt: ago((cards.length - i) * 60_000),
      })
    }
    for (const [i, p] of plans.entries()) {
      await tx.insertPlan(accountId, {
        id: p.id,
        product: 'platform',
        name: p.name,
        description: p.description ?? null,
        priceAmount: p.price.amount,
        currency: p.price.currency,
        interval: p.interval,
        intervalCount: p.intervalCount,
        sort: i,
      })
    }
    for (const [i, s] of subscriptions.entries()) {
      await tx.saveSubscription(accountId, {
        id: s.id,
        kind: s.kind,
        product: s.kind === 'platform' ? 'platform' : null,
        planId: s.planId ?? null,
        name: s.name,
        description: s.description ?? null,
        status: s.status === 'unknown' ? (s.rawStatus ?? 'unknown') : s.status,
        priceAmount: s.price?.amount ?? null,
        currency: s.price?.currency ?? null,
        quantity: s.quantity,
        interval: s.interval ?? null,
        intervalCount: s.intervalCount,
        startDate: s.startDate ?? null,
        currentPeriodEnd: s.currentPeriodEnd ?? null,
        cancelAtPeriodEnd: s.cancelAtPeriodEnd,
        canceledAt: s.canceledAt ?? null,
        cancelReason: null,
        cancelComment: null,
        trialEnd: s.trialEnd ?? null,
        paymentMethodId: s.paymentMethodId ?? null,
        manageUrl: s.manageUrl ?? null,
        sort: i,
      })
    }
    for (const c of wallet.credits) {
      if (c.remaining.amount > 0) {
        await tx.insertCredit(accountId, {
          id: c.id,
          description: c.description ?? null,
          amount: c.remaining.amount,
          remaining: c.remaining.amount,
          grantedAt: c.grantedAt ?? at,
          expiresAt: c.expiresAt ?? null,
        })
      }
    }

    // Wallet deltas come from consecutive balances, so they add up to the seeded balance
    // whatever the history holds; what the oldest entry started from is an opening entry.
    const walletEntries = entries.filter((e) => e.balanceAfter && WALLET_TYPES.has(e.type))
    const first = walletEntries[0]
    const ownDelta = (e: LedgerEntry) => (e.status === 'succeeded' && e.amount ? e.amount.amount : 0)
    const opening = first ? (first.balanceAfter?.amount ?? 0) - ownDelta(first) : wallet.balance.amount
    const rows: NewLedgerRecord[] = []
    const base = {
      accountId,
      currency,
      usageUnit: null,
      usageQuantity: null,
      invoiceId: null,
      paymentMethodId: null,
      failureReason: null,
      idempotencyKey: null,
    }
    if (opening !== 0) {
      const openedAt = entries[0] ? new Date(Date.parse(entries[0].createdAt) - 60_000).toISOString() : at
      rows.push({
        ...base,
        id: 'txn_opening',
        createdAt: openedAt,
        type: 'adjustment',
        status: 'succeeded',
        description: text(locale).openingBalance,
        amount: opening,
        walletDelta: opening,
        balanceAfter: opening,
      })
    }
    let running = opening
    for (const e of entries) {
      let delta = 0
      if (e.balanceAfter && WALLET_TYPES.has(e.type) && e.status === 'succeeded') {
        delta = e.balanceAfter.amount - running
        running = e.balanceAfter.amount
      }
      if (e.invoice) {
        await tx.insertInvoice(accountId, {
          id: e.invoice.id,
          number: e.invoice.number,
          kind: e.type === 'subscription_charge' ? 'invoice' : 'receipt',
          createdAt: e.createdAt,
        })
      }
      rows.push({
        ...base,
        id: e.id,
        createdAt: new Date(e.createdAt).toISOString(),
        type: e.type,
        status: e.status === 'unknown' ? 'failed' : e.status,
        description: e.description,
        amount: e.amount?.amount ?? null,
        currency: e.amount?.currency ?? currency,
        walletDelta: delta,
        balanceAfter: e.balanceAfter?.amount ?? null,
        usageUnit: e.usage?.unit ?? null,
        usageQuantity: e.usage?.quantity ?? null,
        invoiceId: e.invoice?.id ?? null,
        paymentMethodId: e.paymentMethodId ?? null,
        failureReason: e.failureReason ?? null,
      })
    }
    if (running !== wallet.balance.amount) {
      const fix = wallet.balance.amount - running
      rows.push({
        ...base,
        id: 'txn_seed_adjustment',
        createdAt: at,
        type: 'adjustment',
        status: 'succeeded',
        description: text(locale).balanceAdjustment,
        amount: fix,
        walletDelta: fix,
        balanceAfter: wallet.balance.amount,
      })
    }
    await tx.importLedger(accountId, rows, at)
    const ar = wallet.autoRecharge
    await tx.saveAutoRecharge(
      accountId,
      {
        enabled: ar.enabled,
        threshold: ar.threshold.amount,
        mode: ar.mode,
        amount: ar.amount.amount,
        monthlyCap: ar.monthlyCap?.amount ?? null,
        consecutiveFailures: ar.consecutiveFailures,
        pausedReason: ar.paused?.reason ?? null,
        pausedSince: ar.paused?.since ?? null,
        chargedMonth: anchor.toISOString().slice(0, 7),
        chargedAmount: ar.chargedThisMonth.amount,
      },
      at,
    )
    if (ar.lastAttempt) {
      await tx.insertRechargeAttempt(accountId, {
        at: ar.lastAttempt.at,
        outcome: ar.lastAttempt.outcome,
        amount: ar.lastAttempt.amount.amount,
        declineCode: ar.lastAttempt.declineCode ?? null,
        entryId: null,
      })
    }
    return true
  })
}
