/**
 * `react-billing-panel/server/postgres`: the store for several instances on one database, on
 * `pg` (an optional peer dependency: install it only if you use this entry). Writes for one
 * account queue on its wallet row (`SELECT … FOR UPDATE`); other accounts never wait.
 */
import { createPostgresDriver, type PostgresDriverOptions } from './store/postgres-driver'
import { type BillingStore, createSqlStore } from './store/repository'

export type PostgresStoreOptions = PostgresDriverOptions

/** Opens the store; call `await store.migrate()` before use (an advisory lock makes simultaneous starts safe). */
export function createPostgresStore(options: PostgresStoreOptions): BillingStore {
  if (!options?.pool && !options?.connectionString) {
    throw new TypeError(
      'react-billing-panel: createPostgresStore needs { connectionString } (e.g. process.env.DATABASE_URL) or { pool }.',
    )
  }
  return createSqlStore(createPostgresDriver(options))
}

export type { BillingStore } from './store/repository'
