/**
 * The billing schema as a versioned list, each change written for SQLite and for PostgreSQL side
 * by side, applied in order by `store.migrate()` (at start, or as a step of the host's deploy).
 * Never edit a shipped migration: append a new one.
 *
 * Money is integer minor units. Timestamps are ISO-8601 UTC text (`2026-12-03T12:00:00.000Z`),
 * which sorts as time; PostgreSQL compares them in the "C" collation so no locale reorders them.
 * Balances are state: `wallets` holds each account's paid balance, updated in the transaction
 * that appends the ledger entry explaining it; `verifyLedger` recomputes it from the history.
 */
import type { Migration } from './driver'

const sqliteV1 = `
CREATE TABLE accounts (
  id            TEXT PRIMARY KEY,
  currency      TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  locale        TEXT NOT NULL DEFAULT 'en',
  topup_min     INTEGER NOT NULL CHECK (topup_min > 0),
  topup_max     INTEGER NOT NULL CHECK (topup_max >= topup_min),
  topup_presets TEXT NOT NULL DEFAULT '[]',
  document_seq  INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE wallets (
  account_id     TEXT PRIMARY KEY REFERENCES accounts(id),
  balance        INTEGER NOT NULL DEFAULT 0,
  entry_count    INTEGER NOT NULL DEFAULT 0,
  recharge_lease TEXT,
  updated_at     TEXT NOT NULL
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
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (account_id) WHERE is_default = 1 AND removed_at IS NULL;

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
  kind       TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'receipt')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, id)
) STRICT;

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
  idempotency_key   TEXT,
  UNIQUE (account_id, id),
  CHECK (status = 'succeeded' OR wallet_delta = 0)
) STRICT;
-- The fence: whatever happens to the request that carried it, one key explains at most one entry.
CREATE UNIQUE INDEX ledger_one_entry_per_key ON ledger_entries (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ledger_by_time ON ledger_entries (account_id, created_at DESC, seq DESC);
CREATE INDEX ledger_by_type_time ON ledger_entries (account_id, type, created_at DESC, seq DESC);
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
  BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
  BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;

CREATE TABLE wallet_credits (
  account_id  TEXT NOT NULL REFERENCES accounts(id),
  id          TEXT NOT NULL,
  description TEXT,
  amount      INTEGER NOT NULL CHECK (amount > 0),
  remaining   INTEGER NOT NULL CHECK (remaining >= 0),
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
  -- What auto-recharge charged in the month it last charged ("2026-12"), kept as state for the cap.
  charged_month        TEXT,
  charged_amount       INTEGER NOT NULL DEFAULT 0,
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
CREATE INDEX auto_recharge_attempts_by_account ON auto_recharge_attempts (account_id, seq DESC);

CREATE TABLE idempotency_keys (
  account_id  TEXT NOT NULL REFERENCES accounts(id),
  key         TEXT NOT NULL,
  operation   TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('in_flight', 'requires_action', 'done')),
  response    TEXT,
  attempt     INTEGER NOT NULL DEFAULT 1,
  lease_until TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (account_id, key)
) STRICT;
`

const postgresV1 = `
CREATE TABLE accounts (
  id            text PRIMARY KEY,
  currency      text NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  locale        text NOT NULL DEFAULT 'en',
  topup_min     bigint NOT NULL CHECK (topup_min > 0),
  topup_max     bigint NOT NULL CHECK (topup_max >= topup_min),
  topup_presets text NOT NULL DEFAULT '[]',
  document_seq  bigint NOT NULL DEFAULT 0,
  created_at    text COLLATE "C" NOT NULL
);

CREATE TABLE wallets (
  account_id     text PRIMARY KEY REFERENCES accounts(id),
  balance        bigint NOT NULL DEFAULT 0,
  entry_count    bigint NOT NULL DEFAULT 0,
  recharge_lease text COLLATE "C",
  updated_at     text COLLATE "C" NOT NULL
);

CREATE TABLE billing_profiles (
  account_id      text PRIMARY KEY REFERENCES accounts(id),
  name            text NOT NULL,
  company         text,
  email           text NOT NULL,
  line1           text NOT NULL,
  line2           text,
  city            text NOT NULL,
  region          text,
  postal_code     text,
  country         text NOT NULL,
  tax_id_type     text,
  tax_id_value    text,
  wallet_receipts integer NOT NULL DEFAULT 0,
  updated_at      text COLLATE "C" NOT NULL
);

CREATE TABLE payment_methods (
  account_id  text NOT NULL REFERENCES accounts(id),
  id          text NOT NULL,
  provider_id text,
  type        text NOT NULL,
  brand       text NOT NULL,
  last4       text NOT NULL,
  exp_month   integer,
  exp_year    integer,
  wallet      text,
  bank_name   text,
  holder_name text,
  is_default  integer NOT NULL DEFAULT 0,
  created_at  text COLLATE "C" NOT NULL,
  removed_at  text COLLATE "C",
  PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (account_id) WHERE is_default = 1 AND removed_at IS NULL;

CREATE TABLE setup_intents (
  account_id        text NOT NULL REFERENCES accounts(id),
  id                text NOT NULL,
  client_secret     text NOT NULL,
  payment_method_id text,
  created_at        text COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, id)
);

CREATE TABLE plans (
  account_id     text NOT NULL REFERENCES accounts(id),
  id             text NOT NULL,
  product        text NOT NULL,
  name           text NOT NULL,
  description    text,
  price_amount   bigint NOT NULL,
  currency       text NOT NULL,
  interval       text NOT NULL,
  interval_count integer NOT NULL DEFAULT 1,
  sort           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, id)
);

CREATE TABLE subscriptions (
  account_id           text NOT NULL REFERENCES accounts(id),
  id                   text NOT NULL,
  kind                 text NOT NULL,
  product              text,
  plan_id              text,
  name                 text NOT NULL,
  description          text,
  status               text NOT NULL,
  price_amount         bigint,
  currency             text,
  quantity             integer NOT NULL DEFAULT 1,
  interval             text,
  interval_count       integer NOT NULL DEFAULT 1,
  start_date           text COLLATE "C",
  current_period_end   text COLLATE "C",
  cancel_at_period_end integer NOT NULL DEFAULT 0,
  canceled_at          text COLLATE "C",
  cancel_reason        text,
  cancel_comment       text,
  trial_end            text COLLATE "C",
  payment_method_id    text,
  manage_url           text,
  sort                 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, id)
);

CREATE TABLE invoices (
  account_id text NOT NULL REFERENCES accounts(id),
  id         text NOT NULL,
  number     text NOT NULL,
  kind       text NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'receipt')),
  created_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, id)
);

CREATE TABLE ledger_entries (
  seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id        text NOT NULL REFERENCES accounts(id),
  id                text NOT NULL,
  created_at        text COLLATE "C" NOT NULL,
  type              text NOT NULL,
  status            text NOT NULL,
  description       text NOT NULL,
  amount            bigint,
  currency          text NOT NULL,
  wallet_delta      bigint NOT NULL DEFAULT 0,
  balance_after     bigint,
  usage_unit        text,
  usage_quantity    bigint,
  invoice_id        text,
  payment_method_id text,
  failure_reason    text,
  idempotency_key   text,
  UNIQUE (account_id, id),
  CHECK (status = 'succeeded' OR wallet_delta = 0)
);
CREATE UNIQUE INDEX ledger_one_entry_per_key ON ledger_entries (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ledger_by_time ON ledger_entries (account_id, created_at DESC, seq DESC);
CREATE INDEX ledger_by_type_time ON ledger_entries (account_id, type, created_at DESC, seq DESC);
CREATE FUNCTION billing_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'ledger entries are append-only'; END $$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION billing_append_only();

CREATE TABLE wallet_credits (
  account_id  text NOT NULL REFERENCES accounts(id),
  id          text NOT NULL,
  description text,
  amount      bigint NOT NULL CHECK (amount > 0),
  remaining   bigint NOT NULL CHECK (remaining >= 0),
  granted_at  text COLLATE "C" NOT NULL,
  expires_at  text COLLATE "C",
  PRIMARY KEY (account_id, id)
);
CREATE TABLE credit_spends (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id text NOT NULL,
  credit_id  text NOT NULL,
  entry_id   text NOT NULL,
  amount     bigint NOT NULL CHECK (amount > 0),
  FOREIGN KEY (account_id, credit_id) REFERENCES wallet_credits (account_id, id)
);

CREATE TABLE auto_recharge (
  account_id           text PRIMARY KEY REFERENCES accounts(id),
  enabled              integer NOT NULL DEFAULT 0,
  threshold            bigint NOT NULL DEFAULT 0,
  mode                 text NOT NULL DEFAULT 'fixed' CHECK (mode IN ('fixed', 'target')),
  amount               bigint NOT NULL,
  monthly_cap          bigint,
  consecutive_failures integer NOT NULL DEFAULT 0,
  paused_reason        text,
  paused_since         text COLLATE "C",
  charged_month        text COLLATE "C",
  charged_amount       bigint NOT NULL DEFAULT 0,
  updated_at           text COLLATE "C" NOT NULL
);
CREATE TABLE auto_recharge_attempts (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id   text NOT NULL REFERENCES accounts(id),
  at           text COLLATE "C" NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'skipped_cap')),
  amount       bigint NOT NULL,
  decline_code text,
  entry_id     text
);
CREATE INDEX auto_recharge_attempts_by_account ON auto_recharge_attempts (account_id, seq DESC);

CREATE TABLE idempotency_keys (
  account_id  text NOT NULL REFERENCES accounts(id),
  key         text NOT NULL,
  operation   text NOT NULL,
  fingerprint text NOT NULL,
  state       text NOT NULL CHECK (state IN ('in_flight', 'requires_action', 'done')),
  response    text,
  attempt     integer NOT NULL DEFAULT 1,
  lease_until text COLLATE "C",
  created_at  text COLLATE "C" NOT NULL,
  updated_at  text COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, key)
);
`

// Version 2: what a card processor (Stripe) needs us to remember. The customer per account is
// unique both ways, so two instances creating it at once keep one; a charge's processor key
// maps to its PaymentIntent (for 3-D Secure, takeovers and webhooks); each processor event is
// recorded once; disputes are kept per account.
const sqliteV2 = `
CREATE TABLE processor_customers (
  account_id  TEXT PRIMARY KEY REFERENCES accounts(id),
  customer_id TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE processor_charges (
  processor_key   TEXT PRIMARY KEY,
  account_id      TEXT NOT NULL REFERENCES accounts(id),
  intent_id       TEXT NOT NULL UNIQUE,
  refunded_amount INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE processor_events (
  event_id     TEXT PRIMARY KEY,
  type         TEXT NOT NULL,
  processed_at TEXT NOT NULL
) STRICT;

CREATE TABLE processor_disputes (
  account_id TEXT NOT NULL REFERENCES accounts(id),
  id         TEXT NOT NULL,
  charge_id  TEXT,
  intent_id  TEXT,
  amount     INTEGER NOT NULL,
  currency   TEXT NOT NULL,
  reason     TEXT,
  status     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, id)
) STRICT;

CREATE INDEX payment_methods_by_provider ON payment_methods (provider_id) WHERE provider_id IS NOT NULL;
`

const postgresV2 = `
CREATE TABLE processor_customers (
  account_id  text PRIMARY KEY REFERENCES accounts(id),
  customer_id text NOT NULL UNIQUE,
  created_at  text COLLATE "C" NOT NULL
);

CREATE TABLE processor_charges (
  processor_key   text PRIMARY KEY,
  account_id      text NOT NULL REFERENCES accounts(id),
  intent_id       text NOT NULL UNIQUE,
  refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  created_at      text COLLATE "C" NOT NULL
);

CREATE TABLE processor_events (
  event_id     text PRIMARY KEY,
  type         text NOT NULL,
  processed_at text COLLATE "C" NOT NULL
);

CREATE TABLE processor_disputes (
  account_id text NOT NULL REFERENCES accounts(id),
  id         text NOT NULL,
  charge_id  text,
  intent_id  text,
  amount     bigint NOT NULL,
  currency   text NOT NULL,
  reason     text,
  status     text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, id)
);

CREATE INDEX payment_methods_by_provider ON payment_methods (provider_id) WHERE provider_id IS NOT NULL;
`

/**
 * The spend summary reads succeeded usage by time and sums it per unit: a partial index holding
 * exactly those columns answers it from the index alone, whatever else the ledger holds.
 */
const SPEND_INDEX = `
CREATE INDEX ledger_usage_spend ON ledger_entries (account_id, created_at, usage_unit, amount)
  WHERE type = 'usage' AND status = 'succeeded';
`

// Version 4: the host's side of the wallet. Usage events are remembered by their idempotency
// key with the answer they got, so a replayed batch applies nothing twice; categories keep the
// host's labels; alerts hold the low-balance threshold apart from auto-recharge; and the jobs
// table is the outbox: every retry, notification, webhook and email due later is a row written
// in the transaction that made it due, so a process that dies loses none of them.
const sqliteV4 = `
CREATE TABLE usage_categories (
  key        TEXT PRIMARY KEY,
  label      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE usage_events (
  account_id      TEXT NOT NULL REFERENCES accounts(id),
  idempotency_key TEXT NOT NULL,
  fingerprint     TEXT NOT NULL,
  result          TEXT NOT NULL,
  entry_id        TEXT,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
) STRICT;

CREATE TABLE wallet_alerts (
  account_id            TEXT PRIMARY KEY REFERENCES accounts(id),
  low_balance_threshold INTEGER,
  low_balance_email     INTEGER NOT NULL DEFAULT 0,
  low_balance_armed     INTEGER NOT NULL DEFAULT 1,
  updated_at            TEXT NOT NULL
) STRICT;

ALTER TABLE wallet_credits ADD COLUMN expiry_notified_at TEXT;

CREATE TABLE billing_jobs (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  account_id   TEXT,
  payload      TEXT NOT NULL,
  dedupe_key   TEXT UNIQUE,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'dead')),
  run_at       TEXT NOT NULL,
  locked_until TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX billing_jobs_due ON billing_jobs (run_at) WHERE state = 'pending';
CREATE INDEX billing_jobs_finished ON billing_jobs (updated_at) WHERE state = 'done';
CREATE INDEX wallet_credits_expiring ON wallet_credits (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;
`

const postgresV4 = `
CREATE TABLE usage_categories (
  key        text PRIMARY KEY,
  label      text NOT NULL,
  updated_at text COLLATE "C" NOT NULL
);

CREATE TABLE usage_events (
  account_id      text NOT NULL REFERENCES accounts(id),
  idempotency_key text NOT NULL,
  fingerprint     text NOT NULL,
  result          text NOT NULL,
  entry_id        text,
  created_at      text COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
);

CREATE TABLE wallet_alerts (
  account_id            text PRIMARY KEY REFERENCES accounts(id),
  low_balance_threshold bigint,
  low_balance_email     integer NOT NULL DEFAULT 0,
  low_balance_armed     integer NOT NULL DEFAULT 1,
  updated_at            text COLLATE "C" NOT NULL
);

ALTER TABLE wallet_credits ADD COLUMN expiry_notified_at text COLLATE "C";

CREATE TABLE billing_jobs (
  id           text PRIMARY KEY,
  kind         text NOT NULL,
  account_id   text,
  payload      text NOT NULL,
  dedupe_key   text UNIQUE,
  state        text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'dead')),
  run_at       text COLLATE "C" NOT NULL,
  locked_until text COLLATE "C",
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text,
  created_at   text COLLATE "C" NOT NULL,
  updated_at   text COLLATE "C" NOT NULL
);
CREATE INDEX billing_jobs_due ON billing_jobs (run_at) WHERE state = 'pending';
CREATE INDEX billing_jobs_finished ON billing_jobs (updated_at) WHERE state = 'done';
CREATE INDEX wallet_credits_expiring ON wallet_credits (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;
`

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, wallets, the append-only ledger and idempotency keys',
    sqlite: sqliteV1,
    postgres: postgresV1,
  },
  {
    version: 2,
    name: 'card processor customers, charges, events and disputes',
    sqlite: sqliteV2,
    postgres: postgresV2,
  },
  {
    version: 3,
    name: 'spend summary index',
    sqlite: SPEND_INDEX,
    postgres: SPEND_INDEX,
  },
  {
    version: 4,
    name: 'usage events and categories, balance alerts, the jobs outbox',
    sqlite: sqliteV4,
    postgres: postgresV4,
  },
]
