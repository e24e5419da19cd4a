// @vitest-environment node
/**
 * The host's side of the wallet against both stores: usage spent credits-first, the
 * insufficient-funds policy, batches replayed without applying twice, one recharge under
 * concurrent usage from two service instances, the cap and the pause saying why, credits
 * expiring with a ledger entry, and the usage API's server secret.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { SEED_CARDS } from '../../src/adapter/memory'
import type { AutoRechargeSettings, Money } from '../../src/adapter/types'
import { createSimulatedPayments } from '../../src/server/payments/simulated'
import type { PaymentProvider } from '../../src/server/payments/provider'
import { type BillingServiceOptions, type UsageEvent, createBillingService } from '../../src/server/service/index'
import { seedAccount } from '../../examples/server/seed'
import { FULL_ACCESS, startStack } from '../../examples/server/test-kit'
import { startExampleServer } from '../support/example-server'
import { createTestDatabase } from '../support/postgres-cluster'
import { movableClock, storeKit } from '../support/stores'

type Kind = 'sqlite' | 'postgres'
const ACCOUNT = 'acct_a'
const SECRET = 'server-secret-for-usage-tests-0123456789'
const usd = (amount: number): Money => ({ amount, currency: 'USD' })
const OFF: AutoRechargeSettings = {
  enabled: false,
  mode: 'fixed',
  threshold: usd(1000),
  amount: usd(2500),
  monthlyCap: null,
}
const FIXED_2500_AT_1000: AutoRechargeSettings = { ...OFF, enabled: true }

const { cleanups, sharedStore: emptyStore } = storeKit()

/**
 * A seeded account with nothing in its wallet: credits spent, balance at zero, auto-recharge
 * off; then the given credits and paid balance.
 */
async function account(
  kind: Kind,
  setup: { balance?: number; credits?: Array<{ id: string; amount: number; expiresAt: string | null }> } = {},
  options: Partial<BillingServiceOptions> = {},
) {
  const { store, open } = await emptyStore(kind)
  const clock = movableClock()
  await seedAccount(store, { accountId: ACCOUNT, now: clock.now(), locale: 'en' })
  const billing = createBillingService({ store, clock: clock.now, ...options })
  const s = billing.forAccount(ACCOUNT)
  await s.updateAutoRecharge(OFF)
  const w = await s.getWallet()
  const held = w.credits.reduce((sum, c) => sum + c.remaining.amount, 0) + Math.max(0, w.balance.amount)
  if (held > 0) await billing.recordUsage(ACCOUNT, [{ idempotencyKey: 'drain', category: 'sms', amount: held }])
  expect((await s.getWallet()).balance.amount).toBe(Math.min(0, w.balance.amount))
  await store.transaction(async (tx) => {
    for (const c of setup.credits ?? []) {
      await tx.insertCredit(ACCOUNT, {
        id: c.id,
        description: `Credit ${c.id}`,
        amount: c.amount,
        remaining: c.amount,
        grantedAt: clock.now().toISOString(),
        expiresAt: c.expiresAt,
      })
    }
  })
  if (setup.balance) {
    await s.addFunds({ amount: usd(setup.balance), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'fund' })
  }
  return { store, open, clock, billing, s }
}

const sms = (key: string, amount: number, extra: Partial<UsageEvent> = {}): UsageEvent => ({
  idempotencyKey: key,
  category: 'sms',
  amount,
  ...extra,
})

async function usageOver(url: string, body: unknown, token = SECRET, accountId = ACCOUNT) {
  const response = await fetch(`${url}/v1/accounts/${accountId}/usage`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

describe.each<Kind>(['sqlite', 'postgres'])('usage on %s', (kind) => {
  it('spends credits soonest-to-expire first, then the balance; an expired credit leaves with a ledger entry', async () => {
    const { billing, s, clock } = await account(kind, {
      balance: 1000,
      credits: [
        { id: 'late', amount: 300, expiresAt: '2027-06-01T00:00:00.000Z' },
        { id: 'never', amount: 200, expiresAt: null },
        { id: 'soon', amount: 100, expiresAt: '2026-12-01T00:00:00.000Z' },
      ],
    })
    const first = await billing.recordUsage(ACCOUNT, [sms('u1', 150)])
    expect(first.results[0]).toMatchObject({
      status: 'applied',
      fromCredits: usd(150),
      fromBalance: usd(0),
      balanceAfter: usd(1000),
    })
    let credits = (await s.getWallet()).credits.map((c) => [c.id, c.remaining.amount])
    expect(credits).toEqual([
      ['late', 250],
      ['never', 200],
    ])
    // Past the "late" credit's expiry: what is left of it leaves the wallet, with an entry.
    clock.advance(Date.parse('2027-06-02T00:00:00Z') - clock.now().getTime())
    const work = await billing.runDueWork()
    expect(work.creditsExpired).toBe(1)
    credits = (await s.getWallet()).credits.map((c) => [c.id, c.remaining.amount])
    expect(credits).toEqual([['never', 200]])
    const expiry = (await s.listLedger({ filter: { types: ['adjustment'] } })).entries[0]
    expect(expiry).toMatchObject({ amount: usd(-250), balanceAfter: usd(1000) })
    expect(expiry.description).toContain('Complimentary credits expired')
    // The rest comes from the last credit, then from the balance.
    const second = await billing.recordUsage(ACCOUNT, [sms('u2', 500)])
    expect(second.results[0]).toMatchObject({ fromCredits: usd(200), fromBalance: usd(300), balanceAfter: usd(700) })
    expect((await billing.runDueWork()).creditsExpired).toBe(0)
    expect(await billing.verifyLedger(ACCOUNT)).toMatchObject({ ok: true })
  })

  it('refuses what the wallet cannot cover (402 over HTTP, nothing spent), or goes negative down to the floor', async () => {
    const { store } = await emptyStore(kind)
    const stack = await startStack({
      store,
      serverSecret: SECRET,
      tokens: { t: { accountId: ACCOUNT, permissions: FULL_ACCESS } },
    })
    cleanups.push(() => stack.close().catch(() => {}))
    const s = stack.billing.forAccount(ACCOUNT)
    await s.updateAutoRecharge(OFF)
    const before = await s.getWallet()
    const held = before.credits.reduce((sum, c) => sum + c.remaining.amount, 0) + before.balance.amount
    const refused = await usageOver(stack.url, { events: [sms('too-much', held + 1)] })
    expect(refused.status).toBe(402)
    expect(refused.body.error.code).toBe('insufficient_funds')
    expect(refused.body.results[0]).toMatchObject({
      status: 'rejected',
      entryId: null,
      error: { code: 'insufficient_funds', reason: 'no_auto_recharge' },
    })
    expect((await s.getWallet()).balance).toEqual(before.balance)
    expect((await s.listLedger({ filter: { types: ['usage'] } })).entries[0]?.description).not.toContain('too-much')

    const fits = await usageOver(stack.url, { events: [sms('exact', held)] })
    expect(fits.status).toBe(200)
    expect(fits.body.results[0]).toMatchObject({ status: 'applied', balanceAfter: usd(0) })
    const negative = await usageOver(stack.url, {
      events: [sms('n1', 300), sms('n2', 300)],
      insufficientFunds: 'allowNegative',
      floor: -500,
    })
    expect(negative.status).toBe(402)
    expect(negative.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected'])
    expect(negative.body.results[1].error.reason).toBe('below_floor')
    expect((await s.getWallet()).balance).toEqual(usd(-300))
    expect(await stack.billing.verifyLedger(ACCOUNT)).toMatchObject({ ok: true })
  })

  it('a batch of 1 000 replayed after a timeout applies nothing twice and answers the same results', async () => {
    const { billing, s } = await account(kind, { balance: 100_000 })
    const events = Array.from({ length: 1000 }, (_, i) => sms(`batch-${i}`, 7 + (i % 5)))
    const total = events.reduce((sum, e) => sum + (e.amount as number), 0)
    const started = performance.now()
    // The first call and its replay race, as a client retrying after a timeout would make them.
    const [first, replay] = await Promise.all([
      billing.recordUsage(ACCOUNT, events),
      billing.recordUsage(ACCOUNT, events),
    ])
    const elapsed = performance.now() - started
    const later = await billing.recordUsage(ACCOUNT, events)
    expect(first.applied + replay.applied).toBe(1000)
    expect(first.replayed + replay.replayed).toBe(1000)
    expect(later).toMatchObject({ applied: 0, replayed: 1000, rejected: 0 })
    expect(replay.results).toEqual(first.results)
    expect(later.results).toEqual(first.results)
    expect((await s.getWallet()).balance).toEqual(usd(100_000 - total))
    expect((await s.listLedger({ filter: { types: ['usage'] }, limit: 1 })).entries[0].id).toBe(
      first.results[999].entryId,
    )
    // The same key for a different event is refused, not applied.
    const changed = await billing.recordUsage(ACCOUNT, [sms('batch-0', 999)])
    expect(changed.results[0]).toMatchObject({ status: 'rejected', error: { code: 'conflict' } })
    expect((await s.getWallet()).balance).toEqual(usd(100_000 - total))
    expect(await billing.verifyLedger(ACCOUNT)).toMatchObject({ ok: true })
    console.info(`[usage ${kind}] 1 000 events with a racing replay: ${elapsed.toFixed(0)} ms`)
  })

  it('the usage API takes only the server secret; malformed batches change nothing', async () => {
    const { store } = await emptyStore(kind)
    const stack = await startStack({
      store,
      serverSecret: SECRET,
      tokens: { t: { accountId: ACCOUNT, permissions: FULL_ACCESS } },
    })
    cleanups.push(() => stack.close().catch(() => {}))
    const before = await stack.billing.forAccount(ACCOUNT).getWallet()
    const body = { events: [sms('auth-1', 10)] }
    expect((await usageOver(stack.url, body, 't')).status).toBe(401)
    expect((await usageOver(stack.url, body, `${SECRET}x`)).status).toBe(401)
    expect((await usageOver(stack.url, body, SECRET, 'acct_nobody')).status).toBe(404)
    const tooMany = await usageOver(stack.url, { events: Array.from({ length: 1001 }, (_, i) => sms(`m-${i}`, 1)) })
    expect(tooMany.status).toBe(422)
    const duplicate = await usageOver(stack.url, { events: [sms('d', 1), sms('d', 1)] })
    expect([duplicate.status, duplicate.body.error.fieldErrors]).toEqual([
      422,
      { 'events.1.idempotencyKey': 'duplicate' },
    ])
    const invalid = await usageOver(stack.url, {
      events: [{ idempotencyKey: 'bad', category: 'Not A Key', amount: 1 }, sms('ok', 1, { amount: -5 })],
    })
    expect(invalid.status).toBe(200)
    expect(invalid.body.results.map((r: { error: { fieldErrors: unknown } }) => r.error.fieldErrors)).toEqual([
      { category: 'invalid' },
      { amount: 'invalid' },
    ])
    const sub = await fetch(`${stack.url}/v1/wallet`, { headers: { Authorization: `Bearer ${SECRET}` } })
    expect(sub.status).toBe(401)
    expect(await stack.billing.forAccount(ACCOUNT).getWallet()).toEqual(before)
  })

  it('host-defined categories keep their labels in the history and the spend summary', async () => {
    const { billing, s } = await account(kind, { balance: 5000 })
    const result = await billing.recordUsage(ACCOUNT, [
      { idempotencyKey: 'w1', category: { key: 'whatsapp', label: 'WhatsApp' }, quantity: 3, unitPrice: 2.5 },
      { idempotencyKey: 't1', category: 'ai_tokens', label: 'AI tokens', quantity: 12_000, unitPrice: 0.001 },
      { idempotencyKey: 's1', category: 'sms', quantity: 2, unitPrice: 1 },
    ])
    expect(result.results.map((r) => r.amount)).toEqual([usd(8), usd(12), usd(2)])
    const usage = (await s.listLedger({ filter: { types: ['usage'] }, limit: 3 })).entries
    expect(usage.map((e) => [e.usage?.unit, e.usage?.label ?? null, e.description])).toEqual([
      ['sms', null, 'SMS — 2 messages'],
      ['ai_tokens', 'AI tokens', 'AI tokens — 12,000'],
      ['whatsapp', 'WhatsApp', 'WhatsApp — 3'],
    ])
    const summary = await s.getSpendSummary({ granularity: 'day', from: '2026-11-26', to: '2026-11-27' })
    const labels = Object.fromEntries(summary.categories.map((c) => [c.key, c.label]))
    expect(labels).toMatchObject({ whatsapp: 'WhatsApp', ai_tokens: 'AI tokens', sms: 'SMS' })
    const unknown = await billing.recordUsage(ACCOUNT, [{ idempotencyKey: 'x1', category: 'fax', quantity: 1 }])
    expect(unknown.results[0].error?.fieldErrors).toEqual({ amount: 'required' })
  })

  it('200 concurrent usage events from two instances start exactly one recharge', async () => {
    const { billing, s, open, clock } = await account(kind, { balance: 3000 })
    await s.updateAutoRecharge(FIXED_2500_AT_1000)
    const seeded = (await s.listLedger({ filter: { types: ['auto_recharge'] }, limit: 200 })).entries.length
    const payments = createSimulatedPayments()
    const charges: string[] = []
    const counting: PaymentProvider = {
      ...payments,
      charge: (request, now) => {
        charges.push(request.idempotencyKey)
        return payments.charge(request, now)
      },
    }
    const one = createBillingService({ store: billing.store, clock: clock.now, payments: counting })
    const two = createBillingService({ store: await open(), clock: clock.now, payments: counting })
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? one : two).recordUsage(ACCOUNT, [sms(`c-${i}`, 11)])),
    )
    expect(results.every((r) => r.results[0].status === 'applied')).toBe(true)
    expect(charges).toHaveLength(1)
    const w = await s.getWallet()
    expect(w.balance).toEqual(usd(3000 - 2200 + 2500))
    const recharges = (await s.listLedger({ filter: { types: ['auto_recharge'] }, limit: 200 })).entries
    expect(recharges.length - seeded).toBe(1)
    expect([recharges[0].status, recharges[0].amount]).toEqual(['succeeded', usd(2500)])
    // The durable copy of the recharge finds nothing left to do.
    clock.advance(120_000)
    await one.runDueWork()
    await two.runDueWork()
    expect(charges).toHaveLength(1)
    expect(await billing.verifyLedger(ACCOUNT)).toMatchObject({ ok: true })
  })

  it('recharges mid-batch before refusing, and a capped or paused account says why', async () => {
    const { billing, s, clock } = await account(kind, { balance: 1200 })
    await s.updateAutoRecharge({ ...FIXED_2500_AT_1000, monthlyCap: usd(2500) })
    // 1 200 → 200 (recharge +2 500 → 2 700) → 1 700: the second event is covered by the recharge.
    const batch = await billing.recordUsage(ACCOUNT, [sms('b1', 1000), sms('b2', 1000), sms('b3', 1000)])
    expect(batch.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
    expect(batch.wallet.balance).toEqual(usd(1200 - 3000 + 2500))
    // The cap is spent: the next event the balance cannot cover is refused, and says so.
    const capped = await billing.recordUsage(ACCOUNT, [sms('b4', 800)])
    expect(capped.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'insufficient_funds', reason: 'monthly_cap_reached' },
    })
    // A declining card: saving the settings tries at once and fails; the outbox retries it
    // later with no usage coming in; the third failure in a row pauses it.
    await s.setDefaultPaymentMethod(SEED_CARDS.visaDeclining)
    await s.updateAutoRecharge({ ...FIXED_2500_AT_1000, monthlyCap: null })
    expect((await s.getWallet()).autoRecharge.consecutiveFailures).toBe(1)
    expect((await billing.runDueWork()).ran).toBe(0)
    for (const failures of [2, 3]) {
      clock.advance(2 * 3_600_000)
      await billing.runDueWork()
      expect((await s.getWallet()).autoRecharge.consecutiveFailures).toBe(failures)
    }
    const w = await s.getWallet()
    expect(w.autoRecharge.paused?.reason).toBe('card_declined')
    expect(w.autoRecharge.consecutiveFailures).toBe(3)
    const paused = await billing.recordUsage(ACCOUNT, [sms('p2', 5000)])
    expect(paused.results[0].error).toMatchObject({ reason: 'auto_recharge_paused', pausedReason: 'card_declined' })
    expect(await billing.verifyLedger(ACCOUNT)).toMatchObject({ ok: true })
  })
})

describe.each<Kind>(['sqlite', 'postgres'])('the usage API on two processes of one %s database', (kind) => {
  it('200 concurrent usage events over HTTP start exactly one recharge, and a replay applies nothing', async () => {
    let env: Record<string, string>
    if (kind === 'postgres') {
      const db = await createTestDatabase(inject('postgresUrl'))
      cleanups.push(() => db.drop())
      env = { DATABASE_URL: db.url }
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'billing-usage-http-'))
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
      env = { BILLING_DB: path.join(dir, 'billing.sqlite') }
    }
    env.BILLING_SERVER_SECRET = SECRET
    const first = await startExampleServer(env)
    cleanups.push(() => first.kill('SIGKILL'))
    const second = await startExampleServer(env)
    cleanups.push(() => second.kill('SIGKILL'))
    const account = 'acct_demo_en'
    const api = async (base: string, method: string, route: string, body?: unknown) => {
      const response = await fetch(`${base}/v1${route}`, {
        method,
        headers: { Authorization: 'Bearer demo-en', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return response.json()
    }
    // Bring the balance to a known 3 000 with auto-recharge off, then turn it on at 1 000.
    await api(first.url, 'PUT', '/wallet/auto-recharge', OFF)
    const w = await api(first.url, 'GET', '/wallet')
    const held = w.credits.reduce((sum: number, c: { remaining: Money }) => sum + c.remaining.amount, 0)
    const start = held + w.balance.amount - 3000
    expect((await usageOver(first.url, { events: [sms('prep', start)] }, SECRET, account)).status).toBe(200)
    await api(first.url, 'PUT', '/wallet/auto-recharge', FIXED_2500_AT_1000)
    const before = (await api(first.url, 'GET', '/ledger?types=auto_recharge&limit=200')).entries.length

    const events = Array.from({ length: 200 }, (_, i) => sms(`http-${i}`, 11))
    const answers = await Promise.all(
      events.map((event, i) => usageOver(i % 2 ? first.url : second.url, { events: [event] }, SECRET, account)),
    )
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([])
    const recharges = (await api(second.url, 'GET', '/ledger?types=auto_recharge&limit=200')).entries
    expect(recharges.length - before).toBe(1)
    expect(recharges[0]).toMatchObject({ status: 'succeeded', amount: usd(2500) })
    expect((await api(second.url, 'GET', '/wallet')).balance).toEqual(usd(3000 - 2200 + 2500))
    // The whole lot again, as one batch to the other process: every event answers as it did.
    const replay = await usageOver(first.url, { events }, SECRET, account)
    expect(replay.body).toMatchObject({ applied: 0, replayed: 200 })
    expect(replay.body.results).toEqual(answers.map((a) => a.body.results[0]))
    expect((await api(first.url, 'GET', '/wallet')).balance).toEqual(usd(3000 - 2200 + 2500))
  })
})
