/**
 * An example billing service on SQLite (better-sqlite3), one instance per caller's sub-account,
 * that `createBillingHandler` serves over HTTP. It is the reference for a host backend:
 *
 * - the paid wallet balance is never stored; it is SUM(wallet_delta) over an append-only ledger
 *   (triggers refuse UPDATE and DELETE on it);
 * - idempotency keys live under a UNIQUE (account, key) primary key, so a retried, timed-out or
 *   double-clicked top-up is applied once, even from two processes;
 * - every money movement is one transaction: with a synchronous processor (the simulated one)
 *   the check, the charge and the ledger write commit together; with an asynchronous one (real
 *   Stripe) the key is reserved in one transaction, the charge made with the same key at the
 *   processor, and the outcome written in a second transaction;
 * - auto-recharge follows the memory adapter's rules (threshold, fixed or target amount, monthly
 *   cap never passed, pause after 3 declines in a row, re-armed by a success, a card change or
 *   saving the settings, charging at once when enabled below the threshold).
 */
import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import { BillingError, type FieldErrors } from '../src/adapter/errors'
import { iso } from '../src/adapter/memory/clock'
import { DEFAULT_USAGE_QUANTITY, createPricing } from '../src/adapter/memory/pricing'
import { type SeedLocale, text, usageDescription } from '../src/adapter/memory/text'
import { MAX_CONSECUTIVE_FAILURES, autoRechargeErrors, topUpErrors } from '../src/adapter/memory/wallet'
import type { WalletState } from '../src/adapter/memory/state'
import {
  CANCEL_REASONS,
  LEDGER_ENTRY_TYPES,
  USAGE_UNITS,
  type AddFundsInput,
  type AddFundsResult,
  type AttachPaymentMethodInput,
  type AutoRechargeSettings,
  type AutoRechargeState,
  type BillingProfile,
  type CancelSubscriptionInput,
  type ChangePlanInput,
  type InvoiceLinks,
  type LedgerEntry,
  type LedgerEntryType,
  type LedgerPage,
  type ListLedgerInput,
  type Money,
  type PaymentMethod,
  type Plan,
  type PlanChangePreview,
  type SetupIntentResult,
  type Subscription,
  type UsageUnit,
  type Wallet,
  type WalletCredit,
} from '../src/adapter/types'
import type { BillingService, ServiceContext } from '../src/server/handler'
import { configureConnection, migrate } from './migrations'
import { createSimulatedPayments, type ChargeOutcome, type PaymentProvider } from './payments'

export interface SqliteBillingServiceOptions {
  accountId: string
  /** Clock; default `() => new Date()`. */
  now?: () => Date
  /** The card processor; default the simulated one (Stripe test cards). */
  stripe?: PaymentProvider
  /** Where invoice links point. Default "https://billing.example.com". */
  invoiceHost?: string
}

export interface UsageInput {
  unit?: UsageUnit
  quantity?: number
  /** Minor units of the wallet currency; default the unit price × quantity. */
  cost?: Money
}

export interface SqliteBillingService extends Required<BillingService> {
  readonly accountId: string
  /** Spends like the product does (credits first, soonest to expire first, then the paid balance) and runs auto-recharge. */
  recordUsage(input?: UsageInput): Promise<{ entries: LedgerEntry[]; wallet: Wallet }>
}

const DEFAULT_PAGE_SIZE = 50
const MAX_PAGE_SIZE = 200
/** A reservation older than this belongs to a process that died mid-charge; a retry may take it over. */
const STALE_RESERVATION_MS = 60_000
const INVOICE_LINK_TTL_MS = 5 * 60_000
/** Has a space, which no Idempotency-Key accepted over HTTP can contain. */
const AUTO_RECHARGE_LOCK = 'auto-recharge lock'

type Row = Record<string, unknown>
type Tx = <T>(fn: () => T) => T

const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`
const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** Concurrent requests for one key in this process share one attempt (per database handle). */
const inFlightByDb = new WeakMap<Database.Database, Map<string, { fingerprint: string; promise: Promise<unknown> }>>()

/** Opens (or creates) a database file, applies the migrations and sets the connection pragmas. */
export function openBillingDatabase(DatabaseCtor: typeof Database, filename: string): Database.Database {
  const db = new DatabaseCtor(filename)
  configureConnection(db)
  migrate(db)
  return db
}

function notFound(what: string): BillingError {
  return new BillingError('not_found', { message: `No ${what}.` })
}

function validation(fieldErrors: FieldErrors, message = 'Some fields are not valid.'): BillingError {
  return new BillingError('validation', { message, fieldErrors })
}

function conflict(message: string, retryable = false): BillingError {
  return new BillingError('conflict', { message, retryable })
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

function normaliseIso(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw validation({ [field]: 'invalid' })
  return new Date(ms).toISOString()
}

function encodeCursor(createdAt: string, seq: number): string {
  return Buffer.from(JSON.stringify([createdAt, seq])).toString('base64url')
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isSafeInteger(value[1]))
      return [value[0], value[1]]
  } catch {
    // Falls through to the validation error.
  }
  throw validation({ cursor: 'invalid' }, 'The ledger cursor is not one this server issued.')
}

function profileErrors(profile: BillingProfile): FieldErrors | null {
  const errors: FieldErrors = {}
  if (!profile.name?.trim()) errors.name = 'required'
  if (typeof profile.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(profile.email.trim()))
    errors.email = 'invalid'
  if (!profile.address?.line1?.trim()) errors['address.line1'] = 'required'
  if (!profile.address?.city?.trim()) errors['address.city'] = 'required'
  if (!/^[A-Za-z]{2}$/.test(profile.address?.country ?? '')) errors['address.country'] = 'invalid'
  return Object.keys(errors).length > 0 ? errors : null
}

export function createSqliteBillingService(
  db: Database.Database,
  options: SqliteBillingServiceOptions,
): SqliteBillingService {
  const accountId = options.accountId
  if (typeof accountId !== 'string' || accountId === '') {
    throw new TypeError('createSqliteBillingService needs { accountId }: the sub-account this caller may see.')
  }
  const clock = options.now ?? (() => new Date())
  const now = () => new Date(clock().getTime())
  const payments = options.stripe ?? createSimulatedPayments()
  const invoiceHost = (options.invoiceHost ?? 'https://billing.example.com').replace(/\/+$/, '')
  let inFlight = inFlightByDb.get(db)
  if (!inFlight) {
    inFlight = new Map()
    inFlightByDb.set(db, inFlight)
  }
  const running = inFlight

  /** Writes take the database's write lock at BEGIN, so two processes cannot interleave a check and its write. */
  const tx: Tx = (fn) => db.transaction(fn).immediate()

  // -------------------------------------------------------------------------------------------
  // Reads
  // -------------------------------------------------------------------------------------------

  interface AccountRow {
    currency: string
    topup_min: number
    topup_max: number
    topup_presets: string
    locale: SeedLocale
  }

  function account(): AccountRow {
    const row = db
      .prepare('SELECT currency, topup_min, topup_max, topup_presets, locale FROM accounts WHERE id = ?')
      .get(accountId) as AccountRow | undefined
    if (!row) throw notFound('billing account')
    return row
  }

  const words = () => text(account().locale === 'es' ? 'es' : 'en')

  function balance(): number {
    const row = db
      .prepare(
        "SELECT COALESCE(SUM(wallet_delta), 0) AS b FROM ledger_entries WHERE account_id = ? AND status = 'succeeded'",
      )
      .get(accountId) as { b: number }
    return row.b
  }

  function credits(at: Date): Array<WalletCredit & { remainingAmount: number }> {
    const rows = db
      .prepare(
        `SELECT c.id, c.description, c.amount, c.granted_at, c.expires_at,
                c.amount - COALESCE((SELECT SUM(s.amount) FROM credit_spends s
                                     WHERE s.account_id = c.account_id AND s.credit_id = c.id), 0) AS remaining
         FROM wallet_credits c
         WHERE c.account_id = ? AND (c.expires_at IS NULL OR c.expires_at > ?)
         ORDER BY c.expires_at IS NULL, c.expires_at, c.granted_at`,
      )
      .all(accountId, iso(at)) as Row[]
    const currency = account().currency
    return rows
      .filter((r) => Number(r.remaining) > 0)
      .map((r) => ({
        id: String(r.id),
        description: str(r.description),
        remaining: { amount: Number(r.remaining), currency },
        remainingAmount: Number(r.remaining),
        grantedAt: str(r.granted_at),
        expiresAt: str(r.expires_at),
      }))
  }

  function monthBounds(at: Date): [string, string] {
    const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))
    const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))
    return [iso(start), iso(end)]
  }

  function chargedThisMonth(at: Date): number {
    const [from, to] = monthBounds(at)
    const row = db
      .prepare(
        `SELECT COALESCE(SUM(amount), 0) AS c FROM ledger_entries
         WHERE account_id = ? AND type = 'auto_recharge' AND status = 'succeeded' AND created_at >= ? AND created_at < ?`,
      )
      .get(accountId, from, to) as { c: number }
    return row.c
  }

  interface RechargeRow {
    enabled: number
    threshold: number
    mode: 'fixed' | 'target'
    amount: number
    monthly_cap: number | null
    consecutive_failures: number
    paused_reason: string | null
    paused_since: string | null
  }

  function rechargeRow(): RechargeRow {
    const row = db.prepare('SELECT * FROM auto_recharge WHERE account_id = ?').get(accountId) as RechargeRow | undefined
    if (row) return row
    const acct = account()
    return {
      enabled: 0,
      threshold: 0,
      mode: 'fixed',
      amount: acct.topup_min,
      monthly_cap: null,
      consecutive_failures: 0,
      paused_reason: null,
      paused_since: null,
    }
  }

  function autoRechargeState(at: Date, currency: string): AutoRechargeState {
    const r = rechargeRow()
    const m = (amount: number): Money => ({ amount, currency })
    const last = db
      .prepare(
        'SELECT at, outcome, amount, decline_code FROM auto_recharge_attempts WHERE account_id = ? ORDER BY seq DESC LIMIT 1',
      )
      .get(accountId) as Row | undefined
    return {
      enabled: r.enabled === 1,
      threshold: m(r.threshold),
      mode: r.mode,
      amount: m(r.amount),
      monthlyCap: r.monthly_cap === null ? null : m(r.monthly_cap),
      paused: r.paused_reason
        ? { reason: r.paused_reason as 'card_declined' | 'no_payment_method', since: r.paused_since ?? iso(at) }
        : null,
      consecutiveFailures: r.consecutive_failures,
      lastAttempt: last
        ? {
            at: String(last.at),
            outcome: last.outcome as 'succeeded' | 'failed' | 'skipped_cap',
            amount: m(Number(last.amount)),
            declineCode: str(last.decline_code),
          }
        : null,
      chargedThisMonth: m(chargedThisMonth(at)),
    }
  }

  function wallet(): Wallet {
    const at = now()
    const acct = account()
    const currency = acct.currency
    const presets = (JSON.parse(acct.topup_presets) as number[]).map((amount) => ({ amount, currency }))
    return {
      currency,
      balance: { amount: balance(), currency },
      credits: credits(at).map(({ remainingAmount: _, ...credit }) => credit),
      topUp: { min: { amount: acct.topup_min, currency }, max: { amount: acct.topup_max, currency }, presets },
      autoRecharge: autoRechargeState(at, currency),
    }
  }

  /** The memory adapter's validation rules read only the currency and top-up limits. */
  function walletRules(): WalletState {
    const w = wallet()
    return { currency: w.currency, topUp: w.topUp } as WalletState
  }

  function toPaymentMethod(r: Row): PaymentMethod {
    return {
      id: String(r.id),
      type: r.type as PaymentMethod['type'],
      brand: r.brand as PaymentMethod['brand'],
      last4: String(r.last4),
      expMonth: num(r.exp_month),
      expYear: num(r.exp_year),
      wallet: str(r.wallet) as PaymentMethod['wallet'],
      bankName: str(r.bank_name),
      holderName: str(r.holder_name),
      isDefault: r.is_default === 1,
    }
  }

  function paymentMethods(): PaymentMethod[] {
    return (
      db
        .prepare(
          'SELECT * FROM payment_methods WHERE account_id = ? AND removed_at IS NULL ORDER BY is_default DESC, created_at, id',
        )
        .all(accountId) as Row[]
    ).map(toPaymentMethod)
  }

  function card(id: string): PaymentMethod & { providerId: string | null } {
    const r = db
      .prepare('SELECT * FROM payment_methods WHERE account_id = ? AND id = ? AND removed_at IS NULL')
      .get(accountId, id) as Row | undefined
    if (!r) throw notFound(`payment method ${id}`)
    return { ...toPaymentMethod(r), providerId: str(r.provider_id) }
  }

  function defaultCard(): (PaymentMethod & { providerId: string | null }) | null {
    const r = db
      .prepare('SELECT * FROM payment_methods WHERE account_id = ? AND is_default = 1 AND removed_at IS NULL')
      .get(accountId) as Row | undefined
    return r ? { ...toPaymentMethod(r), providerId: str(r.provider_id) } : null
  }

  function toSubscription(r: Row): Subscription {
    const currency = str(r.currency)
    return {
      id: String(r.id),
      kind: r.kind as Subscription['kind'],
      name: String(r.name),
      description: str(r.description),
      status: r.status as Subscription['status'],
      rawStatus: null,
      price: r.price_amount === null || !currency ? null : { amount: Number(r.price_amount), currency },
      quantity: Number(r.quantity),
      interval: str(r.interval) as Subscription['interval'],
      intervalCount: Number(r.interval_count),
      startDate: str(r.start_date),
      currentPeriodEnd: str(r.current_period_end),
      cancelAtPeriodEnd: r.cancel_at_period_end === 1,
      canceledAt: str(r.canceled_at),
      trialEnd: str(r.trial_end),
      paymentMethodId: str(r.payment_method_id),
      planId: str(r.plan_id),
      manageUrl: str(r.manage_url),
    }
  }

  function subscription(id: string): Subscription {
    const r = db.prepare('SELECT * FROM subscriptions WHERE account_id = ? AND id = ?').get(accountId, id) as
      | Row
      | undefined
    if (!r) throw notFound(`subscription ${id}`)
    return toSubscription(r)
  }

  function plansFor(sub: Subscription): Plan[] {
    if (sub.kind !== 'platform' || !sub.planId) return []
    const product = (
      db.prepare('SELECT product FROM subscriptions WHERE account_id = ? AND id = ?').get(accountId, sub.id) as Row
    ).product
    return (
      db
        .prepare('SELECT * FROM plans WHERE account_id = ? AND product = ? ORDER BY sort, id')
        .all(accountId, product ?? 'platform') as Row[]
    ).map((r) => ({
      id: String(r.id),
      name: String(r.name),
      description: str(r.description),
      price: { amount: Number(r.price_amount), currency: String(r.currency) },
      interval: r.interval as Plan['interval'],
      intervalCount: Number(r.interval_count),
      current: r.id === sub.planId,
    }))
  }

  const ENTRY_SELECT = `SELECT e.*, i.number AS invoice_number FROM ledger_entries e
    LEFT JOIN invoices i ON i.account_id = e.account_id AND i.id = e.invoice_id`

  function toEntry(r: Row): LedgerEntry {
    const currency = String(r.currency)
    return {
      id: String(r.id),
      createdAt: String(r.created_at),
      type: r.type as LedgerEntryType,
      status: r.status as LedgerEntry['status'],
      description: String(r.description),
      amount: r.amount === null ? null : { amount: Number(r.amount), currency },
      balanceAfter: r.balance_after === null ? null : { amount: Number(r.balance_after), currency },
      usage: r.usage_unit ? { unit: r.usage_unit as UsageUnit, quantity: Number(r.usage_quantity) } : null,
      invoice: r.invoice_id ? { id: String(r.invoice_id), number: String(r.invoice_number ?? r.invoice_id) } : null,
      paymentMethodId: str(r.payment_method_id),
      failureReason: str(r.failure_reason),
    }
  }

  function entry(id: string): LedgerEntry {
    const r = db.prepare(`${ENTRY_SELECT} WHERE e.account_id = ? AND e.id = ?`).get(accountId, id) as Row | undefined
    if (!r) throw notFound(`ledger entry ${id}`)
    return toEntry(r)
  }

  function listLedger(input: ListLedgerInput = {}): LedgerPage {
    const filter = input.filter ?? {}
    const types = (filter.types ?? []).filter((t) => (LEDGER_ENTRY_TYPES as readonly string[]).includes(t))
    if ((filter.types ?? []).length > types.length) throw validation({ types: 'invalid' })
    const from = normaliseIso(filter.from, 'from')
    const to = normaliseIso(filter.to, 'to')
    const limitInput = input.limit ?? DEFAULT_PAGE_SIZE
    if (!Number.isSafeInteger(limitInput) || limitInput < 1) throw validation({ limit: 'invalid' })
    const limit = Math.min(limitInput, MAX_PAGE_SIZE)
    const where = ['e.account_id = ?']
    const args: unknown[] = [accountId]
    if (types.length > 0) {
      where.push(`e.type IN (${types.map(() => '?').join(', ')})`)
      args.push(...types)
    }
    if (from) {
      where.push('e.created_at >= ?')
      args.push(from)
    }
    if (to) {
      where.push('e.created_at < ?')
      args.push(to)
    }
    const total = (
      db.prepare(`SELECT COUNT(*) AS n FROM ledger_entries e WHERE ${where.join(' AND ')}`).get(...args) as {
        n: number
      }
    ).n
    if (input.cursor) {
      const [at, seq] = decodeCursor(input.cursor)
      where.push('(e.created_at < ? OR (e.created_at = ? AND e.seq < ?))')
      args.push(at, at, seq)
    }
    const rows = db
      .prepare(`${ENTRY_SELECT} WHERE ${where.join(' AND ')} ORDER BY e.created_at DESC, e.seq DESC LIMIT ?`)
      .all(...args, limit + 1) as Row[]
    const more = rows.length > limit
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      entries: page.map(toEntry),
      nextCursor: more && last ? encodeCursor(String(last.created_at), Number(last.seq)) : null,
      totalCount: total,
    }
  }

  // -------------------------------------------------------------------------------------------
  // Writes
  // -------------------------------------------------------------------------------------------

  interface EntryDraft {
    type: LedgerEntryType
    status: 'succeeded' | 'failed'
    description: string
    amount: number
    /** What the entry does to the paid balance (0 unless it succeeded). */
    walletDelta: number
    /** Wallet entries record the balance after them; others (card charges for subscriptions) do not. */
    wallet: boolean
    usage?: { unit: UsageUnit; quantity: number } | null
    invoiceId?: string | null
    paymentMethodId?: string | null
    failureReason?: string | null
    at: Date
  }

  /** Appends one ledger entry; call inside a transaction so the balance it records is the one it sees. */
  function appendEntry(d: EntryDraft): string {
    const id = newId('txn')
    const delta = d.status === 'succeeded' ? d.walletDelta : 0
    db.prepare(
      `INSERT INTO ledger_entries (account_id, id, created_at, type, status, description, amount, currency, wallet_delta,
         balance_after, usage_unit, usage_quantity, invoice_id, payment_method_id, failure_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      accountId,
      id,
      iso(d.at),
      d.type,
      d.status,
      d.description,
      d.amount,
      account().currency,
      delta,
      d.wallet ? balance() + delta : null,
      d.usage?.unit ?? null,
      d.usage?.quantity ?? null,
      d.invoiceId ?? null,
      d.paymentMethodId ?? null,
      d.failureReason ?? null,
    )
    return id
  }

  function saveRecharge(patch: Partial<RechargeRow>, at: Date): void {
    const next = { ...rechargeRow(), ...patch }
    db.prepare(
      `INSERT INTO auto_recharge (account_id, enabled, threshold, mode, amount, monthly_cap, consecutive_failures, paused_reason, paused_since, updated_at)
       VALUES (@account_id, @enabled, @threshold, @mode, @amount, @monthly_cap, @consecutive_failures, @paused_reason, @paused_since, @updated_at)
       ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled, threshold = excluded.threshold, mode = excluded.mode,
         amount = excluded.amount, monthly_cap = excluded.monthly_cap, consecutive_failures = excluded.consecutive_failures,
         paused_reason = excluded.paused_reason, paused_since = excluded.paused_since, updated_at = excluded.updated_at`,
    ).run({ ...next, account_id: accountId, updated_at: iso(at) })
  }

  function rearm(at: Date): void {
    if (db.prepare('SELECT 1 FROM auto_recharge WHERE account_id = ?').get(accountId)) {
      saveRecharge({ paused_reason: null, paused_since: null, consecutive_failures: 0 }, at)
    }
  }

  function recordAttempt(
    at: Date,
    outcome: 'succeeded' | 'failed' | 'skipped_cap',
    amount: number,
    declineCode: string | null,
    entryId: string | null,
  ) {
    db.prepare(
      'INSERT INTO auto_recharge_attempts (account_id, at, outcome, amount, decline_code, entry_id) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(accountId, iso(at), outcome, amount, declineCode, entryId)
  }

  interface RechargePlan {
    card: PaymentMethod & { providerId: string | null }
    amount: number
  }

  /**
   * Inside a transaction: whether auto-recharge must charge now, and what. Records the outcomes
   * that need no charge (no card: paused; over the monthly cap: skipped whole, never partly).
   */
  function planRecharge(at: Date): RechargePlan | null {
    const r = rechargeRow()
    if (r.enabled !== 1 || r.paused_reason) return null
    const bal = balance()
    if (bal > r.threshold) return null
    const chosen = defaultCard()
    if (!chosen) {
      saveRecharge({ paused_reason: 'no_payment_method', paused_since: iso(at) }, at)
      return null
    }
    const amount = r.mode === 'fixed' ? r.amount : r.amount - bal
    if (amount <= 0) return null
    if (r.monthly_cap !== null && chargedThisMonth(at) + amount > r.monthly_cap) {
      recordAttempt(at, 'skipped_cap', amount, null, null)
      return null
    }
    return { card: chosen, amount }
  }

  function settleRecharge(plan: RechargePlan, outcome: ChargeOutcome, at: Date): string {
    const r = rechargeRow()
    const description = words().autoRecharge
    if (outcome.status === 'succeeded') {
      const id = appendEntry({
        type: 'auto_recharge',
        status: 'succeeded',
        description,
        amount: plan.amount,
        walletDelta: plan.amount,
        wallet: true,
        paymentMethodId: plan.card.id,
        at,
      })
      recordAttempt(at, 'succeeded', plan.amount, null, id)
      saveRecharge({ consecutive_failures: 0, paused_reason: null, paused_since: null }, at)
      return id
    }
    const declineCode = outcome.status === 'declined' ? outcome.declineCode : 'authentication_required'
    const id = appendEntry({
      type: 'auto_recharge',
      status: 'failed',
      description,
      amount: plan.amount,
      walletDelta: 0,
      wallet: true,
      paymentMethodId: plan.card.id,
      failureReason: declineCode,
      at,
    })
    recordAttempt(at, 'failed', plan.amount, declineCode, id)
    const failures = r.consecutive_failures + 1
    saveRecharge(
      failures >= MAX_CONSECUTIVE_FAILURES
        ? { consecutive_failures: failures, paused_reason: 'card_declined', paused_since: iso(at) }
        : { consecutive_failures: failures },
      at,
    )
    return id
  }

  function rechargeRequest(plan: RechargePlan, key: string) {
    return {
      accountId,
      card: plan.card,
      amount: { amount: plan.amount, currency: account().currency },
      idempotencyKey: key,
      session: 'off' as const,
      authenticated: false,
      description: words().autoRecharge,
    }
  }

  /**
   * Runs auto-recharge after a change that may have lowered the balance. A synchronous
   * processor was already handled inside that change's transaction (`inline`); an asynchronous
   * one charges here, under a per-account lock row so two triggers cannot both recharge.
   */
  async function rechargeAfter(): Promise<string | null> {
    const at = now()
    const lockKey = `auto-recharge:${randomBytes(8).toString('hex')}`
    const plan = tx(() => {
      const held = db
        .prepare('SELECT created_at FROM idempotency_keys WHERE account_id = ? AND key = ?')
        .get(accountId, AUTO_RECHARGE_LOCK) as { created_at: string } | undefined
      if (held && at.getTime() - Date.parse(held.created_at) < STALE_RESERVATION_MS) return null
      const p = planRecharge(at)
      if (!p) return null
      db.prepare(
        `INSERT INTO idempotency_keys (account_id, key, operation, fingerprint, state, result, created_at)
         VALUES (?, ?, 'autoRecharge', ?, 'processing', NULL, ?)
         ON CONFLICT (account_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at`,
      ).run(accountId, AUTO_RECHARGE_LOCK, lockKey, iso(at))
      return p
    })
    if (!plan) return null
    let outcome: ChargeOutcome
    try {
      outcome = await payments.charge(rechargeRequest(plan, lockKey), at)
    } catch {
      outcome = { status: 'declined', declineCode: 'processing_error' }
    }
    return tx(() => {
      const id = settleRecharge(plan, outcome, now())
      db.prepare('DELETE FROM idempotency_keys WHERE account_id = ? AND key = ?').run(accountId, AUTO_RECHARGE_LOCK)
      return id
    })
  }

  /** Inside a transaction, for a synchronous processor: charge and settle at once. */
  function rechargeInline(at: Date): string | null {
    const plan = planRecharge(at)
    if (!plan) return null
    const outcome = payments.charge(rechargeRequest(plan, newId('ar')), at)
    if (isThenable(outcome)) throw new Error('unreachable: inline recharge needs a synchronous processor')
    return settleRecharge(plan, outcome, at)
  }

  /** The simulated processor answers synchronously; a host's own `stripe` is treated as asynchronous. */
  const syncPayments = !options.stripe

  // -------------------------------------------------------------------------------------------
  // Idempotency
  // -------------------------------------------------------------------------------------------

  interface KeyRow {
    operation: string
    fingerprint: string
    state: 'processing' | 'requires_action' | 'done'
    result: string | null
    created_at: string
  }

  const getKey = (key: string) =>
    db
      .prepare(
        'SELECT operation, fingerprint, state, result, created_at FROM idempotency_keys WHERE account_id = ? AND key = ?',
      )
      .get(accountId, key) as KeyRow | undefined

  function putKey(
    key: string,
    operation: string,
    fingerprint: string,
    state: KeyRow['state'],
    result: unknown,
    at: Date,
  ) {
    db.prepare(
      `INSERT INTO idempotency_keys (account_id, key, operation, fingerprint, state, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, key) DO UPDATE SET state = excluded.state, result = excluded.result, created_at = excluded.created_at`,
    ).run(accountId, key, operation, fingerprint, state, result === undefined ? null : JSON.stringify(result), iso(at))
  }

  const dropKey = (key: string) =>
    db.prepare('DELETE FROM idempotency_keys WHERE account_id = ? AND key = ?').run(accountId, key)

  function reused(key: string): BillingError {
    return conflict(`The idempotency key "${key}" was already used with different parameters.`)
  }

  type Stored = { ref: string } | { declined: string }

  function fromStored(stored: Stored): string {
    if ('declined' in stored) throw new BillingError('card_declined', { declineCode: stored.declined })
    return stored.ref
  }

  /**
   * Moves money once per key. `prepare` validates and says what to charge (inside the
   * transaction; a validation error stores nothing, so the fixed request may reuse the key);
   * `commit` writes the effect of a successful charge and returns what a retry answers with.
   * Declines are remembered like successes, as at Stripe: a retry gets the same decline.
   */
  async function chargeOnce(spec: {
    operation: 'addFunds' | 'changePlan'
    key: string
    fingerprint: string
    prepare(at: Date): {
      charge: { card: PaymentMethod & { providerId: string | null }; amount: Money; description: string } | null
    }
    commit(at: Date, cardId: string | null): string
  }): Promise<string> {
    const { operation, key, fingerprint } = spec
    if (typeof key !== 'string' || key.trim() === '')
      throw validation({ idempotencyKey: 'required' }, 'idempotencyKey is required.')
    const lock = `${accountId}\u0000${key}`
    const busy = running.get(lock)
    if (busy) {
      if (busy.fingerprint !== fingerprint) throw reused(key)
      await busy.promise.catch(() => {})
    }

    type First =
      | { done: string }
      | { declined: string }
      | { action: string }
      | { pending: ReturnType<typeof spec.prepare>; authenticated: boolean }
    const begin = (at: Date): First => {
      const record = getKey(key)
      let authenticated = false
      if (record) {
        if (record.fingerprint !== fingerprint) throw reused(key)
        if (record.state === 'done') {
          const stored = JSON.parse(record.result ?? 'null') as Stored
          return 'declined' in stored ? { declined: stored.declined } : { done: stored.ref }
        }
        if (record.state === 'processing' && at.getTime() - Date.parse(record.created_at) < STALE_RESERVATION_MS) {
          throw conflict('A request with this idempotency key is still being processed; retry shortly.', true)
        }
        // Asked again after a 3-D Secure challenge: the customer has answered it.
        authenticated = record.state === 'requires_action'
      }
      return { pending: spec.prepare(at), authenticated }
    }

    const settle = (at: Date, pending: ReturnType<typeof spec.prepare>, outcome: ChargeOutcome | null): First => {
      if (outcome && outcome.status === 'declined') {
        putKey(key, operation, fingerprint, 'done', { declined: outcome.declineCode } satisfies Stored, at)
        return { declined: outcome.declineCode }
      }
      if (outcome && outcome.status === 'requires_action') {
        putKey(key, operation, fingerprint, 'requires_action', null, at)
        return { action: outcome.clientSecret }
      }
      const ref = spec.commit(at, pending.charge?.card.id ?? null)
      putKey(key, operation, fingerprint, 'done', { ref } satisfies Stored, at)
      return { done: ref }
    }

    type Charge = NonNullable<ReturnType<typeof spec.prepare>['charge']>
    const request = (charge: Charge, authenticated: boolean) => ({
      accountId,
      card: charge.card,
      amount: charge.amount,
      idempotencyKey: `${operation}:${key}`,
      session: 'on' as const,
      authenticated,
      description: charge.description,
    })

    const finish = (result: First): string => {
      if ('done' in result) return result.done
      if ('declined' in result) return fromStored({ declined: result.declined })
      if ('action' in result) throw new BillingError('requires_action', { clientSecret: result.action })
      throw new Error('unreachable')
    }

    const attempt = async (): Promise<string> => {
      if (syncPayments) {
        return finish(
          tx(() => {
            const at = now()
            const first = begin(at)
            if (!('pending' in first)) return first
            const outcome = first.pending.charge
              ? (payments.charge(request(first.pending.charge, first.authenticated), at) as ChargeOutcome)
              : null
            return settle(at, first.pending, outcome)
          }),
        )
      }
      // Asynchronous processor: reserve the key, charge outside the transaction, settle.
      const first = tx(() => {
        const at = now()
        const f = begin(at)
        if ('pending' in f && f.pending.charge) putKey(key, operation, fingerprint, 'processing', null, at)
        else if ('pending' in f) return settle(at, f.pending, null)
        return f
      })
      if (!('pending' in first) || !first.pending.charge) return finish(first)
      let outcome: ChargeOutcome
      try {
        outcome = await payments.charge(request(first.pending.charge, first.authenticated), now())
      } catch (error) {
        // The processor could not be reached: nothing was charged under our key, so free it.
        tx(() => dropKey(key))
        throw new BillingError('unavailable', { message: 'The card processor did not answer.', cause: error })
      }
      return finish(tx(() => settle(now(), first.pending, outcome)))
    }

    const promise = attempt()
    running.set(lock, { fingerprint, promise })
    const release = () => {
      if (running.get(lock)?.promise === promise) running.delete(lock)
    }
    promise.then(release, release)
    return promise
  }

  /**
   * Non-money writes with an Idempotency-Key (the HTTP adapter sends one on every write): a
   * retry of an applied request answers what the first one answered instead of, say, a
   * "already canceled" conflict.
   */
  function once<T>(context: ServiceContext | undefined, operation: string, args: unknown, work: (at: Date) => T): T {
    const key = context?.idempotencyKey
    return tx(() => {
      const at = now()
      if (key) {
        const fingerprint = `${operation}|${JSON.stringify(args)}`
        const record = getKey(key)
        if (record) {
          if (record.fingerprint !== fingerprint) throw reused(key)
          if (record.state === 'done') return JSON.parse(record.result ?? 'null') as T
        }
        const result = work(at)
        putKey(key, operation, fingerprint, 'done', result ?? null, at)
        return result
      }
      return work(at)
    })
  }

  function nextInvoice(at: Date): { id: string; number: string } {
    const year = at.getUTCFullYear()
    const row = db
      .prepare('SELECT COUNT(*) AS n FROM invoices WHERE account_id = ? AND created_at >= ? AND created_at < ?')
      .get(accountId, iso(new Date(Date.UTC(year, 0, 1))), iso(new Date(Date.UTC(year + 1, 0, 1)))) as { n: number }
    const invoice = { id: newId('in'), number: `INV-${year}-${String(row.n + 1).padStart(4, '0')}` }
    db.prepare('INSERT INTO invoices (account_id, id, number, created_at) VALUES (?, ?, ?, ?)').run(
      accountId,
      invoice.id,
      invoice.number,
      iso(at),
    )
    return invoice
  }

  function periodStart(end: Date, sub: Subscription): Date {
    const count = sub.intervalCount || 1
    const d = new Date(end.getTime())
    switch (sub.interval) {
      case 'day':
        return new Date(end.getTime() - count * 86_400_000)
      case 'week':
        return new Date(end.getTime() - 7 * count * 86_400_000)
      case 'year':
        d.setUTCFullYear(d.getUTCFullYear() - count)
        return d
      default:
        d.setUTCMonth(d.getUTCMonth() - count)
        return d
    }
  }

  function preview(sub: Subscription, plan: Plan, at: Date): PlanChangePreview {
    if (sub.status === 'canceled') throw conflict('The subscription is canceled.')
    if (sub.planId === plan.id) throw validation({ planId: 'same_plan' })
    const t = words()
    const oldTotal = (sub.price?.amount ?? 0) * sub.quantity
    const newTotal = plan.price.amount * sub.quantity
    const endIso = sub.currentPeriodEnd ?? iso(new Date(at.getTime() + 30 * 86_400_000))
    const end = new Date(endIso)
    const start = periodStart(end, sub)
    const span = end.getTime() - start.getTime()
    const fraction = span > 0 ? Math.min(1, Math.max(0, (end.getTime() - at.getTime()) / span)) : 0
    const currency = plan.price.currency
    const base = {
      subscriptionId: sub.id,
      planId: plan.id,
      nextCycle: { amount: { amount: newTotal, currency }, date: endIso },
    }
    if (newTotal <= oldTotal) return { ...base, effective: 'period_end', dueToday: { amount: 0, currency }, lines: [] }
    const credit = -Math.round(oldTotal * fraction)
    const charge = Math.round(newTotal * fraction)
    return {
      ...base,
      effective: 'now',
      dueToday: { amount: charge + credit, currency },
      lines: [
        { description: t.unusedTime(sub.name), amount: { amount: credit, currency } },
        { description: t.remainingTime(plan.name), amount: { amount: charge, currency } },
      ],
    }
  }

  function planFor(subscriptionId: string, planId: string): { sub: Subscription; plan: Plan } {
    const sub = subscription(subscriptionId)
    const plan = plansFor(sub).find((p) => p.id === planId)
    if (!plan) throw notFound(`plan ${planId} for ${sub.id}`)
    return { sub, plan }
  }

  // -------------------------------------------------------------------------------------------
  // The service
  // -------------------------------------------------------------------------------------------

  const service: SqliteBillingService = {
    accountId,

    async getBillingProfile() {
      account()
      const r = db.prepare('SELECT * FROM billing_profiles WHERE account_id = ?').get(accountId) as Row | undefined
      if (!r) return null
      return {
        name: String(r.name),
        company: str(r.company),
        email: String(r.email),
        address: {
          line1: String(r.line1),
          line2: str(r.line2),
          city: String(r.city),
          region: str(r.region),
          postalCode: str(r.postal_code),
          country: String(r.country),
        },
        taxId: r.tax_id_type && r.tax_id_value ? { type: String(r.tax_id_type), value: String(r.tax_id_value) } : null,
        walletReceipts: r.wallet_receipts === 1,
      }
    },

    async listSubscriptions() {
      account()
      return (
        db.prepare('SELECT * FROM subscriptions WHERE account_id = ? ORDER BY sort, id').all(accountId) as Row[]
      ).map(toSubscription)
    },

    async listPaymentMethods() {
      account()
      return paymentMethods()
    },

    async getWallet() {
      return wallet()
    },

    async listLedger(input) {
      account()
      return listLedger(input ?? {})
    },

    async getInvoiceLinks(invoiceId) {
      account()
      const row = db.prepare('SELECT id FROM invoices WHERE account_id = ? AND id = ?').get(accountId, invoiceId)
      if (!row) throw notFound(`invoice ${invoiceId}`)
      const expiresAt = new Date(now().getTime() + INVOICE_LINK_TTL_MS)
      const exp = Math.floor(expiresAt.getTime() / 1000)
      const id = encodeURIComponent(invoiceId)
      return {
        viewUrl: `${invoiceHost}/invoices/${id}`,
        downloadUrl: `${invoiceHost}/invoices/${id}.pdf?exp=${exp}`,
        expiresAt: iso(expiresAt),
      } satisfies InvoiceLinks
    },

    async cancelSubscription(input: CancelSubscriptionInput, context?: ServiceContext) {
      return once(context, 'cancelSubscription', input, (at) => {
        const sub = subscription(input.subscriptionId)
        if (input.reason !== undefined && !(CANCEL_REASONS as readonly string[]).includes(input.reason)) {
          throw validation({ reason: 'invalid' })
        }
        if (sub.status === 'canceled') throw conflict('The subscription is already canceled.')
        if (sub.cancelAtPeriodEnd) throw conflict('The subscription is already set to cancel.')
        db.prepare(
          `UPDATE subscriptions SET cancel_at_period_end = 1, canceled_at = ?, cancel_reason = ?, cancel_comment = ?
           WHERE account_id = ? AND id = ?`,
        ).run(iso(at), input.reason ?? null, input.comment?.slice(0, 2000) ?? null, accountId, sub.id)
        return subscription(sub.id)
      })
    },

    async resumeSubscription(subscriptionId: string, context?: ServiceContext) {
      return once(context, 'resumeSubscription', subscriptionId, () => {
        const sub = subscription(subscriptionId)
        if (sub.status === 'canceled' || !sub.cancelAtPeriodEnd)
          throw conflict('The subscription is not set to cancel.')
        db.prepare(
          'UPDATE subscriptions SET cancel_at_period_end = 0, canceled_at = NULL, cancel_reason = NULL, cancel_comment = NULL WHERE account_id = ? AND id = ?',
        ).run(accountId, sub.id)
        return subscription(sub.id)
      })
    },

    async listPlans(subscriptionId: string) {
      return plansFor(subscription(subscriptionId))
    },

    async previewPlanChange(input) {
      const { sub, plan } = planFor(input.subscriptionId, input.planId)
      return preview(sub, plan, now())
    },

    async changePlan(input: ChangePlanInput) {
      const fingerprint = `changePlan|${input.subscriptionId}|${input.planId}`
      const ref = await chargeOnce({
        operation: 'changePlan',
        key: input.idempotencyKey,
        fingerprint,
        prepare(at) {
          const { sub, plan } = planFor(input.subscriptionId, input.planId)
          const quote = preview(sub, plan, at)
          if (quote.effective !== 'now' || quote.dueToday.amount <= 0) return { charge: null }
          const payer = sub.paymentMethodId ? card(sub.paymentMethodId) : defaultCard()
          if (!payer) throw validation({ paymentMethodId: 'required' }, 'Add a card to pay for the upgrade.')
          return { charge: { card: payer, amount: quote.dueToday, description: words().planChange(plan.name) } }
        },
        commit(at, cardId) {
          const { sub, plan } = planFor(input.subscriptionId, input.planId)
          const quote = preview(sub, plan, at)
          if (cardId && quote.dueToday.amount > 0) {
            const invoice = nextInvoice(at)
            appendEntry({
              type: 'subscription_charge',
              status: 'succeeded',
              description: words().planChange(plan.name),
              amount: -quote.dueToday.amount,
              walletDelta: 0,
              wallet: false,
              invoiceId: invoice.id,
              paymentMethodId: cardId,
              at,
            })
          }
          // A downgrade is stored now: its new price is what the next renewal charges.
          db.prepare(
            `UPDATE subscriptions SET plan_id = ?, name = ?, description = ?, price_amount = ?, currency = ?
             WHERE account_id = ? AND id = ?`,
          ).run(plan.id, plan.name, plan.description ?? null, plan.price.amount, plan.price.currency, accountId, sub.id)
          return sub.id
        },
      })
      return subscription(ref)
    },

    async createSetupIntent(): Promise<SetupIntentResult> {
      account()
      const intent = await payments.createSetupIntent({ accountId })
      tx(() => {
        db.prepare('INSERT INTO setup_intents (account_id, id, client_secret, created_at) VALUES (?, ?, ?, ?)').run(
          accountId,
          intent.id,
          intent.clientSecret,
          iso(now()),
        )
      })
      return { clientSecret: intent.clientSecret }
    },

    async attachPaymentMethod(input: AttachPaymentMethodInput, context?: ServiceContext) {
      const setupIntentId = String(input.setupIntentId ?? '').split('_secret_')[0]
      const intent = db
        .prepare('SELECT payment_method_id FROM setup_intents WHERE account_id = ? AND id = ?')
        .get(accountId, setupIntentId) as { payment_method_id: string | null } | undefined
      if (!intent) throw notFound(`SetupIntent ${setupIntentId}`)
      // The same SetupIntent attached twice (a retried request) gives back the same card.
      if (intent.payment_method_id) return card(intent.payment_method_id)
      const details = await payments.cardFromSetupIntent({
        accountId,
        setupIntentId,
        paymentMethodId: input.paymentMethodId ?? null,
        now: now(),
      })
      return once(context, 'attachPaymentMethod', input, (at) => {
        const again = db
          .prepare('SELECT payment_method_id FROM setup_intents WHERE account_id = ? AND id = ?')
          .get(accountId, setupIntentId) as {
          payment_method_id: string | null
        }
        if (again.payment_method_id) return card(again.payment_method_id)
        const id = newId('pm')
        const makeDefault = input.makeDefault === true || !defaultCard()
        if (makeDefault) db.prepare('UPDATE payment_methods SET is_default = 0 WHERE account_id = ?').run(accountId)
        const holder = (
          db.prepare('SELECT name FROM billing_profiles WHERE account_id = ?').get(accountId) as
            | { name?: string }
            | undefined
        )?.name
        db.prepare(
          `INSERT INTO payment_methods (account_id, id, provider_id, type, brand, last4, exp_month, exp_year, wallet, holder_name, is_default, created_at)
           VALUES (?, ?, ?, 'card', ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          accountId,
          id,
          details.providerId ?? null,
          details.brand,
          details.last4,
          details.expMonth,
          details.expYear,
          details.wallet ?? null,
          details.holderName ?? holder ?? null,
          makeDefault ? 1 : 0,
          iso(at),
        )
        db.prepare('UPDATE setup_intents SET payment_method_id = ? WHERE account_id = ? AND id = ?').run(
          id,
          accountId,
          setupIntentId,
        )
        if (makeDefault) rearm(at)
        return card(id)
      })
    },

    async removePaymentMethod(paymentMethodId: string, context?: ServiceContext) {
      once(context, 'removePaymentMethod', paymentMethodId, (at) => {
        const target = card(paymentMethodId)
        const pays = db
          .prepare(
            `SELECT 1 FROM subscriptions WHERE account_id = ? AND status != 'canceled'
             AND (payment_method_id = ? OR (payment_method_id IS NULL AND ? = 1)) LIMIT 1`,
          )
          .get(accountId, target.id, target.isDefault ? 1 : 0)
        if (pays) throw conflict('This card pays an active subscription; choose another card for it first.')
        if (target.isDefault && rechargeRow().enabled === 1) {
          throw conflict('Auto-recharge charges this default card; turn it off or pick another default first.')
        }
        db.prepare('UPDATE payment_methods SET removed_at = ?, is_default = 0 WHERE account_id = ? AND id = ?').run(
          iso(at),
          accountId,
          target.id,
        )
        return null
      })
    },

    async setDefaultPaymentMethod(paymentMethodId: string, context?: ServiceContext) {
      return once(context, 'setDefaultPaymentMethod', paymentMethodId, (at) => {
        const target = card(paymentMethodId)
        if (!target.isDefault) {
          // Clear first: the partial unique index allows one default at any moment.
          db.prepare('UPDATE payment_methods SET is_default = 0 WHERE account_id = ?').run(accountId)
          db.prepare('UPDATE payment_methods SET is_default = 1 WHERE account_id = ? AND id = ?').run(
            accountId,
            target.id,
          )
          rearm(at)
        }
        return paymentMethods()
      })
    },

    async updateBillingProfile(profile: BillingProfile, context?: ServiceContext) {
      account()
      const errors = profileErrors(profile)
      if (errors) throw validation(errors)
      once(context, 'updateBillingProfile', profile, (at) => {
        const taxId = profile.taxId?.value?.trim()
          ? { type: profile.taxId.type, value: profile.taxId.value.trim() }
          : null
        db.prepare(
          `INSERT INTO billing_profiles (account_id, name, company, email, line1, line2, city, region, postal_code, country,
             tax_id_type, tax_id_value, wallet_receipts, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, company = excluded.company, email = excluded.email,
             line1 = excluded.line1, line2 = excluded.line2, city = excluded.city, region = excluded.region,
             postal_code = excluded.postal_code, country = excluded.country, tax_id_type = excluded.tax_id_type,
             tax_id_value = excluded.tax_id_value, wallet_receipts = excluded.wallet_receipts, updated_at = excluded.updated_at`,
        ).run(
          accountId,
          profile.name.trim(),
          profile.company?.trim() || null,
          profile.email.trim(),
          profile.address.line1.trim(),
          profile.address.line2?.trim() || null,
          profile.address.city.trim(),
          profile.address.region?.trim() || null,
          profile.address.postalCode?.trim() || null,
          profile.address.country.toUpperCase(),
          taxId?.type ?? null,
          taxId?.value ?? null,
          profile.walletReceipts === true ? 1 : 0,
          iso(at),
        )
        return null
      })
      return (await service.getBillingProfile()) as BillingProfile
    },

    async addFunds(input: AddFundsInput): Promise<AddFundsResult> {
      const fingerprint = `addFunds|${input?.amount?.amount}|${input?.amount?.currency}|${input?.paymentMethodId}`
      const ref = await chargeOnce({
        operation: 'addFunds',
        key: input?.idempotencyKey,
        fingerprint,
        prepare() {
          const errors = topUpErrors(walletRules(), input.amount)
          if (errors) throw validation(errors)
          return {
            charge: { card: card(input.paymentMethodId), amount: { ...input.amount }, description: words().topUp },
          }
        },
        commit(at, cardId) {
          return appendEntry({
            type: 'top_up',
            status: 'succeeded',
            description: words().topUp,
            amount: input.amount.amount,
            walletDelta: input.amount.amount,
            wallet: true,
            paymentMethodId: cardId,
            at,
          })
        },
      })
      return { entry: entry(ref), wallet: wallet() }
    },

    async updateAutoRecharge(settings: AutoRechargeSettings, context?: ServiceContext) {
      const errors = autoRechargeErrors(walletRules(), settings)
      if (errors) throw validation(errors)
      once(context, 'updateAutoRecharge', settings, (at) => {
        saveRecharge(
          {
            enabled: settings.enabled ? 1 : 0,
            threshold: settings.threshold.amount,
            mode: settings.mode,
            amount: settings.amount.amount,
            monthly_cap: settings.monthlyCap ? settings.monthlyCap.amount : null,
            consecutive_failures: 0,
            paused_reason: null,
            paused_since: null,
          },
          at,
        )
        // Turning it on while already at or below the threshold charges at once.
        if (syncPayments) rechargeInline(at)
        return null
      })
      if (!syncPayments) await rechargeAfter()
      return wallet()
    },

    async recordUsage(input: UsageInput = {}) {
      const unit = input.unit ?? 'sms'
      if (!(USAGE_UNITS as readonly string[]).includes(unit)) throw validation({ unit: 'invalid' })
      const quantity = input.quantity ?? DEFAULT_USAGE_QUANTITY[unit]
      if (!Number.isSafeInteger(quantity) || quantity <= 0) throw validation({ quantity: 'invalid' })
      const acct = account()
      const cost = input.cost?.amount ?? createPricing(acct.currency).usageCost(unit, quantity)
      if (!Number.isSafeInteger(cost) || cost < 0 || (input.cost && input.cost.currency !== acct.currency)) {
        throw validation({ cost: 'invalid' })
      }
      const ids = tx(() => {
        const at = now()
        // Credits first, soonest to expire first; the rest from the paid balance, which may go
        // below zero: the usage already happened and is billed in arrears.
        let left = cost
        const spends: Array<[string, number]> = []
        for (const credit of credits(at)) {
          if (left === 0) break
          const take = Math.min(left, credit.remainingAmount)
          spends.push([credit.id, take])
          left -= take
        }
        const usageId = appendEntry({
          type: 'usage',
          status: 'succeeded',
          description: usageDescription(acct.locale === 'es' ? 'es' : 'en', unit, quantity),
          amount: -cost,
          walletDelta: -left,
          wallet: true,
          usage: { unit, quantity },
          at,
        })
        const spend = db.prepare(
          'INSERT INTO credit_spends (account_id, credit_id, entry_id, amount) VALUES (?, ?, ?, ?)',
        )
        for (const [creditId, amount] of spends) spend.run(accountId, creditId, usageId, amount)
        const rechargeId = syncPayments ? rechargeInline(at) : null
        return [usageId, rechargeId]
      })
      const rechargeId = ids[1] ?? (syncPayments ? null : await rechargeAfter())
      const entries = [rechargeId, ids[0]].filter((id): id is string => id !== null).map(entry)
      return { entries, wallet: wallet() }
    },
  }
  return service
}
