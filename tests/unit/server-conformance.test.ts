// @vitest-environment node
import { afterAll, inject } from 'vitest'
import { createHttpAdapter } from '../../src/adapter/http'
import type { BillingAdapter } from '../../src/adapter/types'
import { createBillingService, type AccountBillingService } from '../../src/server/service/index'
import type { BillingStore } from '../../src/server/store/repository'
import { describeBillingAdapter } from '../../src/testing/conformance'
import { seedAccount } from '../../examples/server/seed'
import {
  FULL_ACCESS,
  openStore,
  startStack,
  TEST_DOCUMENT_SECRET,
  type TestStack,
} from '../../examples/server/test-kit'
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster'

const NOW = new Date('2026-11-26T15:00:00Z')
const clock = () => NOW

const services = new WeakMap<BillingAdapter, AccountBillingService>()
const stacks: TestStack[] = []
const stores: BillingStore[] = []
const databases: TestDatabase[] = []
afterAll(async () => {
  await Promise.all(stacks.map((s) => s.close()))
  await Promise.all(stores.map((s) => s.close()))
  await Promise.all(databases.map((d) => d.drop()))
})

type Kind = 'sqlite' | 'postgres'

let shared: TestDatabase | null = null
/** One PostgreSQL database for the file; each check seeds its own account in it. */
async function postgresUrl(): Promise<string> {
  if (!shared) {
    shared = await createTestDatabase(inject('postgresUrl'))
    databases.push(shared)
  }
  return shared.url
}

let accounts = 0
async function freshStore(kind: Kind): Promise<{ store: BillingStore; accountId: string }> {
  accounts += 1
  const store = kind === 'postgres' ? await openStore({ postgresUrl: await postgresUrl() }) : await openStore()
  return { store, accountId: `acct_${kind}_${accounts}` }
}

function direct(kind: Kind) {
  return async (): Promise<BillingAdapter> => {
    const { store, accountId } = await freshStore(kind)
    stores.push(store)
    await seedAccount(store, { accountId, now: NOW })
    const service = createBillingService({
      store,
      clock,
      documents: {
        secret: TEST_DOCUMENT_SECRET,
        baseUrl: 'https://billing.example.com/documents',
        brandName: 'Acme CRM',
      },
    }).forAccount(accountId)
    services.set(service, service)
    return service
  }
}

function overHttp(kind: Kind) {
  return async (): Promise<BillingAdapter> => {
    const { store, accountId } = await freshStore(kind)
    const stack = await startStack({
      store,
      now: clock,
      accounts: [{ accountId }],
      tokens: { 'token-a': { accountId, permissions: FULL_ACCESS } },
    })
    stacks.push(stack)
    const adapter = createHttpAdapter({
      baseUrl: stack.url,
      headers: { Authorization: 'Bearer token-a' },
      retryDelayMs: 5,
    })
    services.set(adapter, stack.billing.forAccount(accountId))
    return adapter
  }
}

const usage = async (adapter: BillingAdapter, amount: { amount: number; currency: string }) => {
  await services.get(adapter)!.recordUsage({ unit: 'sms', quantity: 1, cost: amount })
}

describeBillingAdapter('service on SQLite', direct('sqlite'), { usage })
describeBillingAdapter('http + service on SQLite', overHttp('sqlite'), { usage })
describeBillingAdapter('service on PostgreSQL', direct('postgres'), { usage })
describeBillingAdapter('http + service on PostgreSQL', overHttp('postgres'), { usage })
