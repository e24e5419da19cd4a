/**
 * The example service's schema, as a versioned list applied in order. `PRAGMA user_version`
 * records how far a database has come, so opening an older file brings it up to date and opening
 * a current one does nothing. Never edit a shipped migration: append a new one.
 */
import type Database from 'better-sqlite3'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, billing data and the append-only wallet ledger',
    sql: `
      CREATE TABLE accounts (
        id            TEXT PRIMARY KEY,
        currency      TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
        topup_min     INTEGER NOT NULL CHECK (topup_min > 0),
        topup_max     INTEGER NOT NULL CHECK (topup_max >= topup_min),
        topup_presets TEXT NOT NULL DEFAULT '[]',
        locale        TEXT NOT NULL DEFAULT 'en',
        created_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE billing_profiles (
        account_id      TEXT PRIMARY KEY REFERENCES accounts(id),
        name            TEXT NOT NULL,
        company         TEXT,
        email           TEXT NOT NULL,
        line1           TEXT NOT NULL,
        line2           TEXT,
        city            TEXT NOT NULL,
        region          TEXT,
        postal_code     TEXT,
        country         TEXT NOT NULL,
        tax_id_type     TEXT,
        tax_id_value    TEXT,
        wallet_receipts INTEGER NOT NULL DEFAULT 0,
        updated_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE payment_methods (
        account_id  TEXT NOT NULL REFERENCES accounts(id),
        id          TEXT NOT NULL,
        provider_id TEXT,
        type        TEXT NOT NULL,
        brand       TEXT NOT NULL,
        last4       TEXT NOT NULL,
        exp_month   INTEGER,
        exp_year    INTEGER,
        wallet      TEXT,
        bank_name   TEXT,
        holder_name TEXT,
        is_default  INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL,
        removed_at  TEXT,
        PRIMARY KEY (account_id, id)
      ) STRICT;
      -- At most one default card per account, enforced by the database itself.
      CREATE UNIQUE INDEX payment_methods_one_default
        ON payment_methods (account_id) WHERE is_default = 1 AND removed_at IS NULL;

      CREATE TABLE setup_intents (
        account_id        TEXT NOT NULL REFERENCES accounts(id),
        id                TEXT NOT NULL,
        client_secret     TEXT NOT NULL,
        payment_method_id TEXT,
        created_at        TEXT NOT NULL,
        PRIMARY KEY (account_id, id)
      ) STRICT;

      CREATE TABLE plans (
        account_id     TEXT NOT NULL REFERENCES accounts(id),
        id             TEXT NOT NULL,
        product        TEXT NOT NULL,
        name           TEXT NOT NULL,
        description    TEXT,
        price_amount   INTEGER NOT NULL,
        currency       TEXT NOT NULL,
        interval       TEXT NOT NULL,
        interval_count INTEGER NOT NULL DEFAULT 1,
        sort           INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, id)
      ) STRICT;

      CREATE TABLE subscriptions (
        account_id           TEXT NOT NULL REFERENCES accounts(id),
        id                   TEXT NOT NULL,
        kind                 TEXT NOT NULL,
        product              TEXT,
        plan_id              TEXT,
        name                 TEXT NOT NULL,
        description          TEXT,
        status               TEXT NOT NULL,
        price_amount         INTEGER,
        currency             TEXT,
        quantity             INTEGER NOT NULL DEFAULT 1,
        interval             TEXT,
        interval_count       INTEGER NOT NULL DEFAULT 1,
        start_date           TEXT,
        current_period_end   TEXT,
        cancel_at_period_end INTEGER NOT NULL DEFAULT 0,
        canceled_at          TEXT,
        cancel_reason        TEXT,
        cancel_comment       TEXT,
        trial_end            TEXT,
        payment_method_id    TEXT,
        manage_url           TEXT,
        sort                 INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, id)
      ) STRICT;

      CREATE TABLE invoices (
        account_id TEXT NOT NULL REFERENCES accounts(id),
        id         TEXT NOT NULL,
        number     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (account_id, id)
      ) STRICT;

      -- The wallet. The paid balance is SUM(wallet_delta) of succeeded entries; it is never
      -- stored as a number that could drift. amount is what the history shows (a usage entry
      -- paid partly from credits shows its whole cost but moves the paid balance by less).
      CREATE TABLE ledger_entries (
        seq               INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id        TEXT NOT NULL REFERENCES accounts(id),
        id                TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        type              TEXT NOT NULL,
        status            TEXT NOT NULL,
        description       TEXT NOT NULL,
        amount            INTEGER,
        currency          TEXT NOT NULL,
        wallet_delta      INTEGER NOT NULL DEFAULT 0,
        balance_after     INTEGER,
        usage_unit        TEXT,
        usage_quantity    INTEGER,
        invoice_id        TEXT,
        payment_method_id TEXT,
        failure_reason    TEXT,
        UNIQUE (account_id, id),
        CHECK (status = 'succeeded' OR wallet_delta = 0)
      ) STRICT;
      CREATE INDEX ledger_by_time ON ledger_entries (account_id, created_at DESC, seq DESC);
      CREATE INDEX ledger_by_type_time ON ledger_entries (account_id, type, created_at DESC, seq DESC);
      CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
      CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;

      -- Complimentary credits: what is left is the grant minus its spends, also derived.
      CREATE TABLE wallet_credits (
        account_id  TEXT NOT NULL REFERENCES accounts(id),
        id          TEXT NOT NULL,
        description TEXT,
        amount      INTEGER NOT NULL CHECK (amount > 0),
        granted_at  TEXT NOT NULL,
        expires_at  TEXT,
        PRIMARY KEY (account_id, id)
      ) STRICT;
      CREATE TABLE credit_spends (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL,
        credit_id  TEXT NOT NULL,
        entry_id   TEXT NOT NULL,
        amount     INTEGER NOT NULL CHECK (amount > 0),
        FOREIGN KEY (account_id, credit_id) REFERENCES wallet_credits (account_id, id)
      ) STRICT;
      CREATE TRIGGER credit_spends_no_update BEFORE UPDATE ON credit_spends
        BEGIN SELECT RAISE(ABORT, 'credit spends are append-only'); END;
      CREATE TRIGGER credit_spends_no_delete BEFORE DELETE ON credit_spends
        BEGIN SELECT RAISE(ABORT, 'credit spends are append-only'); END;

      CREATE TABLE auto_recharge (
        account_id           TEXT PRIMARY KEY REFERENCES accounts(id),
        enabled              INTEGER NOT NULL DEFAULT 0,
        threshold            INTEGER NOT NULL DEFAULT 0,
        mode                 TEXT NOT NULL DEFAULT 'fixed' CHECK (mode IN ('fixed', 'target')),
        amount               INTEGER NOT NULL,
        monthly_cap          INTEGER,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        paused_reason        TEXT,
        paused_since         TEXT,
        updated_at           TEXT NOT NULL
      ) STRICT;
      CREATE TABLE auto_recharge_attempts (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id   TEXT NOT NULL REFERENCES accounts(id),
        at           TEXT NOT NULL,
        outcome      TEXT NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'skipped_cap')),
        amount       INTEGER NOT NULL,
        decline_code TEXT,
        entry_id     TEXT
      ) STRICT;

      -- One row per idempotency key and account: the UNIQUE primary key is what makes a retried
      -- or double-clicked top-up impossible to apply twice, even across processes.
      CREATE TABLE idempotency_keys (
        account_id  TEXT NOT NULL REFERENCES accounts(id),
        key         TEXT NOT NULL,
        operation   TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('processing', 'requires_action', 'done')),
        result      TEXT,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (account_id, key)
      ) STRICT;
    `,
  },
]

/** Brings `db` up to the latest version, each migration in its own transaction. Returns the version. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.pragma('foreign_keys = ON')
  let current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0)
  if (current > latest) {
    throw new Error(
      `The billing database is at schema version ${current}, newer than this code knows (${latest}). Update the server.`,
    )
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
    current = migration.version
  }
  return current
}

/** Opens the pragmas a service wants on every connection: WAL for concurrent readers, a busy wait for writers, durable commits. */
export function configureConnection(db: Database.Database): void {
  if (!db.memory) db.pragma('journal_mode = WAL')
  // FULL: an acknowledged top-up survives even a power cut, not just a crashed process.
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
}
