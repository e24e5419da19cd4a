/**
 * Every statement the billing service runs, for both dialects: one function a question or a
 * change, no billing rules. Where SQLite and PostgreSQL differ, the two forms sit together.
 */
import type { Row, SqlDialect, SqlDriver, SqlExecutor } from './driver'
import { insightsQueries } from './insights-queries'
import type {
  AccountRecord,
  AutoRechargeRecord,
  CreditRecord,
  IdempotencyRecord,
  InvoiceRecord,
  LedgerQuery,
  LedgerRecord,
  NewLedgerRecord,
  PaymentMethodRecord,
  PlanRecord,
  ProfileRecord,
  RechargeAttemptRecord,
  SetupIntentRecord,
  SubscriptionRecord,
  WalletRecord,
} from './records'
import { MIGRATIONS } from './schema'
import { processorReadQueries, processorWriteQueries } from './stripe-queries'
import { walletWorkReadQueries, walletWorkWriteQueries } from './wallet-work-queries'

const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
const bool = (v: unknown) => v === 1 || v === true || v === '1'
const int = (v: boolean) => (v ? 1 : 0)

const toAccount = (r: Row): AccountRecord => ({
  id: String(r.id),
  currency: String(r.currency),
  locale: String(r.locale),
  topUpMin: Number(r.topup_min),
  topUpMax: Number(r.topup_max),
  topUpPresets: JSON.parse(String(r.topup_presets)) as number[],
  createdAt: String(r.created_at),
})

const toWallet = (r: Row): WalletRecord => ({
  accountId: String(r.account_id),
  balance: Number(r.balance),
  entryCount: Number(r.entry_count),
  rechargeLease: str(r.recharge_lease),
})

const toLedger = (r: Row): LedgerRecord => ({
  seq: Number(r.seq),
  accountId: String(r.account_id),
  id: String(r.id),
  createdAt: String(r.created_at),
  type: String(r.type),
  status: r.status as LedgerRecord['status'],
  description: String(r.description),
  amount: num(r.amount),
  currency: String(r.currency),
  walletDelta: Number(r.wallet_delta),
  balanceAfter: num(r.balance_after),
  usageUnit: str(r.usage_unit),
  usageQuantity: num(r.usage_quantity),
  invoiceId: str(r.invoice_id),
  invoiceNumber: str(r.invoice_number),
  paymentMethodId: str(r.payment_method_id),
  failureReason: str(r.failure_reason),
  idempotencyKey: str(r.idempotency_key),
})

const toCredit = (r: Row): CreditRecord => ({
  id: String(r.id),
  description: str(r.description),
  amount: Number(r.amount),
  remaining: Number(r.remaining),
  grantedAt: String(r.granted_at),
  expiresAt: str(r.expires_at),
})

const toRecharge = (r: Row): AutoRechargeRecord => ({
  enabled: bool(r.enabled),
  threshold: Number(r.threshold),
  mode: r.mode as AutoRechargeRecord['mode'],
  amount: Number(r.amount),
  monthlyCap: num(r.monthly_cap),
  consecutiveFailures: Number(r.consecutive_failures),
  pausedReason: str(r.paused_reason),
  pausedSince: str(r.paused_since),
  chargedMonth: str(r.charged_month),
  chargedAmount: Number(r.charged_amount ?? 0),
})

const toPaymentMethod = (r: Row): PaymentMethodRecord => ({
  id: String(r.id),
  providerId: str(r.provider_id),
  type: String(r.type),
  brand: String(r.brand),
  last4: String(r.last4),
  expMonth: num(r.exp_month),
  expYear: num(r.exp_year),
  wallet: str(r.wallet),
  bankName: str(r.bank_name),
  holderName: str(r.holder_name),
  isDefault: bool(r.is_default),
  createdAt: String(r.created_at),
})

const toPlan = (r: Row): PlanRecord => ({
  id: String(r.id),
  product: String(r.product),
  name: String(r.name),
  description: str(r.description),
  priceAmount: Number(r.price_amount),
  currency: String(r.currency),
  interval: String(r.interval),
  intervalCount: Number(r.interval_count),
  sort: Number(r.sort),
})

const toSubscription = (r: Row): SubscriptionRecord => ({
  id: String(r.id),
  kind: String(r.kind),
  product: str(r.product),
  planId: str(r.plan_id),
  name: String(r.name),
  description: str(r.description),
  status: String(r.status),
  priceAmount: num(r.price_amount),
  currency: str(r.currency),
  quantity: Number(r.quantity),
  interval: str(r.interval),
  intervalCount: Number(r.interval_count),
  startDate: str(r.start_date),
  currentPeriodEnd: str(r.current_period_end),
  cancelAtPeriodEnd: bool(r.cancel_at_period_end),
  canceledAt: str(r.canceled_at),
  cancelReason: str(r.cancel_reason),
  cancelComment: str(r.cancel_comment),
  trialEnd: str(r.trial_end),
  paymentMethodId: str(r.payment_method_id),
  manageUrl: str(r.manage_url),
  sort: Number(r.sort),
})

const toProfile = (r: Row): ProfileRecord => ({
  name: String(r.name),
  company: str(r.company),
  email: String(r.email),
  line1: String(r.line1),
  line2: str(r.line2),
  city: String(r.city),
  region: str(r.region),
  postalCode: str(r.postal_code),
  country: String(r.country),
  taxIdType: str(r.tax_id_type),
  taxIdValue: str(r.tax_id_value),
  walletReceipts: bool(r.wallet_receipts),
})

const toKey = (r: Row): IdempotencyRecord => ({
  key: String(r.key),
  operation: String(r.operation),
  fingerprint: String(r.fingerprint),
  state: r.state as IdempotencyRecord['state'],
  response: str(r.response),
  attempt: Number(r.attempt),
  leaseUntil: str(r.lease_until),
  createdAt: String(r.created_at),
})

const ENTRY_SELECT = `SELECT e.*, i.number AS invoice_number FROM ledger_entries e
  LEFT JOIN invoices i ON i.account_id = e.account_id AND i.id = e.invoice_id`

/** Reads, on any connection. */
export function readQueries(sql: SqlExecutor, dialect: SqlDialect) {
  const one = async <T>(query: string, params: unknown[], map: (r: Row) => T) => {
    const row = await sql.get(query, params)
    return row ? map(row) : undefined
  }
  const many = async <T>(query: string, params: unknown[], map: (r: Row) => T) =>
    (await sql.all(query, params)).map(map)

  return {
    dialect,
    ...insightsQueries(sql),
    account: (accountId: string) => one('SELECT * FROM accounts WHERE id = ?', [accountId], toAccount),
    wallet: (accountId: string) => one('SELECT * FROM wallets WHERE account_id = ?', [accountId], toWallet),
    /** Credits with something left and not yet expired at `at`, soonest to expire first. */
    credits: (accountId: string, at: string) =>
      many(
        `SELECT * FROM wallet_credits WHERE account_id = ? AND remaining > 0 AND (expires_at IS NULL OR expires_at > ?)
         ORDER BY expires_at IS NULL, expires_at, granted_at, id`,
        [accountId, at],
        toCredit,
      ),
    autoRecharge: (accountId: string) =>
      one('SELECT * FROM auto_recharge WHERE account_id = ?', [accountId], toRecharge),
    lastRechargeAttempt: (accountId: string) =>
      one(
        'SELECT * FROM auto_recharge_attempts WHERE account_id = ? ORDER BY seq DESC LIMIT 1',
        [accountId],
        (r): RechargeAttemptRecord => ({
          at: String(r.at),
          outcome: r.outcome as RechargeAttemptRecord['outcome'],
          amount: Number(r.amount),
          declineCode: str(r.decline_code),
          entryId: str(r.entry_id),
        }),
      ),
    paymentMethods: (accountId: string) =>
      many(
        'SELECT * FROM payment_methods WHERE account_id = ? AND removed_at IS NULL ORDER BY is_default DESC, created_at, id',
        [accountId],
        toPaymentMethod,
      ),
    paymentMethod: (accountId: string, id: string) =>
      one(
        'SELECT * FROM payment_methods WHERE account_id = ? AND id = ? AND removed_at IS NULL',
        [accountId, id],
        toPaymentMethod,
      ),
    defaultPaymentMethod: (accountId: string) =>
      one(
        'SELECT * FROM payment_methods WHERE account_id = ? AND is_default = 1 AND removed_at IS NULL',
        [accountId],
        toPaymentMethod,
      ),
    setupIntent: (accountId: string, id: string) =>
      one(
        'SELECT * FROM setup_intents WHERE account_id = ? AND id = ?',
        [accountId, id],
        (r): SetupIntentRecord => ({
          id: String(r.id),
          clientSecret: String(r.client_secret),
          paymentMethodId: str(r.payment_method_id),
        }),
      ),
    subscriptions: (accountId: string) =>
      many('SELECT * FROM subscriptions WHERE account_id = ? ORDER BY sort, id', [accountId], toSubscription),
    subscription: (accountId: string, id: string) =>
      one('SELECT * FROM subscriptions WHERE account_id = ? AND id = ?', [accountId, id], toSubscription),
    subscriptionPaidBy: async (accountId: string, paymentMethodId: string, isDefault: boolean) =>
      Boolean(
        await sql.get(
          `SELECT 1 AS x FROM subscriptions WHERE account_id = ? AND status != 'canceled'
           AND (payment_method_id = ? OR (payment_method_id IS NULL AND ? = 1)) LIMIT 1`,
          [accountId, paymentMethodId, int(isDefault)],
        ),
      ),
    plans: (accountId: string, product: string) =>
      many('SELECT * FROM plans WHERE account_id = ? AND product = ? ORDER BY sort, id', [accountId, product], toPlan),
    invoice: (accountId: string, id: string) =>
      one(
        'SELECT * FROM invoices WHERE account_id = ? AND id = ?',
        [accountId, id],
        (r): InvoiceRecord => ({
          id: String(r.id),
          number: String(r.number),
          kind: r.kind as InvoiceRecord['kind'],
          createdAt: String(r.created_at),
        }),
      ),
    /** The entries an invoice or receipt documents. */
    entriesForInvoice: (accountId: string, invoiceId: string) =>
      many(
        `${ENTRY_SELECT} WHERE e.account_id = ? AND e.invoice_id = ? ORDER BY e.seq`,
        [accountId, invoiceId],
        toLedger,
      ),
    profile: (accountId: string) => one('SELECT * FROM billing_profiles WHERE account_id = ?', [accountId], toProfile),
    entry: (accountId: string, id: string) =>
      one(`${ENTRY_SELECT} WHERE e.account_id = ? AND e.id = ?`, [accountId, id], toLedger),
    entryByKey: (accountId: string, key: string) =>
      one(`${ENTRY_SELECT} WHERE e.account_id = ? AND e.idempotency_key = ?`, [accountId, key], toLedger),
    /**
     * One page, newest first, by keyset: a row-value comparison on (created_at, seq), the order
     * of the ledger_by_time / ledger_by_type_time indexes, so the deepest page costs what the first does.
     */
    ledgerPage(accountId: string, q: LedgerQuery) {
      const where = ['e.account_id = ?']
      const args: unknown[] = [accountId]
      if (q.types.length > 0) {
        where.push(`e.type IN (${q.types.map(() => '?').join(', ')})`)
        args.push(...q.types)
      }
      if (q.from) {
        where.push('e.created_at >= ?')
        args.push(q.from)
      }
      if (q.to) {
        where.push('e.created_at < ?')
        args.push(q.to)
      }
      if (q.before) {
        where.push('(e.created_at, e.seq) < (?, ?)')
        args.push(q.before.createdAt, q.before.seq)
      }
      args.push(q.limit)
      return many(
        `${ENTRY_SELECT} WHERE ${where.join(' AND ')} ORDER BY e.created_at DESC, e.seq DESC LIMIT ?`,
        args,
        toLedger,
      )
    },
    idempotencyKey: (accountId: string, key: string) =>
      one('SELECT * FROM idempotency_keys WHERE account_id = ? AND key = ?', [accountId, key], toKey),
    /** What the ledger says the paid balance is, and where its balance_after chain breaks. */
    async ledgerAudit(accountId: string) {
      const sum = await sql.get<{ total: unknown; n: unknown }>(
        "SELECT COALESCE(SUM(wallet_delta), 0) AS total, COUNT(*) AS n FROM ledger_entries WHERE account_id = ? AND status = 'succeeded'",
        [accountId],
      )
      const count = await sql.get<{ n: unknown }>('SELECT COUNT(*) AS n FROM ledger_entries WHERE account_id = ?', [
        accountId,
      ])
      const breaks = await sql.all<{ id: unknown; balance_after: unknown; expected: unknown }>(
        `SELECT id, balance_after, expected FROM (
           SELECT id, balance_after, SUM(wallet_delta) OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING) AS expected
           FROM ledger_entries WHERE account_id = ?
         ) chain WHERE balance_after IS NOT NULL AND balance_after != expected LIMIT 20`,
        [accountId],
      )
      const duplicateKeys = await sql.all<{ idempotency_key: unknown }>(
        `SELECT idempotency_key FROM ledger_entries WHERE account_id = ? AND idempotency_key IS NOT NULL
         GROUP BY idempotency_key HAVING COUNT(*) > 1`,
        [accountId],
      )
      const credits = await sql.all<{ id: unknown; remaining: unknown; expected: unknown }>(
        `SELECT c.id, c.remaining, c.amount - COALESCE(SUM(s.amount), 0) AS expected
         FROM wallet_credits c LEFT JOIN credit_spends s ON s.account_id = c.account_id AND s.credit_id = c.id
         WHERE c.account_id = ? GROUP BY c.id, c.remaining, c.amount`,
        [accountId],
      )
      return {
        balance: Number(sum?.total ?? 0),
        entryCount: Number(count?.n ?? 0),
        chainBreaks: breaks.map((b) => ({
          entryId: String(b.id),
          balanceAfter: Number(b.balance_after),
          expected: Number(b.expected),
        })),
        duplicateKeys: duplicateKeys.map((d) => String(d.idempotency_key)),
        creditDrift: credits
          .filter((c) => Number(c.remaining) !== Number(c.expected))
          .map((c) => ({ creditId: String(c.id), remaining: Number(c.remaining), expected: Number(c.expected) })),
      }
    },
    ...processorReadQueries(sql, dialect),
    ...walletWorkReadQueries(sql, dialect),
  }
}

/** Changes, inside a transaction the service opened. */
/** The ledger's insert columns, in the order ledgerValues gives them. */
const LEDGER_COLUMNS = [
  'account_id',
  'id',
  'created_at',
  'type',
  'status',
  'description',
  'amount',
  'currency',
  'wallet_delta',
  'balance_after',
  'usage_unit',
  'usage_quantity',
  'invoice_id',
  'payment_method_id',
  'failure_reason',
  'idempotency_key',
] as const
const LEDGER_ROW = `(${LEDGER_COLUMNS.map(() => '?').join(', ')})`

function ledgerValues(e: NewLedgerRecord, accountId: string): unknown[] {
  return [
    accountId,
    e.id,
    e.createdAt,
    e.type,
    e.status,
    e.description,
    e.amount,
    e.currency,
    e.walletDelta,
    e.balanceAfter,
    e.usageUnit,
    e.usageQuantity,
    e.invoiceId,
    e.paymentMethodId,
    e.failureReason,
    e.idempotencyKey,
  ]
}

export function writeQueries(sql: SqlExecutor, dialect: SqlDialect) {
  return {
    ...readQueries(sql, dialect),
    /**
     * Locks the account's wallet row for the rest of the transaction: requests for one account
     * queue here, other accounts never wait. (SQLite's BEGIN IMMEDIATE already holds the
     * database's write lock.)
     */
    lockWallet: async (accountId: string) => {
      const row = await sql.get(
        dialect === 'postgres'
          ? 'SELECT * FROM wallets WHERE account_id = ? FOR UPDATE'
          : 'SELECT * FROM wallets WHERE account_id = ?',
        [accountId],
      )
      return row ? toWallet(row) : undefined
    },
    /** `lockWallet` and the account in one round trip, for the start of every write transaction. */
    lockAccount: async (accountId: string) => {
      const row = await sql.get(
        `SELECT w.account_id, w.balance, w.entry_count, w.recharge_lease, a.id, a.currency, a.locale, a.topup_min,
           a.topup_max, a.topup_presets, a.created_at
         FROM wallets w JOIN accounts a ON a.id = w.account_id WHERE w.account_id = ?${dialect === 'postgres' ? ' FOR UPDATE OF w' : ''}`,
        [accountId],
      )
      return row ? { wallet: toWallet(row), account: toAccount(row) } : undefined
    },
    /** Creates the account and its wallet; false when it already exists (a simultaneous start). */
    async insertAccount(a: AccountRecord): Promise<boolean> {
      const { changes } = await sql.run(
        `INSERT INTO accounts (id, currency, locale, topup_min, topup_max, topup_presets, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [a.id, a.currency, a.locale, a.topUpMin, a.topUpMax, JSON.stringify(a.topUpPresets), a.createdAt],
      )
      if (changes === 0) return false
      await sql.run('INSERT INTO wallets (account_id, balance, entry_count, updated_at) VALUES (?, 0, 0, ?)', [
        a.id,
        a.createdAt,
      ])
      return true
    },
    updateAccountSettings: (a: Pick<AccountRecord, 'id' | 'topUpMin' | 'topUpMax' | 'topUpPresets' | 'locale'>) =>
      sql.run('UPDATE accounts SET topup_min = ?, topup_max = ?, topup_presets = ?, locale = ? WHERE id = ?', [
        a.topUpMin,
        a.topUpMax,
        JSON.stringify(a.topUpPresets),
        a.locale,
        a.id,
      ]),
    /** Appends an entry and moves the wallet in the same statement pair; the caller holds the wallet lock. */
    async appendLedger(e: NewLedgerRecord, at: string): Promise<void> {
      await sql.run(
        `INSERT INTO ledger_entries (${LEDGER_COLUMNS.join(', ')}) VALUES ${LEDGER_ROW}`,
        ledgerValues(e, e.accountId),
      )
      await sql.run(
        'UPDATE wallets SET balance = balance + ?, entry_count = entry_count + 1, updated_at = ? WHERE account_id = ?',
        [e.walletDelta, at, e.accountId],
      )
    },
    /**
     * Imports history in bulk (a migration from another system, or demo data): multi-row inserts
     * in statement-sized chunks, then the wallet row moved once by their sum. Rows must be given
     * oldest first, with balance_after already computed; the caller holds the wallet lock.
     */
    async importLedger(accountId: string, rows: readonly NewLedgerRecord[], at: string): Promise<void> {
      const chunk = Math.floor((dialect === 'postgres' ? 65_000 : 32_000) / LEDGER_COLUMNS.length)
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk)
        await sql.run(
          `INSERT INTO ledger_entries (${LEDGER_COLUMNS.join(', ')}) VALUES ${part.map(() => LEDGER_ROW).join(', ')}`,
          part.flatMap((e) => ledgerValues(e, accountId)),
        )
      }
      const delta = rows.reduce((sum, e) => sum + e.walletDelta, 0)
      await sql.run(
        'UPDATE wallets SET balance = balance + ?, entry_count = entry_count + ?, updated_at = ? WHERE account_id = ?',
        [delta, rows.length, at, accountId],
      )
    },
    setRechargeLease: (accountId: string, lease: string | null) =>
      sql.run('UPDATE wallets SET recharge_lease = ? WHERE account_id = ?', [lease, accountId]),
    insertCredit: (accountId: string, c: CreditRecord) =>
      sql.run(
        'INSERT INTO wallet_credits (account_id, id, description, amount, remaining, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [accountId, c.id, c.description, c.amount, c.remaining, c.grantedAt, c.expiresAt],
      ),
    async spendCredit(accountId: string, creditId: string, entryId: string, amount: number) {
      await sql.run('UPDATE wallet_credits SET remaining = remaining - ? WHERE account_id = ? AND id = ?', [
        amount,
        accountId,
        creditId,
      ])
      await sql.run('INSERT INTO credit_spends (account_id, credit_id, entry_id, amount) VALUES (?, ?, ?, ?)', [
        accountId,
        creditId,
        entryId,
        amount,
      ])
    },
    saveAutoRecharge: (accountId: string, r: AutoRechargeRecord, at: string) =>
      sql.run(
        `INSERT INTO auto_recharge (account_id, enabled, threshold, mode, amount, monthly_cap, consecutive_failures, paused_reason, paused_since,
           charged_month, charged_amount, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled, threshold = excluded.threshold, mode = excluded.mode,
           amount = excluded.amount, monthly_cap = excluded.monthly_cap, consecutive_failures = excluded.consecutive_failures,
           paused_reason = excluded.paused_reason, paused_since = excluded.paused_since, charged_month = excluded.charged_month,
           charged_amount = excluded.charged_amount, updated_at = excluded.updated_at`,
        [
          accountId,
          int(r.enabled),
          r.threshold,
          r.mode,
          r.amount,
          r.monthlyCap,
          r.consecutiveFailures,
          r.pausedReason,
          r.pausedSince,
          r.chargedMonth,
          r.chargedAmount,
          at,
        ],
      ),
    insertRechargeAttempt: (accountId: string, a: RechargeAttemptRecord) =>
      sql.run(
        'INSERT INTO auto_recharge_attempts (account_id, at, outcome, amount, decline_code, entry_id) VALUES (?, ?, ?, ?, ?, ?)',
        [accountId, a.at, a.outcome, a.amount, a.declineCode, a.entryId],
      ),
    insertPaymentMethod: (accountId: string, p: PaymentMethodRecord) =>
      sql.run(
        `INSERT INTO payment_methods (account_id, id, provider_id, type, brand, last4, exp_month, exp_year, wallet, bank_name, holder_name, is_default, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          accountId,
          p.id,
          p.providerId,
          p.type,
          p.brand,
          p.last4,
          p.expMonth,
          p.expYear,
          p.wallet,
          p.bankName,
          p.holderName,
          int(p.isDefault),
          p.createdAt,
        ],
      ),
    /** Clear first: the partial unique index allows one default at any moment. */
    async makeDefaultPaymentMethod(accountId: string, id: string | null) {
      await sql.run('UPDATE payment_methods SET is_default = 0 WHERE account_id = ? AND is_default = 1', [accountId])
      if (id)
        await sql.run('UPDATE payment_methods SET is_default = 1 WHERE account_id = ? AND id = ?', [accountId, id])
    },
    removePaymentMethod: (accountId: string, id: string, at: string) =>
      sql.run('UPDATE payment_methods SET removed_at = ?, is_default = 0 WHERE account_id = ? AND id = ?', [
        at,
        accountId,
        id,
      ]),
    insertSetupIntent: (accountId: string, s: SetupIntentRecord, at: string) =>
      sql.run(
        'INSERT INTO setup_intents (account_id, id, client_secret, payment_method_id, created_at) VALUES (?, ?, ?, ?, ?)',
        [accountId, s.id, s.clientSecret, s.paymentMethodId, at],
      ),
    linkSetupIntent: (accountId: string, id: string, paymentMethodId: string) =>
      sql.run('UPDATE setup_intents SET payment_method_id = ? WHERE account_id = ? AND id = ?', [
        paymentMethodId,
        accountId,
        id,
      ]),
    insertPlan: (accountId: string, p: PlanRecord) =>
      sql.run(
        `INSERT INTO plans (account_id, id, product, name, description, price_amount, currency, interval, interval_count, sort)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          accountId,
          p.id,
          p.product,
          p.name,
          p.description,
          p.priceAmount,
          p.currency,
          p.interval,
          p.intervalCount,
          p.sort,
        ],
      ),
    saveSubscription: (accountId: string, s: SubscriptionRecord) =>
      sql.run(
        `INSERT INTO subscriptions (account_id, id, kind, product, plan_id, name, description, status, price_amount, currency, quantity,
           interval, interval_count, start_date, current_period_end, cancel_at_period_end, canceled_at, cancel_reason, cancel_comment,
           trial_end, payment_method_id, manage_url, sort)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, id) DO UPDATE SET kind = excluded.kind, product = excluded.product, plan_id = excluded.plan_id,
           name = excluded.name, description = excluded.description, status = excluded.status, price_amount = excluded.price_amount,
           currency = excluded.currency, quantity = excluded.quantity, interval = excluded.interval, interval_count = excluded.interval_count,
           start_date = excluded.start_date, current_period_end = excluded.current_period_end,
           cancel_at_period_end = excluded.cancel_at_period_end, canceled_at = excluded.canceled_at,
           cancel_reason = excluded.cancel_reason, cancel_comment = excluded.cancel_comment, trial_end = excluded.trial_end,
           payment_method_id = excluded.payment_method_id, manage_url = excluded.manage_url, sort = excluded.sort`,
        [
          accountId,
          s.id,
          s.kind,
          s.product,
          s.planId,
          s.name,
          s.description,
          s.status,
          s.priceAmount,
          s.currency,
          s.quantity,
          s.interval,
          s.intervalCount,
          s.startDate,
          s.currentPeriodEnd,
          int(s.cancelAtPeriodEnd),
          s.canceledAt,
          s.cancelReason,
          s.cancelComment,
          s.trialEnd,
          s.paymentMethodId,
          s.manageUrl,
          s.sort,
        ],
      ),
    insertInvoice: (accountId: string, i: InvoiceRecord) =>
      sql.run(
        'INSERT INTO invoices (account_id, id, number, kind, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, id) DO NOTHING',
        [accountId, i.id, i.number, i.kind, i.createdAt],
      ),
    /** The account's next document number (invoices and receipts share one sequence). */
    async nextDocumentNumber(accountId: string): Promise<number> {
      const row = await sql.get<{ document_seq: unknown }>(
        'UPDATE accounts SET document_seq = document_seq + 1 WHERE id = ? RETURNING document_seq',
        [accountId],
      )
      return Number(row?.document_seq)
    },
    saveProfile: (accountId: string, p: ProfileRecord, at: string) =>
      sql.run(
        `INSERT INTO billing_profiles (account_id, name, company, email, line1, line2, city, region, postal_code, country,
           tax_id_type, tax_id_value, wallet_receipts, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, company = excluded.company, email = excluded.email,
           line1 = excluded.line1, line2 = excluded.line2, city = excluded.city, region = excluded.region,
           postal_code = excluded.postal_code, country = excluded.country, tax_id_type = excluded.tax_id_type,
           tax_id_value = excluded.tax_id_value, wallet_receipts = excluded.wallet_receipts, updated_at = excluded.updated_at`,
        [
          accountId,
          p.name,
          p.company,
          p.email,
          p.line1,
          p.line2,
          p.city,
          p.region,
          p.postalCode,
          p.country,
          p.taxIdType,
          p.taxIdValue,
          int(p.walletReceipts),
          at,
        ],
      ),
    insertIdempotencyKey: (accountId: string, k: IdempotencyRecord, at: string) =>
      sql.run(
        `INSERT INTO idempotency_keys (account_id, key, operation, fingerprint, state, response, attempt, lease_until, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [accountId, k.key, k.operation, k.fingerprint, k.state, k.response, k.attempt, k.leaseUntil, k.createdAt, at],
      ),
    /** Updates a key only if its attempt is still `attempt`: a taken-over attempt cannot overwrite its successor. */
    async updateIdempotencyKey(
      accountId: string,
      key: string,
      attempt: number,
      patch: Pick<IdempotencyRecord, 'state' | 'response' | 'leaseUntil'> & { attempt?: number },
      at: string,
    ): Promise<boolean> {
      const { changes } = await sql.run(
        `UPDATE idempotency_keys SET state = ?, response = ?, lease_until = ?, attempt = ?, updated_at = ?
         WHERE account_id = ? AND key = ? AND attempt = ?`,
        [patch.state, patch.response, patch.leaseUntil, patch.attempt ?? attempt, at, accountId, key, attempt],
      )
      return changes > 0
    },
    deleteIdempotencyKey: (accountId: string, key: string, attempt: number) =>
      sql.run('DELETE FROM idempotency_keys WHERE account_id = ? AND key = ? AND attempt = ?', [
        accountId,
        key,
        attempt,
      ]),
    ...processorWriteQueries(sql, dialect),
    ...walletWorkWriteQueries(sql, dialect),
  }
}

export type StoreReads = ReturnType<typeof readQueries>
export type StoreTx = ReturnType<typeof writeQueries>

/** The seam the service talks to: a store over one database, whatever its driver. */
export interface BillingStore {
  readonly dialect: SqlDialect
  readonly read: StoreReads
  /** Plain SQL outside a transaction (`?` placeholders), for reports and diagnostics; billing writes go through the service. */
  readonly sql: SqlExecutor
  /** One transaction; `fn` gets the statements bound to it. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>
  /** Brings the schema up to date (safe when several instances start at once). Returns the version. */
  migrate(): Promise<number>
  close(): Promise<void>
}

export function createSqlStore(driver: SqlDriver): BillingStore {
  let closing: Promise<void> | null = null
  return {
    dialect: driver.dialect,
    read: readQueries(driver.read, driver.dialect),
    sql: driver.read,
    transaction: (fn) => driver.transaction((sql) => fn(writeQueries(sql, driver.dialect))),
    migrate: () => driver.migrate(MIGRATIONS),
    close: () => {
      closing ??= driver.close()
      return closing
    },
  }
}
