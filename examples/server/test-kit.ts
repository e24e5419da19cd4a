/**
 * The example stack for tests: a migrated store (SQLite in memory, or a PostgreSQL database),
 * seeded accounts with tokens, and the app on a free port of 127.0.0.1.
 */
import { createSqliteStore } from '../../src/server/sqlite'
import { createPostgresStore } from '../../src/server/postgres'
import type { PaymentProvider } from '../../src/server/payments/provider'
import {
  type BillingServiceInstance,
  type BillingServiceOptions,
  createBillingService,
} from '../../src/server/service/index'
import type { BillingStore } from '../../src/server/store/repository'
import { type AccessToken, createExampleApp, FULL_ACCESS } from './app'
import { listen, type RunningServer } from './listen'
import { seedAccount, type SeedAccountOptions } from './seed'

export { FULL_ACCESS, READ_ONLY } from './app'

export const TEST_DOCUMENT_SECRET = 'test-document-secret-of-at-least-32-bytes'

/** A migrated store: SQLite in memory (or at `filename`), or PostgreSQL at `postgresUrl`. */
export async function openStore(options: { postgresUrl?: string; filename?: string } = {}): Promise<BillingStore> {
  const store = options.postgresUrl
    ? createPostgresStore({ connectionString: options.postgresUrl, max: 10 })
    : createSqliteStore({ filename: options.filename ?? ':memory:' })
  await store.migrate()
  return store
}

export interface TestStackOptions {
  /** Default a new in-memory SQLite store. */
  store?: BillingStore
  accounts?: SeedAccountOptions[]
  tokens?: Record<string, AccessToken>
  now?: () => Date
  payments?: PaymentProvider
  leaseMs?: number
  maxBodyBytes?: number
  /** More service options: usage policy, onEvent, webhooks, email. */
  service?: Pick<BillingServiceOptions, 'usage' | 'onEvent' | 'webhooks' | 'email'>
  /** Turns on the usage API behind this secret. */
  serverSecret?: string
}

export interface TestStack extends RunningServer {
  store: BillingStore
  billing: BillingServiceInstance
  handler: (request: Request) => Promise<Response>
}

/** Seeds the accounts (skipping existing ones) and serves them; `close()` also closes the store. */
export async function startStack(options: TestStackOptions = {}): Promise<TestStack> {
  const store = options.store ?? (await openStore())
  const anchor = options.now?.()
  for (const account of options.accounts ?? [{ accountId: 'acct_a' }]) {
    await seedAccount(store, { now: anchor, ...account })
  }
  let app: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 })
  const server = await listen((request) => app(request))
  const billing = createBillingService({
    store,
    clock: options.now,
    payments: options.payments,
    leaseMs: options.leaseMs,
    documents: { secret: TEST_DOCUMENT_SECRET, baseUrl: `${server.url}/documents`, brandName: 'Acme CRM' },
    ...options.service,
  })
  const handler = createExampleApp({
    billing,
    tokens: options.tokens ?? { 'token-a': { accountId: 'acct_a', permissions: FULL_ACCESS } },
    maxBodyBytes: options.maxBodyBytes,
    serverSecret: options.serverSecret,
  })
  app = handler
  return {
    ...server,
    store,
    billing,
    handler,
    async close() {
      await server.close()
      await store.close()
    },
  }
}
