// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpAdapter } from '../../src/adapter/http'
import { SEED_CARDS } from '../../src/adapter/memory'
import { isBillingError, type BillingError } from '../../src/adapter/errors'
import type { BillingAdapter, LedgerEntry, Money } from '../../src/adapter/types'
import { MIGRATIONS, migrate } from '../../server/migrations'
import { createSimulatedPayments, type ChargeRequest, type PaymentProvider } from '../../server/payments'
import { seedAccount } from '../../server/seed'
import { createSqliteBillingService, type SqliteBillingService } from '../../server/sqlite-service'
import { FULL_ACCESS, openDatabase, startStack, type TestStack } from '../../server/test-kit'

const NOW = new Date('2026-11-26T15:00:00Z')
const clock = () => NOW
const TOKENS = { 'token-a': { accountId: 'acct_a', permissions: FULL_ACCESS } }

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

async function stack(options: Parameters<typeof startStack>[0] = {}): Promise<TestStack> {
  const s = await startStack({ now: clock, accounts: [{ accountId: 'acct_a' }], tokens: TOKENS, ...options })
  cleanups.push(() => s.close())
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

const usd = (amount: number): Money => ({ amount, currency: 'USD' })

describe('top-ups over HTTP', () => {
  it('50 concurrent top-ups over 10 idempotency keys add exactly 10 entries and the exact balance', async () => {
    const s = await stack()
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
    const entries = await allEntries(adapter)
    const added = keys.reduce((sum, k) => sum + k.amount, 0)
    console.log(
      `50 concurrent top-ups / 10 keys: requests=${results.length}, distinct entries returned=${new Set(results.map((r) => r.entry.id)).size}, ` +
        `ledger entries ${entriesBefore} → ${entries.length} (+${entries.length - entriesBefore}), ` +
        `balance ${before.balance.amount} → ${after.balance.amount} (+${after.balance.amount - before.balance.amount}, expected +${added})`,
    )
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(10)
    expect(entries.length - entriesBefore).toBe(10)
    expect(after.balance.amount).toBe(before.balance.amount + added)
    const sum = s.db
      .prepare("SELECT SUM(wallet_delta) AS b FROM ledger_entries WHERE account_id = 'acct_a' AND status = 'succeeded'")
      .get() as { b: number }
    expect(sum.b).toBe(after.balance.amount)
  })

  it('keeps every acknowledged top-up across a server restart, and a retried key answers the same entry', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'billing-restart-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'billing.db')

    const first = await startStack({
      db: openDatabase(file),
      now: clock,
      accounts: [{ accountId: 'acct_a' }],
      tokens: TOKENS,
    })
    const a1 = adapterFor(first)
    const start = await a1.getWallet()
    const acknowledged = await a1.addFunds!({
      amount: usd(2500),
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'before-restart',
    })
    await first.close()
    first.db.close()

    const second = await stack({ db: openDatabase(file) })
    cleanups.push(() => second.db.close())
    const a2 = adapterFor(second)
    const afterRestart = await a2.getWallet()
    expect(afterRestart.balance.amount).toBe(start.balance.amount + 2500)
    expect((await allEntries(a2)).some((e) => e.id === acknowledged.entry.id)).toBe(true)

    const retried = await a2.addFunds!({
      amount: usd(2500),
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'before-restart',
    })
    expect(retried.entry.id).toBe(acknowledged.entry.id)
    expect((await a2.getWallet()).balance.amount).toBe(start.balance.amount + 2500)
    console.log(
      `restart: balance ${start.balance.amount} → ${afterRestart.balance.amount} after restart; retry of the acknowledged key returned ${retried.entry.id} (same entry), balance still ${start.balance.amount + 2500}`,
    )
  })

  it('a key reused for a different amount is refused and moves nothing', async () => {
    const s = await stack()
    const adapter = adapterFor(s)
    await adapter.addFunds!({ amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'reuse' })
    const before = await adapter.getWallet()
    const error = await caught(
      adapter.addFunds!({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'reuse' }),
    )
    expect(error.code).toBe('conflict')
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount)
  })

  it('a declined card answers card_declined with the decline code, and a retry of that key gets the same decline without charging again', async () => {
    const payments = countingProvider(createSimulatedPayments())
    const s = await stack({ stripe: undefined })
    // The default (synchronous) processor is used by the stack; count through a second service on the same database.
    const service = createSqliteBillingService(s.db, { accountId: 'acct_a', now: clock, stripe: payments })
    const before = await service.getWallet()
    const input = { amount: usd(2500), paymentMethodId: SEED_CARDS.visaDeclining, idempotencyKey: 'declined-once' }
    const first = await caught(service.addFunds(input))
    const second = await caught(service.addFunds(input))
    expect([first.code, first.declineCode]).toEqual(['card_declined', 'card_declined'])
    expect(second.code).toBe('card_declined')
    expect(payments.charges).toHaveLength(1)
    expect((await service.getWallet()).balance.amount).toBe(before.balance.amount)

    const overHttp = await caught(
      adapterFor(s).addFunds!({
        amount: usd(2500),
        paymentMethodId: SEED_CARDS.visaDeclining,
        idempotencyKey: 'declined-http',
      }),
    )
    expect([overHttp.code, overHttp.declineCode, overHttp.status]).toEqual(['card_declined', 'card_declined', 402])
  })

  it('a card that needs 3-D Secure answers requires_action with a client secret; the same key afterwards completes once', async () => {
    const s = await stack()
    const adapter = adapterFor(s)
    const service = createSqliteBillingService(s.db, { accountId: 'acct_a', now: clock })
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
    const again = await adapter.addFunds!(input)
    expect(again.entry.id).toBe(done.entry.id)
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount + 2500)
  })
})

function countingProvider(
  inner: PaymentProvider,
  gate?: () => Promise<void>,
): PaymentProvider & { charges: ChargeRequest[] } {
  const charges: ChargeRequest[] = []
  return {
    charges,
    createSetupIntent: (input) => inner.createSetupIntent(input),
    cardFromSetupIntent: (input) => inner.cardFromSetupIntent(input),
    async charge(request, now) {
      charges.push(request)
      if (gate) await gate()
      return inner.charge(request, now)
    },
  }
}

describe('an asynchronous card processor (as with real Stripe)', () => {
  it('concurrent duplicates in one process share one charge', async () => {
    const payments = countingProvider(createSimulatedPayments(), () => new Promise((r) => setTimeout(r, 20)))
    const s = await stack({ stripe: payments })
    const adapter = adapterFor(s)
    const before = await adapter.getWallet()
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        adapter.addFunds!({ amount: usd(3000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'async-dup' }),
      ),
    )
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1)
    expect(payments.charges).toHaveLength(1)
    expect(payments.charges[0].idempotencyKey).toBe('addFunds:async-dup')
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount + 3000)
  })

  it('a second process sees the reservation and answers conflict until the first settles, then the same entry', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'billing-two-processes-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'billing.db')
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const slow = countingProvider(createSimulatedPayments(), () => gate)
    const one = await stack({ db: openDatabase(file), stripe: slow })
    const two = await stack({ db: openDatabase(file), stripe: countingProvider(createSimulatedPayments()) })
    cleanups.push(() => {
      one.db.close()
      two.db.close()
    })
    const input = { amount: usd(4000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'cross-process' }
    const before = await adapterFor(two).getWallet()
    const pending = adapterFor(one).addFunds!(input)
    await new Promise((r) => setTimeout(r, 50))
    const busy = await caught(adapterFor(two).addFunds!(input))
    expect([busy.code, busy.status]).toEqual(['conflict', 409])
    release()
    const settled = await pending
    const replay = await adapterFor(two).addFunds!(input)
    expect(replay.entry.id).toBe(settled.entry.id)
    expect((await adapterFor(two).getWallet()).balance.amount).toBe(before.balance.amount + 4000)
    expect(slow.charges).toHaveLength(1)
  })

  it('a processor that cannot be reached frees the key: nothing is charged and the retry goes through', async () => {
    let down = true
    const inner = createSimulatedPayments()
    const flaky: PaymentProvider = {
      ...inner,
      async charge(request, now) {
        if (down) throw new Error('ECONNRESET')
        return inner.charge(request, now)
      },
    }
    const s = await stack({ stripe: flaky })
    const adapter = adapterFor(s)
    const before = await adapter.getWallet()
    const input = { amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'processor-down' }
    const error = await caught(adapter.addFunds!(input))
    expect(error.code).toBe('unavailable')
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount)
    down = false
    await adapter.addFunds!(input)
    expect((await adapter.getWallet()).balance.amount).toBe(before.balance.amount + 2500)
  })
})

describe('auto-recharge on the SQLite service', () => {
  async function service(options: { empty?: boolean } = {}): Promise<SqliteBillingService> {
    const db = openDatabase()
    cleanups.push(() => db.close())
    await seedAccount(db, { accountId: 'acct_a', now: NOW, empty: options.empty })
    return createSqliteBillingService(db, { accountId: 'acct_a', now: clock })
  }

  async function autoEntries(s: SqliteBillingService) {
    return (await s.listLedger({ filter: { types: ['auto_recharge'] }, limit: 200 })).entries
  }

  /** Spends credits and brings the paid balance to `target` with auto-recharge off. */
  async function balanceAt(s: SqliteBillingService, target: number) {
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
    expect(w.autoRecharge.chargedThisMonth.amount).toBeLessThanOrEqual(cap)
    expect(w.autoRecharge.lastAttempt?.outcome).toBe('skipped_cap')
  })

  it('pauses after 3 declines in a row, stops trying, and re-arms when the default card changes', async () => {
    const s = await service()
    await balanceAt(s, 5000)
    await s.setDefaultPaymentMethod(SEED_CARDS.visaDeclining)
    await s.updateAutoRecharge({
      enabled: true,
      mode: 'fixed',
      threshold: usd(1000),
      amount: usd(2500),
      monthlyCap: null,
    })
    const before = (await autoEntries(s)).length
    for (let i = 0; i < 4; i++) await s.recordUsage({ cost: usd(100) })
    await s.recordUsage({ cost: usd(3600) })
    let w = await s.getWallet()
    expect(w.balance.amount).toBe(5000 - 4000)
    for (let i = 0; i < 4; i++) await s.recordUsage({ cost: usd(10) })
    w = await s.getWallet()
    const added = (await autoEntries(s)).slice(0, (await autoEntries(s)).length - before)
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

describe('the database', () => {
  it('derives the balance from an append-only ledger: no balance column, no UPDATE or DELETE of entries', async () => {
    const db = openDatabase()
    cleanups.push(() => db.close())
    await seedAccount(db, { accountId: 'acct_a', now: NOW })
    const columns = (db.prepare("SELECT name FROM pragma_table_info('accounts')").all() as { name: string }[]).map(
      (c) => c.name,
    )
    expect(columns).not.toContain('balance')
    expect(() => db.prepare("UPDATE ledger_entries SET amount = 999999 WHERE account_id = 'acct_a'").run()).toThrow(
      /append-only/,
    )
    expect(() => db.prepare("DELETE FROM ledger_entries WHERE account_id = 'acct_a'").run()).toThrow(/append-only/)
    const service = createSqliteBillingService(db, { accountId: 'acct_a', now: clock })
    const sum = db
      .prepare("SELECT SUM(wallet_delta) AS b FROM ledger_entries WHERE account_id = 'acct_a' AND status = 'succeeded'")
      .get() as { b: number }
    expect((await service.getWallet()).balance.amount).toBe(sum.b)
  })

  it('applies migrations in order once, records the version, and refuses a newer database', () => {
    const db = openDatabase()
    cleanups.push(() => db.close())
    const latest = MIGRATIONS[MIGRATIONS.length - 1].version
    expect(db.pragma('user_version', { simple: true })).toBe(latest)
    expect(migrate(db)).toBe(latest)
    db.pragma(`user_version = ${latest + 1}`)
    expect(() => migrate(db)).toThrow(/newer than this code knows/)
  })

  it('holds several accounts apart in one database', async () => {
    const db = openDatabase()
    cleanups.push(() => db.close())
    await seedAccount(db, { accountId: 'acct_a', now: NOW })
    await seedAccount(db, { accountId: 'acct_b', now: NOW, currency: 'EUR', locale: 'en', seed: 2 })
    const a = createSqliteBillingService(db, { accountId: 'acct_a', now: clock })
    const b = createSqliteBillingService(db, { accountId: 'acct_b', now: clock })
    const bBefore = await b.getWallet()
    await a.addFunds({ amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'same-key' })
    // The same key in another account is another request.
    await b.addFunds({
      amount: { amount: 2500, currency: 'EUR' },
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'same-key',
    })
    expect(bBefore.currency).toBe('EUR')
    expect((await b.getWallet()).balance.amount).toBe(bBefore.balance.amount + 2500)
    expect(await seedAccount(db, { accountId: 'acct_a' })).toBe(false)
  })
})
