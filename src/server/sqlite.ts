/**
 * `react-billing-panel/server/sqlite`: the embedded store, on better-sqlite3 (an optional peer
 * dependency: install it only if you use this entry). Zero set-up: one file, or `:memory:`.
 */
import Database from 'better-sqlite3'
import { createSqliteDriver, type SqliteDriverOptions } from './store/sqlite-driver'
import { type BillingStore, createSqlStore } from './store/repository'

export interface SqliteStoreOptions extends SqliteDriverOptions {
  /** A database file (created when missing) or ":memory:". Ignored when `database` is given. */
  filename?: string
  /** A connection the host opened itself; the store sets its pragmas and closes it on `close()`. */
  database?: Database.Database
}

/** Opens the store; call `await store.migrate()` before use (safe when several processes start at once). */
export function createSqliteStore(options: SqliteStoreOptions = {}): BillingStore {
  const db = options.database ?? new Database(options.filename ?? ':memory:')
  const file = db.memory ? null : db.name
  return createSqlStore(
    createSqliteDriver(db, {
      ...options,
      openReader: file ? () => new Database(file, { readonly: true, fileMustExist: true }) : undefined,
    }),
  )
}

export type { BillingStore } from './store/repository'
