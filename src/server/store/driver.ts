/**
 * The seam between the billing store and a database driver. A driver runs parameterised SQL
 * (`?` placeholders; the PostgreSQL driver numbers them) and opens transactions; everything a
 * store knows about billing data lives in `repository.ts`, the same for every driver.
 */

export type Row = Record<string, unknown>

export interface SqlExecutor {
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>
  get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined>
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>
}

export type SqlDialect = 'sqlite' | 'postgres'

export interface Migration {
  version: number
  name: string
  /** The same change in each dialect, side by side. */
  sqlite: string
  postgres: string
}

export interface SqlDriver {
  readonly dialect: SqlDialect
  /**
   * Runs `fn` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws. SQLite takes the write lock at BEGIN (`BEGIN IMMEDIATE`); PostgreSQL runs
   * READ COMMITTED, and the repository locks the account's wallet row (`FOR UPDATE`).
   */
  transaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T>
  /** Reads outside a transaction (any pooled connection). */
  readonly read: SqlExecutor
  /**
   * Applies the pending migrations in version order, each in its own transaction, under a lock
   * that makes simultaneous starts safe (`BEGIN IMMEDIATE` on SQLite, an advisory transaction
   * lock on PostgreSQL). Returns the schema version reached.
   */
  migrate(migrations: readonly Migration[]): Promise<number>
  close(): Promise<void>
}
