/**
 * Fills a sub-account with the same demo data as the memory adapter, read through the memory
 * adapter's public contract (so the two demos always match), and written as rows: the wallet
 * history becomes ledger entries whose wallet deltas add up to the seeded balance.
 */
import type Database from 'better-sqlite3'
import { createMemoryAdapter } from '../src/adapter/memory'
import type { LedgerEntry } from '../src/adapter/types'

export interface SeedAccountOptions {
  accountId: string
  /** Wallet and price currency; default "USD". */
  currency?: string
  /** Language of seeded names and descriptions; default "es". */
  locale?: 'es' | 'en'
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

/** Creates and seeds the account unless it already exists. Returns whether it did. */
export async function seedAccount(db: Database.Database, options: SeedAccountOptions): Promise<boolean> {
  const { accountId } = options
  if (db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId)) return false
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

  db.transaction(() => {
    db.prepare(
      'INSERT INTO accounts (id, currency, topup_min, topup_max, topup_presets, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      accountId,
      currency,
      wallet.topUp.min.amount,
      wallet.topUp.max.amount,
      JSON.stringify(wallet.topUp.presets.map((p) => p.amount)),
      locale,
      at,
    )
    if (profile) {
      db.prepare(
        `INSERT INTO billing_profiles (account_id, name, company, email, line1, line2, city, region, postal_code, country,
           tax_id_type, tax_id_value, wallet_receipts, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        accountId,
        profile.name,
        profile.company ?? null,
        profile.email,
        profile.address.line1,
        profile.address.line2 ?? null,
        profile.address.city,
        profile.address.region ?? null,
        profile.address.postalCode ?? null,
        profile.address.country,
        profile.taxId?.type ?? null,
        profile.taxId?.value ?? null,
        profile.walletReceipts ? 1 : 0,
        at,
      )
    }
    const insertCard = db.prepare(
      `INSERT INTO payment_methods (account_id, id, provider_id, type, brand, last4, exp_month, exp_year, wallet, bank_name, holder_name, is_default, created_at)
       VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const [i, c] of cards.entries()) {
      insertCard.run(
        accountId,
        c.id,
        c.type,
        c.brand,
        c.last4,
        c.expMonth,
        c.expYear,
        c.wallet ?? null,
        c.bankName ?? null,
        c.holderName ?? null,
        c.isDefault ? 1 : 0,
        ago((cards.length - i) * 60_000),
      )
    }
    const insertPlan = db.prepare(
      `INSERT INTO plans (account_id, id, product, name, description, price_amount, currency, interval, interval_count, sort)
       VALUES (?, ?, 'platform', ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const [i, p] of plans.entries()) {
      insertPlan.run(
        accountId,
        p.id,
        p.name,
        p.description ?? null,
        p.price.amount,
        p.price.currency,
        p.interval,
        p.intervalCount,
        i,
      )
    }
    const insertSub = db.prepare(
      `INSERT INTO subscriptions (account_id, id, kind, product, plan_id, name, description, status, price_amount, currency, quantity,
         interval, interval_count, start_date, current_period_end, cancel_at_period_end, canceled_at, trial_end, payment_method_id, manage_url, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const [i, s] of subscriptions.entries()) {
      insertSub.run(
        accountId,
        s.id,
        s.kind,
        s.kind === 'platform' ? 'platform' : null,
        s.planId ?? null,
        s.name,
        s.description ?? null,
        s.status === 'unknown' ? (s.rawStatus ?? 'unknown') : s.status,
        s.price?.amount ?? null,
        s.price?.currency ?? null,
        s.quantity,
        s.interval,
        s.intervalCount,
        s.startDate,
        s.currentPeriodEnd,
        s.cancelAtPeriodEnd ? 1 : 0,
        s.canceledAt ?? null,
        s.trialEnd ?? null,
        s.paymentMethodId,
        s.manageUrl ?? null,
        i,
      )
    }
    const insertCredit = db.prepare(
      'INSERT INTO wallet_credits (account_id, id, description, amount, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    for (const c of wallet.credits) {
      if (c.remaining.amount > 0)
        insertCredit.run(accountId, c.id, c.description ?? null, c.remaining.amount, c.grantedAt ?? at, c.expiresAt)
    }

    // Wallet deltas come from consecutive balances, so they add up to the seeded balance
    // whatever the history contains; what the oldest entry started from is an opening entry.
    const walletEntries = entries.filter((e) => e.balanceAfter && WALLET_TYPES.has(e.type))
    const first = walletEntries[0]
    const ownDelta = (e: LedgerEntry) => (e.status === 'succeeded' && e.amount ? e.amount.amount : 0)
    const opening = first ? (first.balanceAfter?.amount ?? 0) - ownDelta(first) : wallet.balance.amount
    const insertEntry = db.prepare(
      `INSERT INTO ledger_entries (account_id, id, created_at, type, status, description, amount, currency, wallet_delta, balance_after,
         usage_unit, usage_quantity, invoice_id, payment_method_id, failure_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertInvoice = db.prepare(
      'INSERT OR IGNORE INTO invoices (account_id, id, number, created_at) VALUES (?, ?, ?, ?)',
    )
    if (opening !== 0) {
      const openedAt = entries[0] ? new Date(Date.parse(entries[0].createdAt) - 60_000).toISOString() : at
      const description = locale === 'es' ? 'Saldo inicial' : 'Opening balance'
      insertEntry.run(
        accountId,
        'txn_opening',
        openedAt,
        'adjustment',
        'succeeded',
        description,
        opening,
        currency,
        opening,
        opening,
        null,
        null,
        null,
        null,
        null,
      )
    }
    let running = opening
    for (const e of entries) {
      let delta = 0
      if (e.balanceAfter && WALLET_TYPES.has(e.type) && e.status === 'succeeded') {
        delta = e.balanceAfter.amount - running
        running = e.balanceAfter.amount
      }
      if (e.invoice) insertInvoice.run(accountId, e.invoice.id, e.invoice.number, e.createdAt)
      insertEntry.run(
        accountId,
        e.id,
        new Date(e.createdAt).toISOString(),
        e.type,
        e.status,
        e.description,
        e.amount?.amount ?? null,
        e.amount?.currency ?? currency,
        delta,
        e.balanceAfter?.amount ?? null,
        e.usage?.unit ?? null,
        e.usage?.quantity ?? null,
        e.invoice?.id ?? null,
        e.paymentMethodId ?? null,
        e.failureReason ?? null,
      )
    }
    if (running !== wallet.balance.amount) {
      const fix = wallet.balance.amount - running
      insertEntry.run(
        accountId,
        'txn_seed_adjustment',
        at,
        'adjustment',
        'succeeded',
        locale === 'es' ? 'Ajuste' : 'Adjustment',
        fix,
        currency,
        fix,
        wallet.balance.amount,
        null,
        null,
        null,
        null,
        null,
      )
    }

    const ar = wallet.autoRecharge
    db.prepare(
      `INSERT INTO auto_recharge (account_id, enabled, threshold, mode, amount, monthly_cap, consecutive_failures, paused_reason, paused_since, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      accountId,
      ar.enabled ? 1 : 0,
      ar.threshold.amount,
      ar.mode,
      ar.amount.amount,
      ar.monthlyCap?.amount ?? null,
      ar.consecutiveFailures,
      ar.paused?.reason ?? null,
      ar.paused?.since ?? null,
      at,
    )
    if (ar.lastAttempt) {
      db.prepare(
        'INSERT INTO auto_recharge_attempts (account_id, at, outcome, amount, decline_code, entry_id) VALUES (?, ?, ?, ?, ?, NULL)',
      ).run(
        accountId,
        ar.lastAttempt.at,
        ar.lastAttempt.outcome,
        ar.lastAttempt.amount.amount,
        ar.lastAttempt.declineCode ?? null,
      )
    }
  }).immediate()
  return true
}
