// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { SEED_CARDS } from '../../src/adapter/memory'
import type { AutoRechargeSettings } from '../../src/adapter/types'
import { memory, movableClock, rejection, spendAllCredits, usageToBalance } from './memory-helpers'

const usd = (amount: number) => ({ amount, currency: 'USD' })

async function attachCard(adapter: ReturnType<typeof memory>, paymentMethodId: string, makeDefault = false) {
  const { clientSecret } = await adapter.createSetupIntent()
  return adapter.attachPaymentMethod({ setupIntentId: clientSecret.split('_secret_')[0], paymentMethodId, makeDefault })
}

describe('addFunds', () => {
  it('adds the amount to the balance and writes a top-up at the top of the ledger', async () => {
    const adapter = memory()
    const before = await adapter.getWallet()
    const { entry, wallet } = await adapter.addFunds({
      amount: usd(5000),
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'k1',
    })

    expect(wallet.balance.amount).toBe(before.balance.amount + 5000)
    expect(entry).toMatchObject({
      type: 'top_up',
      status: 'succeeded',
      amount: usd(5000),
      paymentMethodId: SEED_CARDS.visa,
    })
    expect(entry.balanceAfter).toEqual(wallet.balance)
    const page = await adapter.listLedger({ limit: 1 })
    expect(page.entries[0].id).toBe(entry.id)
    expect(page.totalCount).toBe(361)
  })

  it('returns the same entry for the same key and never charges twice', async () => {
    const adapter = memory()
    const start = (await adapter.getWallet()).balance.amount
    const input = { amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'same' }
    const first = await adapter.addFunds(input)
    const second = await adapter.addFunds(input)

    expect(second.entry.id).toBe(first.entry.id)
    expect(second.wallet.balance.amount).toBe(start + 2500)
    expect((await adapter.listLedger({})).totalCount).toBe(361)
  })

  it('refuses a key reused with another amount or card, and moves no money', async () => {
    const adapter = memory()
    await adapter.addFunds({ amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'k' })
    const after = (await adapter.getWallet()).balance.amount

    const otherAmount = await rejection(
      adapter.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'k' }),
    )
    const otherCard = await rejection(
      adapter.addFunds({ amount: usd(2500), paymentMethodId: SEED_CARDS.amexExpiring, idempotencyKey: 'k' }),
    )

    expect(otherAmount.code).toBe('conflict')
    expect(otherCard.code).toBe('conflict')
    expect((await adapter.getWallet()).balance.amount).toBe(after)
    expect((await adapter.listLedger({})).totalCount).toBe(361)
  })

  it('writes exactly one entry per key when 50 calls with 10 keys race', async () => {
    const adapter = memory({ latency: { min: 1, max: 8 } })
    const start = (await adapter.getWallet()).balance.amount
    const amountFor = (k: number) => 1000 + k * 100
    const calls = Array.from({ length: 50 }, (_, i) => {
      const k = i % 10
      return adapter.addFunds({
        amount: usd(amountFor(k)),
        paymentMethodId: SEED_CARDS.visa,
        idempotencyKey: `key-${k}`,
      })
    })
    const results = await Promise.all(calls)

    const idsByKey = new Map<number, Set<string>>()
    results.forEach((result, i) => {
      const set = idsByKey.get(i % 10) ?? new Set()
      set.add(result.entry.id)
      idsByKey.set(i % 10, set)
    })
    expect([...idsByKey.values()].every((ids) => ids.size === 1)).toBe(true)
    const ledger = await adapter.listLedger({ filter: { types: ['top_up'] }, limit: 200 })
    const newTopUps = ledger.entries.filter((e) => e.createdAt === new Date('2026-11-26T12:00:00.000Z').toISOString())
    expect(newTopUps).toHaveLength(10)
    const expected = start + Array.from({ length: 10 }, (_, k) => amountFor(k)).reduce((a, b) => a + b, 0)
    expect((await adapter.getWallet()).balance.amount).toBe(expected)
    expect((await adapter.listLedger({})).totalCount).toBe(370)
    expect(adapter.calls.addFunds).toBe(50)
  })

  it.each([
    [usd(999), 'below_min'],
    [usd(100_001), 'above_max'],
    [usd(1050.5), 'invalid'],
    [{ amount: 5000, currency: 'EUR' }, 'invalid'],
    [usd(-2500), 'invalid'],
  ])('rejects %o as %s without touching the wallet', async (amount, code) => {
    const adapter = memory()
    const before = await adapter.getWallet()
    const error = await rejection(adapter.addFunds({ amount, paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'v' }))

    expect(error.code).toBe('validation')
    expect(error.fieldErrors).toEqual({ amount: code })
    expect(await adapter.getWallet()).toEqual(before)
    expect((await adapter.listLedger({})).totalCount).toBe(360)
  })

  it('lets a key that failed validation be used again once the amount is fixed', async () => {
    const adapter = memory()
    await rejection(adapter.addFunds({ amount: usd(5), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'fix-me' }))
    const { entry } = await adapter.addFunds({
      amount: usd(2500),
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'fix-me',
    })
    expect(entry.amount).toEqual(usd(2500))
  })

  it('reports an unknown card as not found and an expired one as declined', async () => {
    const adapter = memory()
    const missing = await rejection(
      adapter.addFunds({ amount: usd(2500), paymentMethodId: 'pm_nope', idempotencyKey: 'a' }),
    )
    const expired = await rejection(
      adapter.addFunds({ amount: usd(2500), paymentMethodId: SEED_CARDS.mastercardExpired, idempotencyKey: 'b' }),
    )

    expect(missing.code).toBe('not_found')
    expect(expired.code).toBe('card_declined')
    expect(expired.declineCode).toBe('expired_card')
    expect((await adapter.getWallet()).balance.amount).toBe(4250)
  })

  it('declines the test card without moving money, and repeats the decline for the same key', async () => {
    const adapter = memory()
    const input = { amount: usd(5000), paymentMethodId: SEED_CARDS.visaDeclining, idempotencyKey: 'declined' }
    const first = await rejection(adapter.addFunds(input))
    const retry = await rejection(adapter.addFunds(input))

    expect(first.code).toBe('card_declined')
    expect(first.declineCode).toBe('card_declined')
    expect(retry.code).toBe('card_declined')
    expect((await adapter.getWallet()).balance.amount).toBe(4250)
    expect((await adapter.listLedger({})).totalCount).toBe(360)
    // A new attempt (new key) with a good card goes through.
    await adapter.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'second-try' })
    expect((await adapter.getWallet()).balance.amount).toBe(9250)
  })

  it('asks for 3-D Secure first, then completes the same key once, and only once', async () => {
    const adapter = memory()
    const card = await attachCard(adapter, 'pm_card_threeDSecure2Required')
    expect(card.last4).toBe('3155')
    const input = { amount: usd(5000), paymentMethodId: card.id, idempotencyKey: '3ds' }

    const challenge = await rejection(adapter.addFunds(input))
    expect(challenge.code).toBe('requires_action')
    expect(challenge.clientSecret).toMatch(/^pi_[a-z0-9]+_secret_[a-z0-9]+$/)
    expect((await adapter.getWallet()).balance.amount).toBe(4250)

    const done = await adapter.addFunds(input)
    const again = await adapter.addFunds(input)
    expect(again.entry.id).toBe(done.entry.id)
    expect((await adapter.getWallet()).balance.amount).toBe(9250)
    expect(await rejection(adapter.addFunds({ ...input, amount: usd(2500) }))).toMatchObject({ code: 'conflict' })
  })
})

describe('usage', () => {
  it('spends complimentary credits first, soonest to expire first, then the paid balance', async () => {
    const adapter = memory()
    const start = await adapter.getWallet()
    expect(start.credits.map((c) => [c.id, c.remaining.amount])).toEqual([
      ['credit_promo', 730],
      ['credit_welcome', 500],
    ])

    const first = await adapter.simulateUsage({ unit: 'sms', quantity: 1000, cost: usd(1000) })
    expect(first.wallet.balance.amount).toBe(4250)
    expect(first.wallet.credits.map((c) => [c.id, c.remaining.amount])).toEqual([['credit_welcome', 230]])
    expect(first.entries).toHaveLength(1)
    expect(first.entries[0]).toMatchObject({
      type: 'usage',
      amount: usd(-1000),
      balanceAfter: usd(4250),
      usage: { unit: 'sms', quantity: 1000 },
      description: 'SMS — 1000 mensajes',
    })

    const second = await adapter.simulateUsage({ unit: 'call_minute', quantity: 10, cost: usd(500) })
    expect(second.wallet.credits).toEqual([])
    expect(second.wallet.balance.amount).toBe(4250 - 270)
  })

  it('prices usage itself when no cost is given', async () => {
    const adapter = memory({ locale: 'en' })
    await spendAllCredits(adapter)
    const { entries, wallet } = await adapter.simulateUsage({ unit: 'sms', quantity: 120 })
    expect(entries[0]).toMatchObject({ amount: usd(-120), description: 'SMS — 120 messages' })
    expect(wallet.balance.amount).toBe(4250 - 120)
  })

  it('ignores expired credits', async () => {
    const clock = movableClock()
    const adapter = memory({ now: clock.now })
    clock.advance(21 * 86_400_000)
    const wallet = await adapter.getWallet()
    expect(wallet.credits.map((c) => c.id)).toEqual(['credit_welcome'])
    await adapter.simulateUsage({ cost: usd(600) })
    expect((await adapter.getWallet()).balance.amount).toBe(4250 - 100)
  })
})

describe('auto-recharge', () => {
  const fixed = (over: Partial<AutoRechargeSettings> = {}): AutoRechargeSettings => ({
    enabled: true,
    threshold: usd(1000),
    mode: 'fixed',
    amount: usd(2500),
    monthlyCap: null,
    ...over,
  })

  it('does nothing while the balance stays above the threshold', async () => {
    const adapter = memory()
    await spendAllCredits(adapter)
    const { entries, wallet } = await usageToBalance(adapter, 1001)
    expect(entries.map((e) => e.type)).toEqual(['usage'])
    expect(wallet.balance.amount).toBe(1001)
  })

  it('charges the default card the fixed amount when the balance reaches the threshold', async () => {
    const adapter = memory()
    await spendAllCredits(adapter)
    const charged = (await adapter.getWallet()).autoRecharge.chargedThisMonth.amount
    const { entries, wallet } = await usageToBalance(adapter, 1000)

    expect(entries.map((e) => e.type)).toEqual(['auto_recharge', 'usage'])
    expect(entries[0]).toMatchObject({
      status: 'succeeded',
      amount: usd(2500),
      balanceAfter: usd(3500),
      paymentMethodId: SEED_CARDS.visa,
    })
    expect(wallet.balance.amount).toBe(3500)
    expect(wallet.autoRecharge.chargedThisMonth.amount).toBe(charged + 2500)
    expect(wallet.autoRecharge.lastAttempt).toMatchObject({ outcome: 'succeeded', amount: usd(2500) })
    expect((await adapter.listLedger({ limit: 2 })).entries.map((e) => e.id)).toEqual(entries.map((e) => e.id))
  })

  it('tops the balance back up to the target in target mode', async () => {
    const adapter = memory()
    await spendAllCredits(adapter)
    await adapter.updateAutoRecharge(fixed({ mode: 'target', amount: usd(5000) }))
    const { entries, wallet } = await usageToBalance(adapter, 700)

    expect(entries[0]).toMatchObject({ type: 'auto_recharge', amount: usd(4300) })
    expect(wallet.balance.amount).toBe(5000)
  })

  it('never passes the monthly cap, skipping a charge that would, and starts afresh next month', async () => {
    const clock = movableClock(new Date('2026-11-03T10:00:00Z'))
    const adapter = memory({ now: clock.now })
    await spendAllCredits(adapter)
    const already = (await adapter.getWallet()).autoRecharge.chargedThisMonth.amount
    const cap = already + 5000
    await adapter.updateAutoRecharge(fixed({ monthlyCap: usd(cap) }))

    for (let i = 0; i < 2; i++) await usageToBalance(adapter, 900)
    const third = await usageToBalance(adapter, 900)

    expect(third.entries.map((e) => e.type)).toEqual(['usage'])
    expect(third.wallet.balance.amount).toBe(900)
    expect(third.wallet.autoRecharge.chargedThisMonth.amount).toBe(cap)
    expect(third.wallet.autoRecharge.lastAttempt).toMatchObject({ outcome: 'skipped_cap', amount: usd(2500) })
    const recharges = await adapter.listLedger({ filter: { types: ['auto_recharge'], from: '2026-11-03T10:00:00Z' } })
    expect(recharges.totalCount).toBe(2)

    clock.set('2026-12-01T00:00:00Z')
    expect((await adapter.getWallet()).autoRecharge.chargedThisMonth.amount).toBe(0)
    const december = await adapter.simulateUsage({ cost: usd(1) })
    expect(december.entries[0]).toMatchObject({ type: 'auto_recharge', status: 'succeeded' })
    expect(december.wallet.autoRecharge.chargedThisMonth.amount).toBe(2500)
  })

  it('pauses after three declines in a row and re-arms when the default card changes', async () => {
    const adapter = memory()
    await spendAllCredits(adapter)
    await adapter.setDefaultPaymentMethod(SEED_CARDS.visaDeclining)
    await usageToBalance(adapter, 500)
    const first = (await adapter.getWallet()).autoRecharge
    expect(first).toMatchObject({
      consecutiveFailures: 1,
      paused: null,
      lastAttempt: { outcome: 'failed', declineCode: 'card_declined' },
    })

    await adapter.simulateUsage({ cost: usd(10) })
    const third = await adapter.simulateUsage({ cost: usd(10) })
    expect(third.entries[0]).toMatchObject({
      type: 'auto_recharge',
      status: 'failed',
      failureReason: 'card_declined',
      balanceAfter: usd(480),
    })
    expect(third.wallet.autoRecharge.consecutiveFailures).toBe(3)
    expect(third.wallet.autoRecharge.paused).toEqual({ reason: 'card_declined', since: '2026-11-26T12:00:00.000Z' })
    expect(third.wallet.balance.amount).toBe(480)

    // Paused: more usage makes no further attempt.
    const quiet = await adapter.simulateUsage({ cost: usd(10) })
    expect(quiet.entries.map((e) => e.type)).toEqual(['usage'])
    const failed = await adapter.listLedger({ filter: { types: ['auto_recharge'], from: '2026-11-26T12:00:00Z' } })
    expect(failed.entries.map((e) => e.status)).toEqual(['failed', 'failed', 'failed'])

    const cards = await adapter.setDefaultPaymentMethod(SEED_CARDS.visa)
    expect(cards.find((c) => c.isDefault)?.id).toBe(SEED_CARDS.visa)
    const rearmed = (await adapter.getWallet()).autoRecharge
    expect(rearmed).toMatchObject({ paused: null, consecutiveFailures: 0 })
    const recovered = await adapter.simulateUsage({ cost: usd(10) })
    expect(recovered.entries[0]).toMatchObject({ type: 'auto_recharge', status: 'succeeded' })
    expect(recovered.wallet.balance.amount).toBe(460 + 2500)
  })

  it('re-arms when the settings are saved again or a new default card is attached', async () => {
    const adapter = memory()
    await spendAllCredits(adapter)
    await adapter.setDefaultPaymentMethod(SEED_CARDS.visaDeclining)
    await usageToBalance(adapter, 500)
    await adapter.simulateUsage({ cost: usd(10) })
    await adapter.simulateUsage({ cost: usd(10) })
    expect((await adapter.getWallet()).autoRecharge.paused?.reason).toBe('card_declined')

    // Saving again tries at once (still the declining card): one more failure, not paused before it.
    const saved = await adapter.updateAutoRecharge(fixed())
    expect(saved.autoRecharge).toMatchObject({ consecutiveFailures: 1, paused: null })

    await attachCard(adapter, 'pm_card_visa', true)
    expect((await adapter.getWallet()).autoRecharge).toMatchObject({ consecutiveFailures: 0, paused: null })
  })

  it('charges at once when turned on while the balance is already at or below the threshold', async () => {
    const adapter = memory()
    await spendAllCredits(adapter)
    await adapter.updateAutoRecharge(fixed({ enabled: false }))
    const low = await usageToBalance(adapter, 300)
    expect(low.entries.map((e) => e.type)).toEqual(['usage'])

    const wallet = await adapter.updateAutoRecharge(fixed())
    expect(wallet.balance.amount).toBe(2800)
    const top = await adapter.listLedger({ limit: 1 })
    expect(top.entries[0]).toMatchObject({ type: 'auto_recharge', amount: usd(2500), balanceAfter: usd(2800) })
  })

  it('pauses for want of a card when there is no default card', async () => {
    const adapter = memory({ empty: true })
    const wallet = await adapter.updateAutoRecharge(fixed())
    expect(wallet.autoRecharge.paused).toMatchObject({ reason: 'no_payment_method' })
    expect((await adapter.listLedger({})).totalCount).toBe(0)

    await attachCard(adapter, 'pm_card_visa')
    expect((await adapter.getWallet()).autoRecharge.paused).toBeNull()
  })

  it.each([
    [{ threshold: usd(-1) }, { threshold: 'invalid' }],
    [{ amount: usd(500) }, { amount: 'below_min' }],
    [{ amount: usd(200_000) }, { amount: 'above_max' }],
    [{ mode: 'target' as const, amount: usd(1000) }, { amount: 'not_above_threshold' }],
    [{ monthlyCap: usd(2000) }, { monthlyCap: 'below_amount' }],
    [{ mode: 'target' as const, amount: usd(3000), monthlyCap: usd(1999) }, { monthlyCap: 'below_amount' }],
    [{ threshold: { amount: 1000, currency: 'EUR' } }, { threshold: 'invalid' }],
  ])('rejects %o with %o and keeps the old settings', async (over, fieldErrors) => {
    const adapter = memory()
    const before = await adapter.getWallet()
    const error = await rejection(adapter.updateAutoRecharge(fixed(over)))
    expect(error.code).toBe('validation')
    expect(error.fieldErrors).toEqual(fieldErrors)
    expect(await adapter.getWallet()).toEqual(before)
  })

  it('saves valid settings and returns them', async () => {
    const adapter = memory()
    const wallet = await adapter.updateAutoRecharge(
      fixed({ threshold: usd(2000), amount: usd(5000), monthlyCap: usd(10000) }),
    )
    expect(wallet.autoRecharge).toMatchObject({
      enabled: true,
      threshold: usd(2000),
      amount: usd(5000),
      monthlyCap: usd(10000),
    })
    expect((await adapter.getWallet()).autoRecharge.threshold).toEqual(usd(2000))
  })
})
