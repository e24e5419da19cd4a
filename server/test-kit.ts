/**
 * Helpers for tests and the dev server: a migrated database, seeded accounts with tokens, and
 * the whole stack on a real port.
 */
import Database from 'better-sqlite3'
import { createSqliteBillingHandler, FULL_ACCESS, type AccessToken } from './app'
import { listen, type RunningServer } from './listen'
import { configureConnection, migrate } from './migrations'
import type { PaymentProvider } from './payments'
import { seedAccount, type SeedAccountOptions } from './seed'

export { FULL_ACCESS, READ_ONLY } from './app'

export function openDatabase(filename = ':memory:'): Database.Database {
  const db = new Database(filename)
  configureConnection(db)
  migrate(db)
  return db
}

export interface TestStackOptions {
  /** Default a new in-memory database. */
  db?: Database.Database
  accounts?: SeedAccountOptions[]
  tokens?: Record<string, AccessToken>
  now?: () => Date
  stripe?: PaymentProvider
  maxBodyBytes?: number
}

export interface TestStack extends RunningServer {
  db: Database.Database
  handler: (request: Request) => Promise<Response>
}

/** Seeds the accounts (skipping existing ones) and serves them on 127.0.0.1 at a free port. */
export async function startStack(options: TestStackOptions = {}): Promise<TestStack> {
  const db = options.db ?? openDatabase()
  const anchor = options.now?.()
  for (const account of options.accounts ?? [{ accountId: 'acct_a' }]) {
    await seedAccount(db, { now: anchor, ...account })
  }
  const handler = createSqliteBillingHandler({
    db,
    tokens: options.tokens ?? { 'token-a': { accountId: 'acct_a', permissions: FULL_ACCESS } },
    now: options.now,
    stripe: options.stripe,
    maxBodyBytes: options.maxBodyBytes,
  })
  const running = await listen(handler)
  return { ...running, db, handler }
}
