/**
 * The statements of schema version 4: usage events remembered by key, the host's usage
 * categories, balance alerts, credit expiry, and the jobs outbox. Spread into `readQueries` /
 * `writeQueries`, so they run inside the same transactions as the rest of the store.
 */
import type { Row, SqlDialect, SqlExecutor } from './driver'

export interface UsageEventRecord {
  idempotencyKey: string
  fingerprint: string
  /** The event's answer as JSON, replayed as is. */
  result: string
  entryId: string | null
  createdAt: string
}

export interface WalletAlertsRecord {
  /** Minor units; null means no alert threshold of its own (zero is used). */
  lowBalanceThreshold: number | null
  lowBalanceEmail: boolean
  /** Cleared when a low-balance alert goes out, set again once the balance is back above it. */
  lowBalanceArmed: boolean
}

export interface JobRecord {
  id: string
  kind: string
  accountId: string | null
  payload: string
  dedupeKey: string | null
  state: 'pending' | 'done' | 'dead'
  runAt: string
  lockedUntil: string | null
  attempts: number
  lastError: string | null
  createdAt: string
}

export interface NewJob {
  id: string
  kind: string
  accountId: string | null
  payload: unknown
  /** While a job with this key is pending, another with it is not added. */
  dedupeKey?: string | null
  runAt: string
}

export interface DueCreditRecord {
  accountId: string
  creditId: string
  remaining: number
  expiresAt: string
  description: string | null
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
const bool = (v: unknown) => v === 1 || v === true || v === '1'

const toJob = (r: Row): JobRecord => ({
  id: String(r.id),
  kind: String(r.kind),
  accountId: str(r.account_id),
  payload: String(r.payload),
  dedupeKey: str(r.dedupe_key),
  state: r.state as JobRecord['state'],
  runAt: String(r.run_at),
  lockedUntil: str(r.locked_until),
  attempts: Number(r.attempts),
  lastError: str(r.last_error),
  createdAt: String(r.created_at),
})

const toDueCredit = (r: Row): DueCreditRecord => ({
  accountId: String(r.account_id),
  creditId: String(r.id),
  remaining: Number(r.remaining),
  expiresAt: String(r.expires_at),
  description: str(r.description),
})

export function walletWorkReadQueries(sql: SqlExecutor, _dialect: SqlDialect) {
  return {
    /** The host's labels, by category key. */
    usageCategories: async () =>
      new Map(
        (await sql.all('SELECT key, label FROM usage_categories')).map(
          (r) => [String(r.key), String(r.label)] as const,
        ),
      ),
    /** The remembered events among `keys`. */
    async usageEvents(accountId: string, keys: readonly string[]): Promise<Map<string, UsageEventRecord>> {
      const out = new Map<string, UsageEventRecord>()
      for (let i = 0; i < keys.length; i += 500) {
        const part = keys.slice(i, i + 500)
        const rows = await sql.all(
          `SELECT * FROM usage_events WHERE account_id = ? AND idempotency_key IN (${part.map(() => '?').join(', ')})`,
          [accountId, ...part],
        )
        for (const r of rows) {
          out.set(String(r.idempotency_key), {
            idempotencyKey: String(r.idempotency_key),
            fingerprint: String(r.fingerprint),
            result: String(r.result),
            entryId: str(r.entry_id),
            createdAt: String(r.created_at),
          })
        }
      }
      return out
    },
    walletAlerts: async (accountId: string): Promise<WalletAlertsRecord | undefined> => {
      const r = await sql.get('SELECT * FROM wallet_alerts WHERE account_id = ?', [accountId])
      return r
        ? {
            lowBalanceThreshold: r.low_balance_threshold === null ? null : Number(r.low_balance_threshold),
            lowBalanceEmail: bool(r.low_balance_email),
            lowBalanceArmed: bool(r.low_balance_armed),
          }
        : undefined
    },
    /** Credits with something left whose expiry has passed: one account's, or every account's. */
    expiredCredits: async (at: string, limit: number, accountId: string | null = null) =>
      (
        await sql.all(
          `SELECT account_id, id, remaining, expires_at, description FROM wallet_credits
           WHERE remaining > 0 AND expires_at IS NOT NULL AND expires_at <= ? AND (CAST(? AS TEXT) IS NULL OR account_id = ?)
           ORDER BY expires_at LIMIT ?`,
          [at, accountId, accountId, limit],
        )
      ).map(toDueCredit),
    /** Credits expiring before `until` whose holder has not been told yet. */
    creditsExpiringSoon: async (at: string, until: string, limit: number) =>
      (
        await sql.all(
          `SELECT account_id, id, remaining, expires_at, description FROM wallet_credits
           WHERE remaining > 0 AND expires_at IS NOT NULL AND expires_at > ? AND expires_at <= ?
             AND expiry_notified_at IS NULL ORDER BY expires_at LIMIT ?`,
          [at, until, limit],
        )
      ).map(toDueCredit),
    /** Jobs, newest first, for diagnostics and tests. */
    jobs: async (filter: { kind?: string; state?: JobRecord['state'] } = {}) =>
      (
        await sql.all(
          `SELECT * FROM billing_jobs WHERE (CAST(? AS TEXT) IS NULL OR kind = ?) AND (CAST(? AS TEXT) IS NULL OR state = ?) ORDER BY created_at DESC, id`,
          [filter.kind ?? null, filter.kind ?? null, filter.state ?? null, filter.state ?? null],
        )
      ).map(toJob),
  }
}

export function walletWorkWriteQueries(sql: SqlExecutor, dialect: SqlDialect) {
  return {
    saveUsageCategory: (key: string, label: string, at: string) =>
      sql.run(
        `INSERT INTO usage_categories (key, label, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET label = excluded.label, updated_at = excluded.updated_at`,
        [key, label, at],
      ),
    insertUsageEvent: (accountId: string, e: UsageEventRecord) =>
      sql.run(
        'INSERT INTO usage_events (account_id, idempotency_key, fingerprint, result, entry_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [accountId, e.idempotencyKey, e.fingerprint, e.result, e.entryId, e.createdAt],
      ),
    saveWalletAlerts: (accountId: string, a: WalletAlertsRecord, at: string) =>
      sql.run(
        `INSERT INTO wallet_alerts (account_id, low_balance_threshold, low_balance_email, low_balance_armed, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET low_balance_threshold = excluded.low_balance_threshold,
           low_balance_email = excluded.low_balance_email, low_balance_armed = excluded.low_balance_armed,
           updated_at = excluded.updated_at`,
        [accountId, a.lowBalanceThreshold, a.lowBalanceEmail ? 1 : 0, a.lowBalanceArmed ? 1 : 0, at],
      ),
    markCreditNotified: (accountId: string, creditId: string, at: string) =>
      sql.run('UPDATE wallet_credits SET expiry_notified_at = ? WHERE account_id = ? AND id = ?', [
        at,
        accountId,
        creditId,
      ]),
    /** Adds a job; with a dedupe key already pending, adds nothing and answers false. */
    async enqueueJob(job: NewJob, at: string): Promise<boolean> {
      const { changes } = await sql.run(
        `INSERT INTO billing_jobs (id, kind, account_id, payload, dedupe_key, state, run_at, attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?) ON CONFLICT DO NOTHING`,
        [
          job.id,
          job.kind,
          job.accountId,
          JSON.stringify(job.payload ?? null),
          job.dedupeKey ?? null,
          job.runAt,
          at,
          at,
        ],
      )
      return changes > 0
    },
    /**
     * Takes up to `limit` due jobs for this worker until `lockedUntil`. On PostgreSQL, rows another
     * instance is taking at this moment are skipped (`FOR UPDATE SKIP LOCKED`), so workers never
     * queue behind each other; SQLite's single writer makes the statement atomic already. A job
     * whose worker died is due again once its lock has passed.
     */
    claimJobs: async (at: string, lockedUntil: string, limit: number) =>
      (
        await sql.all(
          `UPDATE billing_jobs SET locked_until = ?, attempts = attempts + 1, updated_at = ?
           WHERE id IN (
             SELECT id FROM billing_jobs
             WHERE state = 'pending' AND run_at <= ? AND (locked_until IS NULL OR locked_until <= ?)
             ORDER BY run_at, id LIMIT ?${dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''}
           ) RETURNING *`,
          [lockedUntil, at, at, at, limit],
        )
      ).map(toJob),
    /** Ends a claimed job; `attempts` fences a worker whose claim was taken over. */
    finishJob: (id: string, attempts: number, at: string) =>
      sql.run(
        `UPDATE billing_jobs SET state = 'done', dedupe_key = NULL, locked_until = NULL, last_error = NULL, updated_at = ?
         WHERE id = ? AND attempts = ?`,
        [at, id, attempts],
      ),
    retryJob: (id: string, attempts: number, runAt: string, error: string, at: string) =>
      sql.run(
        `UPDATE billing_jobs SET run_at = ?, locked_until = NULL, last_error = ?, updated_at = ? WHERE id = ? AND attempts = ?`,
        [runAt, error.slice(0, 500), at, id, attempts],
      ),
    /** Forgets finished jobs last touched before `before` (dead ones are kept for a look). */
    pruneJobs: (before: string) =>
      sql.run("DELETE FROM billing_jobs WHERE state = 'done' AND updated_at < ?", [before]),
    abandonJob: (id: string, attempts: number, error: string, at: string) =>
      sql.run(
        `UPDATE billing_jobs SET state = 'dead', dedupe_key = NULL, locked_until = NULL, last_error = ?, updated_at = ?
         WHERE id = ? AND attempts = ?`,
        [error.slice(0, 500), at, id, attempts],
      ),
  }
}
