// @vitest-environment node
import { afterAll } from 'vitest'
import { createHttpAdapter } from '../../src/adapter/http'
import type { BillingAdapter } from '../../src/adapter/types'
import { describeBillingAdapter } from '../../src/testing/conformance'
import { createSqliteBillingService, type SqliteBillingService } from '../../server/sqlite-service'
import { FULL_ACCESS, openDatabase, startStack, type TestStack } from '../../server/test-kit'
import { seedAccount } from '../../server/seed'

const NOW = new Date('2026-11-26T15:00:00Z')
const clock = () => NOW

const services = new WeakMap<BillingAdapter, SqliteBillingService>()
const stacks: TestStack[] = []
afterAll(async () => {
  await Promise.all(stacks.map((s) => s.close()))
  for (const s of stacks) s.db.close()
})

async function direct(): Promise<BillingAdapter> {
  const db = openDatabase()
  await seedAccount(db, { accountId: 'acct_a', now: NOW })
  const service = createSqliteBillingService(db, { accountId: 'acct_a', now: clock })
  services.set(service, service)
  return service
}

async function overHttp(): Promise<BillingAdapter> {
  const stack = await startStack({
    now: clock,
    accounts: [{ accountId: 'acct_a' }],
    tokens: { 'token-a': { accountId: 'acct_a', permissions: FULL_ACCESS } },
  })
  stacks.push(stack)
  const adapter = createHttpAdapter({
    baseUrl: stack.url,
    headers: { Authorization: 'Bearer token-a' },
    retryDelayMs: 5,
  })
  services.set(adapter, createSqliteBillingService(stack.db, { accountId: 'acct_a', now: clock }))
  return adapter
}

const usage = async (adapter: BillingAdapter, amount: { amount: number; currency: string }) => {
  await services.get(adapter)!.recordUsage({ unit: 'sms', quantity: 1, cost: amount })
}

describeBillingAdapter('sqlite service', direct, { usage })
describeBillingAdapter('http+sqlite', overHttp, { usage })
