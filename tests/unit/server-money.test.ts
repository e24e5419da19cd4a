// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { createHttpAdapter } from '../../src/adapter/http'
import { SEED_CARDS } from '../../src/adapter/memory'
import { isBillingError, type BillingError } from '../../src/adapter/errors'
import type { BillingAdapter, LedgerEntry, Money } from '../../src/adapter/types'
import type { ChargeRequest, PaymentProvider } from '../../src/server/payments/provider'
import { createSimulatedPayments } from '../../src/server/payments/simulated'
import { type AccountBillingService, createBillingService } from '../../src/server/service/index'
import type { BillingStore } from '../../src/server/store/repository'
import { MIGRATIONS } from '../../src/server/store/schema'
import { seedAccount } from '../../examples/server/seed'
import { FULL_ACCESS, openStore, startStack, type TestStack } from '../../examples/server/test-kit'
import { createTestDatabase } from '../support/postgres-cluster'

const NOW = new Date('2026-11-26T15:00:00Z')
const clock = () => NOW
const TOKENS = { 'token-a': { accountId: 'acct_a', permissions: FULL_ACCESS } }
type Kind = 'sqlite' | 'postgres'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** A migrated, empty store of that kind; on PostgreSQL, a database of its own. */
async function emptyStore(kind: Kind): Promise<{ store: BillingStore; open(): Promise<BillingStore> }> {
  if (kind === 'postgres') {
    const db = await createTestDatabase(inject('postgresUrl'))
    cleanups.push(() => db.drop())
    const open = async () => {
      const store = await openStore({ postgresUrl: db.url })
      cleanups.push(() => store.close())
      return store
    }
    return { store: await open(), open }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'billing-money-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const filename = path.join(dir, 'billing.sqlite')
  const open = async () => {
    const store = await openStore({ filename })
    cleanups.push(() => store.close().catch(() => {}))
    return store
  }
  return { store: await open(), open }
}

async function stack(store: BillingStore, options: Parameters<typeof startStack>[0] = {}): Promise<TestStack> {
  const s = await startStack({ store, now: clock, accounts: [{ accountId: 'acct_a' }], tokens: TOKENS, ...options })
  cleanups.push(() => s.close().catch(() => {}))
  return s
}

function adapterFor(s: { url: string }, extra: Partial<Parameters<typeof createHttpAdapter>[0]> = {}): BillingAdapter {
  return createHttpAdapter({ baseUrl: s.url, headers: { Authorization: 'Bearer token-a' }, retryDelayMs: 5, ...extra })
}

async function allEntries(adapter: BillingAdapter): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = []
  for (let cursor: string | null = null; ; ) {
    const page = await adapter.listLedger({ cursor, limit: 200 })
    out.push(...page.entries)
    if (!page.nextCursor) return out
    cursor = page.nextCursor
  }
}

async function caught(action: Promise<unknown>): Promise<BillingError> {
  try {
    await action
  } catch (error) {
    if (isBillingError(error)) return error
    throw error
  }
  throw new Error('expected a BillingError, but the call succeeded')
}

/** Waits for a condition on stored state, checking every few milliseconds, for at most 10 s. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await condition()) return
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const usd = (amount: number): Money => ({ amount, currency: 'USD' })

function countingProvider(inner: PaymentProvider, gate?: () => Promise<void>) {
  const charges: ChargeRequest[] = []
  const lookups: ChargeRequest[] = []
  return {
    charges,
    lookups,
    createSetupIntent: (input) => inner.createSetupIntent(input),
    cardFromSetupIntent: (input) => inner.cardFromSetupIntent(input),
    async charge(request, now) {
      charges.push(request)
      if (gate) await gate()
      return inner.charge(request, now)
    },
    async findCharge(request, now) {
      lookups.push(request)
      return inner.findCharge ? inner.findCharge(request, now) : null
    },
  } satisfies PaymentProvider & { charges: ChargeRequest[]; lookups: ChargeRequest[] }
}

function gate() {
  let release!: () => void
  const opened = new Promise<void>((resolve) => {
    release = resolve
  })
  return { wait: () => opened, release }
}

describe.each<Kind>(['sqlite', 'postgres'])('money on %s', (kind) => {
  it('50 concurrent top-ups over 10 keys add exactly 10 entries, the exact balance and a clean ledger', async () => {
    const { store } = await emptyStore(kind)
    const s = await stack(store)
    const adapter = adapterFor(s)
    const before = await adapter.getWallet()
    const entriesBefore = (await allEntries(adapter)).length
    const keys = Array.from({ length: 10 }, (_, i) => ({ key: `burst-${i}`, amount: 1000 + i * 100 }))
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const { key, amount } = keys[i % 10]
        return adapter.addFunds!({ amount: usd(amount), paymentMethodId: SEED_CARDS.visa, idempotencyKey: key })
      }),
    )
    const after = await adapter.getWallet()
    const added = keys.reduce((sum, k) => sum + k.amount, 0)
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(10)
    expect((await allEntries(adapter)).length - entriesBefore).toBe(10)
    expect(after.balance.amount).toBe(before.balance.amount + added)
    const report = await s.billing.verifyLedger('acct_a')
    expect(report).toMatchObject({ ok: true, chainBreaks: [], duplicateKeys: [], creditDrift: [] })
    expect(report.balance).toEqual({ stored: after.balance.amount, fromLedger: after.balance.amount })
  })

  it('keeps every acknowledged top-up across a restart, and a retried key answers the same entry', async () => {
    const { store, open } = await emptyStore(kind)
    const first = await stack(store)
    const start = await adapterFor(first).getWallet()
    const acknowledged = await adapterFor(first).addFunds!({
      amount: usd(2500),
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'before-restart',
    })
    await first.close()
    const second = await stack(await open())
    const a2 = adapterFor(second)
    expect((await a2.getWallet()).balance.amount).toBe(start.balance.amount + 2500)
    expect((await allEntries(a2)).some((e) => e.id === acknowledged.entry.id)).toBe(true)
    const retried = await a2.addFunds!({
      amount: usd(2500),
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'before-restart',
    })
    expect(retried).toEqual(acknowledged)
    expect((await a2.getWallet()).balance.amount).toBe(start.balance.amount + 2500)
  })

  it('replays the first response byte for byte, even after later movements changed the wallet', async () => {
    const { store } = await emptyStore(kind)
    const s = await stack(store)
    const post = (key: string, amount: number) =>
      fetch(`${s.url}/v1/wallet/top-ups`, {
        method: 'POST',
        headers: { Authorization: 'Bearer token-a', 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ amount: usd(amount), paymentMethodId: SEED_CARDS.visa }),
      })
    const first = await post('replay-me', 2500)
    const firstBody = await first.text()
    expect(first.status).toBe(200)
    await (await post('something-else', 1000)).text()
    const again = await post('replay-me', 2500)
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(firstBody)
    const reused = await post('replay-me', 5000)
    expect(reused.status).toBe(409)
  })

  it('a key in flight on another instance answers a retryable 409 with Retry-After; afterwards the same entry', async () => {
    const { store, open } = await emptyStore(kind)
    const held = gate()
    const slow = countingProvider(createSimulatedPayments(), held.wait)
    const one = await stack(store, { payments: slow })
    const two = await stack(await open(), { accounts: [] })
    const body = JSON.stringify({ amount: usd(4000), paymentMethodId: SEED_CARDS.visa })
    const headers = { Authorization: 'Bearer token-a', 'Content-Type': 'application/json', 'Idempotency-Key': 'cross' }
    const before = await adapterFor(two).getWallet()
    const pending = fetch(`${one.url}/v1/wallet/top-ups`, { method: 'POST', headers, body })
    await until(async () => slow.charges.length === 1, 'the first instance to reach the processor')
    const busy = await fetch(`${two.url}/v1/wallet/top-ups`, { method: 'POST', headers, body })
    expect(busy.status).toBe(409)
    expect(Number(busy.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect((await busy.json()).error.code).toBe('conflict')
    held.release()
    const settled = await (await pending).text()
    const replay = await fetch(`${two.url}/v1/wallet/top-ups`, { method: 'POST', headers, body })
    expect(await replay.text()).toBe(settled)
    expect((await adapterFor(two).getWallet()).balance.amount).toBe(before.balance.amount + 4000)
    expect(slow.charges).toHaveLength(1)
  })

  it('a charge slower than the lease is never taken over while its instance lives: one charge, one entry', async () => {
    const { store, open } = await emptyStore(kind)
    const held = gate()
    const slow = countingProvider(createSimulatedPayments(), held.wait)
    // Real time here: the lease is renewed by the clock.
    const live = { payments: slow, leaseMs: 300, now: () => new Date() }
    const one = await stack(store, live)
    const two = await stack(await open(), { ...live, accounts: [] })
    const input = { amount: usd(3000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'slow-charge' }
    const before = (await two.billing.forAccount('acct_a').getWallet()).balance.amount
    const pending = one.billing.forAccount('acct_a').addFunds(input)
    await until(async () => slow.charges.length === 1, 'the charge to reach the processor')
    const lease = async () =>
      Date.parse(
        String(
          (await store.sql.get("SELECT lease_until FROM idempotency_keys WHERE key = 'slow-charge'"))?.lease_until,
        ),
      )
    const first = await lease()
    // Outlive the first lease twice over: the live instance keeps renewing it.
    await until(async () => (await lease()) > first + 600, 'the lease to be renewed past two lease lengths')
    const busy = await caught(two.billing.forAccount('acct_a').addFunds(input))
    expect([busy.code, busy.retryable]).toEqual(['conflict', true])
    held.release()
    const settled = await pending
    expect(await two.billing.forAccount('acct_a').addFunds(input)).toEqual(settled)
    expect(slow.charges).toHaveLength(1)
    expect((await two.billing.forAccount('acct_a').getWallet()).balance.amount).toBe(before + 3000)
  })

  it('taking over a charge abandoned by a dead instance asks the processor first and credits once', async () => {
    const { store } = await emptyStore(kind)
    await seedAccount(store, { accountId: 'acct_a', now: NOW })
    const processor = countingProvider(createSimulatedPayments())
    let now = NOW.getTime()
    const options = { store, payments: processor, clock: () => new Date(now), leaseMs: 30_000 }
    const input = { amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'orphan' }
    // The first instance reaches the processor, then dies before it can settle.
    const dying = createBillingService({
      ...options,
      payments: { ...processor, charge: async (r, t) => processor.charge(r, t).then(() => new Promise(() => {})) },
    })
    void dying.forAccount('acct_a').addFunds(input)
    await until(async () => processor.charges.length === 1, 'the charge to reach the processor')
    const survivor = createBillingService(options).forAccount('acct_a')
    const before = (await survivor.getWallet()).balance.amount
    expect((await caught(survivor.addFunds(input))).code).toBe('conflict')
    now += 31_000
    const result = await survivor.addFunds(input)
    expect(processor.lookups).toHaveLength(1)
    expect(processor.charges).toHaveLength(1)
    expect((await survivor.getWallet()).balance.amount).toBe(before + 2500)
    expect(await survivor.addFunds(input)).toEqual(result)
    expect(
      (await store.sql.all("SELECT id FROM ledger_entries WHERE account_id = 'acct_a' AND idempotency_key = 'orphan'"))
        .length,
    ).toBe(1)
  })

  it('a declined card is remembered per key: the retry gets the same decline without charging again', async () => {
    const { store } = await emptyStore(kind)
    const payments = countingProvider(createSimulatedPayments())
    const s = await stack(store, { payments })
    const service = s.billing.forAccount('acct_a')
    const before = await service.getWallet()
    const input = { amount: usd(2500), paymentMethodId: SEED_CARDS.visaDeclining, idempotencyKey: 'declined-once' }
    const first = await caught(service.addFunds(input))
    const second = await caught(service.addFunds(input))
    expect([first.code, first.declineCode]).toEqual(['card_declined', 'card_declined'])
    expect([second.code, second.declineCode]).toEqual(['card_declined', 'card_declined'])
    expect(payments.charges).toHaveLength(1)
    expect((await service.getWallet()).balance.amount).toBe(before.balance.amount)
    const overHttp = await caught(
      adapterFor(s).addFunds!({
        amount: usd(2500),
        paymentMethodId: SEED_CARDS.visaDeclining,
        idempotencyKey: 'd-http',
      }),
    )
    expect([overHttp.code, overHttp.declineCode, overHttp.status]).toEqual(['card_declined', 'card_declined', 402])
  })

  it('3-D Secure: requires_action with a client secret, then the same key completes once', async () => {
    const { store } = await emptyStore(kind)
    const s = await stack(store)
    const adapter = adapterFor(s)
    const service = s.billing.forAccount('acct_a')
    const card = await service.attachPaymentMethod({
      setupIntentId: (await service.createSetupIntent()).clientSecret.split('_secret_')[0],
      paymentMethodId: 'pm_card_threeDSecure2Required',
      makeDefault: false,
    })
    const before = await adapter.getWallet()
    const input = { amount: usd(2500), paymentMethodId: card.id, idempotencyKey: '3ds-key' }
    const challenge = await caught(adapter.addFunds!(input))
    expect(challenge.code).toBe('requires_action')
    expect(challenge.clientSecret).toMatch(/^pi_.+_secret_/)
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount)
    const done = await adapter.addFunds!(input)
    expect((await adapter.addFunds!(input)).entry.id).toBe(done.entry.id)
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount + 2500)
  })

  it('a processor that cannot be reached frees the key: nothing is charged and the retry goes through', async () => {
    const { store } = await emptyStore(kind)
    let down = true
    const inner = createSimulatedPayments()
    const flaky: PaymentProvider = {
      ...inner,
      async charge(request, now) {
        if (down) throw new Error('ECONNRESET')
        return inner.charge(request, now)
      },
    }
    const s = await stack(store, { payments: flaky })
    const adapter = adapterFor(s, { retries: 0 })
    const before = await adapter.getWallet()
    const input = { amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'processor-down' }
    expect((await caught(adapter.addFunds!(input))).code).toBe('unavailable')
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount)
    down = false
    await adapter.addFunds!(input)
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount + 2500)
  })

  it('keeps the balance as state beside an append-only ledger, and verifyLedger reports drift', async () => {
    const { store } = await emptyStore(kind)
    await seedAccount(store, { accountId: 'acct_a', now: NOW })
    const billing = createBillingService({ store, clock })
    const service = billing.forAccount('acct_a')
    await service.addFunds({ amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'state' })
    const wallet = await service.getWallet()
    const [row] = await store.sql.all<{ balance: number }>("SELECT balance FROM wallets WHERE account_id = 'acct_a'")
    expect(Number(row.balance)).toBe(wallet.balance.amount)
    await expect(
      store.sql.run("UPDATE ledger_entries SET amount = 999999 WHERE account_id = 'acct_a'"),
    ).rejects.toThrow(/append-only/)
    await expect(store.sql.run("DELETE FROM ledger_entries WHERE account_id = 'acct_a'")).rejects.toThrow(/append-only/)
    expect((await billing.verifyLedger('acct_a')).ok).toBe(true)
    await store.sql.run("UPDATE wallets SET balance = balance + 1 WHERE account_id = 'acct_a'")
    const report = await billing.verifyLedger('acct_a')
    expect(report.ok).toBe(false)
    expect(report.balance).toEqual({ stored: wallet.balance.amount + 1, fromLedger: wallet.balance.amount })
  })

  it('holds accounts apart: the same key in two accounts is two requests, ids and numbers are per account', async () => {
    const { store } = await emptyStore(kind)
    await seedAccount(store, { accountId: 'acct_a', now: NOW })
    await seedAccount(store, { accountId: 'acct_b', now: NOW, currency: 'EUR', locale: 'en', seed: 2 })
    const billing = createBillingService({ store, clock })
    const a = billing.forAccount('acct_a')
    const b = billing.forAccount('acct_b')
    const bBefore = await b.getWallet()
    const ra = await a.addFunds({ amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'same-key' })
    const rb = await b.addFunds({
      amount: { amount: 2500, currency: 'EUR' },
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'same-key',
    })
    expect((await b.getWallet()).balance.amount).toBe(bBefore.balance.amount + 2500)
    expect(ra.entry.invoice?.id).not.toBe(rb.entry.invoice?.id)
    expect((await caught(a.getInvoiceLinks(rb.entry.invoice!.id))).code).toBe('not_found')
    expect(await seedAccount(store, { accountId: 'acct_a' })).toBe(false)
  })

  it('migrations run once; a newer database is refused with a clear message', async () => {
    const { store, open } = await emptyStore(kind)
    const version = await store.migrate()
    expect(await (await open()).migrate()).toBe(version)
    const rows = await store.sql.all('SELECT version FROM billing_schema_migrations')
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version))
    expect(version).toBe(MIGRATIONS[MIGRATIONS.length - 1].version)
    await store.sql.run(
      `INSERT INTO billing_schema_migrations (version, name, applied_at) VALUES (${version + 1}, 'from the future', '2030-01-01')`,
    )
    await expect(open()).rejects.toThrow(/newer than this code knows/)
  })
})

const FIXED_2500_AT_1000 = {
  enabled: true,
  mode: 'fixed',
  threshold: usd(1000),
  amount: usd(2500),
  monthlyCap: null,
} as const

describe.each<Kind>(['sqlite', 'postgres'])('auto-recharge on %s', (kind) => {
  async function service(options: { empty?: boolean } = {}): Promise<AccountBillingService> {
    const { store } = await emptyStore(kind)
    await seedAccount(store, { accountId: 'acct_a', now: NOW, empty: options.empty })
    return createBillingService({ store, clock }).forAccount('acct_a')
  }

  async function autoEntries(s: AccountBillingService) {
    return (await s.listLedger({ filter: { types: ['auto_recharge'] }, limit: 200 })).entries
  }

  /** Spends credits and brings the paid balance to `target` with auto-recharge off. */
  async function balanceAt(s: AccountBillingService, target: number) {
    const w = await s.getWallet()
    await s.updateAutoRecharge({ ...w.autoRecharge, enabled: false })
    const credits = w.credits.reduce((sum, c) => sum + c.remaining.amount, 0)
    if (credits > 0) await s.recordUsage({ cost: usd(credits) })
    let now = (await s.getWallet()).balance.amount
    if (now < target) {
      await s.addFunds({
        amount: usd(Math.max(1000, target - now)),
        paymentMethodId: SEED_CARDS.visa,
        idempotencyKey: `prep-${target}`,
      })
      now = (await s.getWallet()).balance.amount
    }
    if (now > target) await s.recordUsage({ cost: usd(now - target) })
    expect((await s.getWallet()).balance.amount).toBe(target)
  }

  it('never passes the monthly cap: a recharge that would is skipped whole', async () => {
    const s = await service()
    await balanceAt(s, 5000)
    const charged = (await s.getWallet()).autoRecharge.chargedThisMonth.amount
    const cap = charged + 2 * 2500 + 1000
    await s.updateAutoRecharge({
      enabled: true,
      mode: 'fixed',
      threshold: usd(1000),
      amount: usd(2500),
      monthlyCap: usd(cap),
    })
    const before = (await autoEntries(s)).length
    for (let i = 0; i < 5; i++) {
      const { balance } = await s.getWallet()
      await s.recordUsage({ cost: usd(balance.amount - 500) })
    }
    const w = await s.getWallet()
    expect((await autoEntries(s)).length - before).toBe(2)
    expect(w.autoRecharge.chargedThisMonth.amount).toBe(charged + 5000)
    expect(w.autoRecharge.lastAttempt?.outcome).toBe('skipped_cap')
  })

  it('pauses after 3 declines in a row, stops trying, and re-arms when the default card changes', async () => {
    const s = await service()
    await balanceAt(s, 5000)
    await s.setDefaultPaymentMethod(SEED_CARDS.visaDeclining)
    await s.updateAutoRecharge(FIXED_2500_AT_1000)
    const before = (await autoEntries(s)).length
    for (let i = 0; i < 4; i++) await s.recordUsage({ cost: usd(100) })
    await s.recordUsage({ cost: usd(3600) })
    for (let i = 0; i < 4; i++) await s.recordUsage({ cost: usd(10) })
    let w = await s.getWallet()
    const all = await autoEntries(s)
    const added = all.slice(0, all.length - before)
    expect(added.map((e) => e.status)).toEqual(['failed', 'failed', 'failed'])
    expect(added.every((e) => e.failureReason === 'card_declined')).toBe(true)
    expect(w.autoRecharge.paused?.reason).toBe('card_declined')
    expect(w.autoRecharge.consecutiveFailures).toBe(3)
    expect(w.balance.amount).toBe(1000 - 40)
    await s.setDefaultPaymentMethod(SEED_CARDS.visa)
    w = await s.getWallet()
    expect([w.autoRecharge.paused, w.autoRecharge.consecutiveFailures]).toEqual([null, 0])
    await s.recordUsage({ cost: usd(10) })
    w = await s.getWallet()
    expect(w.balance.amount).toBe(1000 - 50 + 2500)
    expect(w.autoRecharge.lastAttempt?.outcome).toBe('succeeded')
  })

  it('enabling it while below the threshold charges at once (target mode tops up to the target)', async () => {
    const s = await service()
    await balanceAt(s, 800)
    const w = await s.updateAutoRecharge({
      enabled: true,
      mode: 'target',
      threshold: usd(1000),
      amount: usd(5000),
      monthlyCap: null,
    })
    expect(w.balance.amount).toBe(5000)
    expect((await autoEntries(s))[0]).toMatchObject({ status: 'succeeded', amount: usd(4200), balanceAfter: usd(5000) })
  })

  it('with no card it pauses for no_payment_method instead of charging', async () => {
    const s = await service({ empty: true })
    const w = await s.updateAutoRecharge({
      enabled: true,
      mode: 'fixed',
      threshold: usd(1000),
      amount: usd(2500),
      monthlyCap: null,
    })
    expect(w.autoRecharge.paused?.reason).toBe('no_payment_method')
    expect(w.balance.amount).toBe(0)
    expect(await autoEntries(s)).toEqual([])
  })

  it('concurrent usage below the threshold starts one recharge, not one per event', async () => {
    const s = await service()
    await balanceAt(s, 5000)
    await s.updateAutoRecharge(FIXED_2500_AT_1000)
    const before = (await autoEntries(s)).length
    await s.recordUsage({ cost: usd(4500) })
    await Promise.all(Array.from({ length: 10 }, () => s.recordUsage({ cost: usd(10) })))
    expect((await autoEntries(s)).length - before).toBe(1)
    expect((await s.getWallet()).balance.amount).toBe(5000 - 4500 + 2500 - 100)
  })

  it('spends complimentary credits before the paid balance', async () => {
    const s = await service()
    const w = await s.getWallet()
    const credits = w.credits.reduce((sum, c) => sum + c.remaining.amount, 0)
    expect(credits).toBeGreaterThan(100)
    await s.recordUsage({ cost: usd(100) })
    const after = await s.getWallet()
    expect(after.balance.amount).toBe(w.balance.amount)
    expect(after.credits.reduce((sum, c) => sum + c.remaining.amount, 0)).toBe(credits - 100)
  })
})
