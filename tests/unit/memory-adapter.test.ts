// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryAdapter, PLATFORM_SUBSCRIPTION_ID, SEED_CARDS } from '../../src/adapter/memory'
import { defaultPresets } from '../../src/money'
import { OPTIONAL_METHODS, REQUIRED_METHODS, type BillingProfile } from '../../src/adapter/types'
import { allPages, memory, movableClock, NOW, rejection } from './memory-helpers'

const usd = (amount: number) => ({ amount, currency: 'USD' })

async function snapshot(adapter: ReturnType<typeof memory>) {
  return {
    profile: await adapter.getBillingProfile(),
    subscriptions: await adapter.listSubscriptions(),
    paymentMethods: await adapter.listPaymentMethods(),
    wallet: await adapter.getWallet(),
    ledger: (await allPages(adapter, { limit: 200 })).entries,
  }
}

describe('seed', () => {
  it('is the same for the same seed and clock, and differs for another seed', async () => {
    const a = await snapshot(memory({ seed: 3 }))
    const b = await snapshot(memory({ seed: 3 }))
    const c = await snapshot(memory({ seed: 4 }))
    expect(a).toEqual(b)
    expect(c.ledger).not.toEqual(a.ledger)
    expect(c.wallet.balance).toEqual(a.wallet.balance)
  })

  it('implements every adapter method', () => {
    const adapter = memory()
    for (const method of [...REQUIRED_METHODS, ...OPTIONAL_METHODS]) expect(typeof adapter[method]).toBe('function')
  })

  it('seeds an agency with its platform plan, resale services and marketplace apps', async () => {
    const subs = await memory().listSubscriptions()
    const byName = Object.fromEntries(subs.map((s) => [s.name, s]))

    expect(byName['Plan Agencia Pro']).toMatchObject({
      kind: 'platform',
      status: 'active',
      price: usd(29700),
      interval: 'month',
      planId: 'plan_agency_pro',
    })
    expect(byName['Servicio de SEO local']).toMatchObject({ kind: 'resale', status: 'active', quantity: 2 })
    expect(byName['Gestión de redes sociales']).toMatchObject({ kind: 'resale', status: 'trialing' })
    expect(Date.parse(byName['Gestión de redes sociales'].trialEnd ?? '')).toBeGreaterThan(NOW.getTime())
    expect(byName['Campañas de Google Ads']).toMatchObject({ kind: 'resale', status: 'past_due' })
    expect(byName['Agenda de Citas Pro']).toMatchObject({ kind: 'marketplace', status: 'active', quantity: 3 })
    expect(byName['Agenda de Citas Pro'].manageUrl).toMatch(/^https:\/\//)
    expect(byName['Reseñas Automáticas']).toMatchObject({
      kind: 'marketplace',
      status: 'active',
      cancelAtPeriodEnd: true,
    })
  })

  it('seeds a default Visa, an expired Mastercard, an Amex expiring next month and a declining test card', async () => {
    const cards = await memory().listPaymentMethods()
    expect(cards.map((c) => [c.brand, c.last4, c.isDefault])).toEqual([
      ['visa', '4242', true],
      ['mastercard', '4444', false],
      ['amex', '0005', false],
      ['visa', '0002', false],
    ])
    expect(cards[1].expYear).toBe(2025)
    expect([cards[2].expMonth, cards[2].expYear]).toEqual([12, 2026])
  })

  it('seeds a Mexican billing profile that does not email wallet receipts', async () => {
    const profile = await memory().getBillingProfile()
    expect(profile).toMatchObject({
      name: 'María José Hernández Núñez',
      address: { country: 'MX', city: 'Ciudad de México' },
      taxId: { type: 'mx_rfc' },
      walletReceipts: false,
    })
  })

  it('seeds the wallet: paid balance, two credit grants, top-up limits and auto-recharge', async () => {
    const wallet = await memory().getWallet()
    expect(wallet.balance).toEqual(usd(4250))
    expect(wallet.credits).toHaveLength(2)
    expect(wallet.credits.filter((c) => c.expiresAt === null)).toHaveLength(1)
    const expiring = wallet.credits.find((c) => c.expiresAt)
    expect(Date.parse(expiring?.expiresAt ?? '') - NOW.getTime()).toBe(20 * 86_400_000)
    expect(wallet.topUp).toEqual({
      min: usd(1000),
      max: usd(100_000),
      presets: [usd(2500), usd(5000), usd(10_000), usd(25_000)],
    })
    expect(wallet.autoRecharge).toMatchObject({
      enabled: true,
      threshold: usd(1000),
      mode: 'fixed',
      amount: usd(2500),
      monthlyCap: usd(20_000),
      paused: null,
    })
  })

  it('scales amounts to the currency', async () => {
    const mxn = await memory({ currency: 'MXN' }).getWallet()
    expect(mxn.currency).toBe('MXN')
    expect(mxn.topUp.presets.map((p) => p.amount)).toEqual(defaultPresets('MXN'))
    expect(mxn.topUp.min.amount).toBeLessThanOrEqual(mxn.topUp.presets[0].amount)
    const cop = await memory({ currency: 'COP' }).getWallet()
    expect(cop.balance.amount).toBeGreaterThan(1_000_000)
    const ledger = await memory({ currency: 'COP' }).listLedger({})
    expect(ledger.entries.every((e) => e.amount?.currency === 'COP' && Number.isInteger(e.amount.amount))).toBe(true)
  })

  it('starts with nothing when empty', async () => {
    const adapter = memory({ empty: true })
    expect(await adapter.getBillingProfile()).toBeNull()
    expect(await adapter.listSubscriptions()).toEqual([])
    expect(await adapter.listPaymentMethods()).toEqual([])
    expect(await adapter.listLedger({})).toEqual({ entries: [], nextCursor: null, totalCount: 0 })
    const wallet = await adapter.getWallet()
    expect(wallet.balance).toEqual(usd(0))
    expect(wallet.credits).toEqual([])
  })

  it('hands out copies, so a caller cannot change its data', async () => {
    const adapter = memory()
    const subs = await adapter.listSubscriptions()
    subs[0].name = 'changed'
    const wallet = await adapter.getWallet()
    wallet.balance.amount = 1
    wallet.credits[0].remaining.amount = 0
    const page = await adapter.listLedger({ limit: 1 })
    page.entries[0].description = 'changed'

    expect((await adapter.listSubscriptions())[0].name).toBe('Plan Agencia Pro')
    expect((await adapter.getWallet()).balance.amount).toBe(4250)
    expect((await adapter.getWallet()).credits[0].remaining.amount).toBe(730)
    expect((await adapter.listLedger({ limit: 1 })).entries[0].description).not.toBe('changed')
  })
})

describe('subscriptions', () => {
  it('cancels at period end, keeping the status, and resumes', async () => {
    const adapter = memory()
    const canceled = await adapter.cancelSubscription({ subscriptionId: 'sub_local_seo', reason: 'too_expensive' })
    expect(canceled).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, canceledAt: NOW.toISOString() })
    expect((await rejection(adapter.cancelSubscription({ subscriptionId: 'sub_local_seo' }))).code).toBe('conflict')

    const resumed = await adapter.resumeSubscription('sub_local_seo')
    expect(resumed).toMatchObject({ status: 'active', cancelAtPeriodEnd: false, canceledAt: null })
    expect((await rejection(adapter.resumeSubscription('sub_local_seo'))).code).toBe('conflict')
    expect((await adapter.listSubscriptions()).find((s) => s.id === 'sub_local_seo')?.cancelAtPeriodEnd).toBe(false)
  })

  it('refuses to cancel what is already canceling, and knows no strangers', async () => {
    const adapter = memory()
    expect((await rejection(adapter.cancelSubscription({ subscriptionId: 'sub_reviews_app' }))).code).toBe('conflict')
    expect((await rejection(adapter.cancelSubscription({ subscriptionId: 'sub_nope' }))).code).toBe('not_found')
    expect((await rejection(adapter.resumeSubscription('sub_nope'))).code).toBe('not_found')
    const resumed = await adapter.resumeSubscription('sub_reviews_app')
    expect(resumed.cancelAtPeriodEnd).toBe(false)
  })

  it('lists three plans for the platform subscription and none for the others', async () => {
    const adapter = memory()
    const plans = await adapter.listPlans(PLATFORM_SUBSCRIPTION_ID)
    expect(plans.map((p) => [p.name, p.price.amount, p.current])).toEqual([
      ['Plan Agencia Básico', 9700, false],
      ['Plan Agencia Pro', 29700, true],
      ['Plan Agencia SaaS Pro', 49700, false],
    ])
    expect(await adapter.listPlans('sub_local_seo')).toEqual([])
    expect((await rejection(adapter.listPlans('sub_nope'))).code).toBe('not_found')
  })

  it('previews an upgrade as charged today with prorated lines', async () => {
    const adapter = memory()
    const preview = await adapter.previewPlanChange({
      subscriptionId: PLATFORM_SUBSCRIPTION_ID,
      planId: 'plan_agency_saas_pro',
    })
    expect(preview.effective).toBe('now')
    const [credit, charge] = preview.lines
    expect(credit.amount.amount).toBeLessThan(0)
    expect(charge.amount.amount).toBeGreaterThan(0)
    expect(credit.description).toBe('Tiempo no utilizado de Plan Agencia Pro')
    expect(preview.dueToday.amount).toBe(credit.amount.amount + charge.amount.amount)
    // 12 of the period's 30 days remain: (497 − 297) × 12/30 = $80.
    expect(preview.dueToday).toEqual(usd(8000))
    expect(preview.nextCycle).toEqual({ amount: usd(49700), date: '2026-12-08T12:00:00.000Z' })
  })

  it('previews a downgrade as applied at renewal with nothing due today', async () => {
    const preview = await memory().previewPlanChange({
      subscriptionId: PLATFORM_SUBSCRIPTION_ID,
      planId: 'plan_agency_starter',
    })
    expect(preview).toMatchObject({
      effective: 'period_end',
      dueToday: usd(0),
      lines: [],
      nextCycle: { amount: usd(9700) },
    })
  })

  it('refuses a preview for the current plan or an unknown one', async () => {
    const adapter = memory()
    const same = await rejection(
      adapter.previewPlanChange({ subscriptionId: PLATFORM_SUBSCRIPTION_ID, planId: 'plan_agency_pro' }),
    )
    expect(same).toMatchObject({ code: 'validation', fieldErrors: { planId: 'same_plan' } })
    expect(
      (await rejection(adapter.previewPlanChange({ subscriptionId: PLATFORM_SUBSCRIPTION_ID, planId: 'plan_x' }))).code,
    ).toBe('not_found')
  })

  it('upgrades once per key, charging the prorated amount with an invoice', async () => {
    const adapter = memory()
    const input = { subscriptionId: PLATFORM_SUBSCRIPTION_ID, planId: 'plan_agency_saas_pro', idempotencyKey: 'up-1' }
    const [a, b] = await Promise.all([adapter.changePlan(input), adapter.changePlan(input)])
    const again = await adapter.changePlan(input)

    for (const sub of [a, b, again])
      expect(sub).toMatchObject({ planId: 'plan_agency_saas_pro', name: 'Plan Agencia SaaS Pro', price: usd(49700) })
    const charges = await adapter.listLedger({ filter: { types: ['subscription_charge'], from: NOW.toISOString() } })
    expect(charges.totalCount).toBe(1)
    expect(charges.entries[0]).toMatchObject({ amount: usd(-8000), paymentMethodId: SEED_CARDS.visa })
    expect(charges.entries[0].invoice?.number).toMatch(/^INV-2026-\d{4}$/)
    expect(await adapter.getInvoiceLinks(charges.entries[0].invoice?.id ?? '')).toMatchObject({
      viewUrl: expect.any(String),
    })

    const reused = await rejection(adapter.changePlan({ ...input, planId: 'plan_agency_starter' }))
    expect(reused.code).toBe('conflict')
  })

  it('downgrades without charging', async () => {
    const adapter = memory()
    const sub = await adapter.changePlan({
      subscriptionId: PLATFORM_SUBSCRIPTION_ID,
      planId: 'plan_agency_starter',
      idempotencyKey: 'down',
    })
    expect(sub).toMatchObject({ planId: 'plan_agency_starter', price: usd(9700) })
    expect((await adapter.listLedger({ filter: { from: NOW.toISOString() } })).totalCount).toBe(0)
    expect((await adapter.listPlans(PLATFORM_SUBSCRIPTION_ID)).find((p) => p.current)?.id).toBe('plan_agency_starter')
  })
})

describe('payment methods', () => {
  async function attach(adapter: ReturnType<typeof memory>, paymentMethodId: string | null, makeDefault = false) {
    const { clientSecret } = await adapter.createSetupIntent()
    return adapter.attachPaymentMethod({
      setupIntentId: clientSecret.split('_secret_')[0],
      paymentMethodId,
      makeDefault,
    })
  }

  it('creates SetupIntent secrets and refuses ones it never made', async () => {
    const adapter = memory()
    const { clientSecret } = await adapter.createSetupIntent()
    expect(clientSecret).toMatch(/^seti_[a-z0-9]+_secret_[a-z0-9]+$/)
    const error = await rejection(adapter.attachPaymentMethod({ setupIntentId: 'seti_unknown', makeDefault: false }))
    expect(error.code).toBe('not_found')
    expect(await adapter.listPaymentMethods()).toHaveLength(4)
  })

  it('attaches Stripe test cards as the cards they stand for', async () => {
    const adapter = memory()
    const mastercard = await attach(adapter, 'pm_card_mastercard')
    const declining = await attach(adapter, 'pm_card_chargeDeclined')
    const other = await attach(adapter, null)
    expect([mastercard.brand, mastercard.last4, mastercard.isDefault]).toEqual(['mastercard', '4444', false])
    expect([declining.brand, declining.last4]).toEqual(['visa', '0002'])
    expect(other.brand).toBe('visa')
    expect(other.last4).toMatch(/^\d{4}$/)
    expect(new Set([mastercard.id, declining.id, other.id, SEED_CARDS.mastercardExpired]).size).toBe(4)
    expect(await adapter.listPaymentMethods()).toHaveLength(7)
  })

  it('moves the default to a card attached as default', async () => {
    const adapter = memory()
    const card = await attach(adapter, 'pm_card_visa', true)
    const cards = await adapter.listPaymentMethods()
    expect(cards.filter((c) => c.isDefault).map((c) => c.id)).toEqual([card.id])
  })

  it('gives back the same card when a SetupIntent is attached twice', async () => {
    const adapter = memory()
    const { clientSecret } = await adapter.createSetupIntent()
    const input = { setupIntentId: clientSecret, paymentMethodId: 'pm_card_amex', makeDefault: false }
    const first = await adapter.attachPaymentMethod(input)
    const second = await adapter.attachPaymentMethod(input)
    expect(second.id).toBe(first.id)
    expect(await adapter.listPaymentMethods()).toHaveLength(5)
  })

  it('makes the first card of an empty account the default', async () => {
    const adapter = memory({ empty: true })
    const card = await attach(adapter, 'pm_card_visa')
    expect(card.isDefault).toBe(true)
  })

  it('refuses to remove a card that pays a subscription or auto-recharge', async () => {
    const adapter = memory()
    expect((await rejection(adapter.removePaymentMethod(SEED_CARDS.visa))).code).toBe('conflict')
    expect((await rejection(adapter.removePaymentMethod(SEED_CARDS.amexExpiring))).code).toBe('conflict')
    expect((await rejection(adapter.removePaymentMethod('pm_nope'))).code).toBe('not_found')
    expect(await adapter.listPaymentMethods()).toHaveLength(4)

    const empty = memory({ empty: true })
    const only = await attach(empty, 'pm_card_visa')
    await empty.updateAutoRecharge({
      enabled: true,
      threshold: usd(0),
      mode: 'fixed',
      amount: usd(2500),
      monthlyCap: null,
    })
    expect((await rejection(empty.removePaymentMethod(only.id))).code).toBe('conflict')
    await empty.updateAutoRecharge({
      enabled: false,
      threshold: usd(0),
      mode: 'fixed',
      amount: usd(2500),
      monthlyCap: null,
    })
    await empty.removePaymentMethod(only.id)
    expect(await empty.listPaymentMethods()).toEqual([])
  })

  it('removes a card nothing depends on', async () => {
    const adapter = memory()
    await adapter.removePaymentMethod(SEED_CARDS.mastercardExpired)
    expect((await adapter.listPaymentMethods()).map((c) => c.id)).not.toContain(SEED_CARDS.mastercardExpired)
  })

  it('sets the default card, expired ones included, and returns the list', async () => {
    const adapter = memory()
    const cards = await adapter.setDefaultPaymentMethod(SEED_CARDS.mastercardExpired)
    expect(cards.filter((c) => c.isDefault).map((c) => c.id)).toEqual([SEED_CARDS.mastercardExpired])
    expect((await rejection(adapter.setDefaultPaymentMethod('pm_nope'))).code).toBe('not_found')
  })
})

describe('billing profile', () => {
  const valid = (): BillingProfile => ({
    name: 'José Ángel Muñoz',
    company: 'Muñoz & Asociados S.L.',
    email: 'facturas@munoz.es',
    address: {
      line1: 'Calle de Alcalá 42',
      line2: null,
      city: 'Madrid',
      region: 'Madrid',
      postalCode: '28014',
      country: 'es',
    },
    taxId: { type: 'es_cif', value: 'B12345678' },
    walletReceipts: true,
  })

  it('stores and returns the profile', async () => {
    const adapter = memory()
    const saved = await adapter.updateBillingProfile(valid())
    expect(saved).toMatchObject({ name: 'José Ángel Muñoz', address: { country: 'ES' }, walletReceipts: true })
    expect(await adapter.getBillingProfile()).toEqual(saved)
  })

  it.each([
    [{ email: 'no-at-sign' }, { email: 'invalid' }],
    [{ address: { line1: 'Calle 1', city: 'Madrid', country: 'ESP' } }, { 'address.country': 'invalid' }],
  ])('refuses %o with field errors and keeps the old profile', async (over, fieldErrors) => {
    const adapter = memory()
    const before = await adapter.getBillingProfile()
    const error = await rejection(adapter.updateBillingProfile({ ...valid(), ...over }))
    expect(error.code).toBe('validation')
    expect(error.fieldErrors).toEqual(fieldErrors)
    expect(await adapter.getBillingProfile()).toEqual(before)
  })
})

describe('calls and reset', () => {
  it('counts every call, failed ones included', async () => {
    const adapter = memory()
    await adapter.getWallet()
    await adapter.getWallet()
    await rejection(adapter.removePaymentMethod('pm_nope'))
    expect(adapter.calls.getWallet).toBe(2)
    expect(adapter.calls.removePaymentMethod).toBe(1)
    expect(adapter.calls.listLedger).toBe(0)
    adapter.resetCalls()
    expect(adapter.calls.getWallet).toBe(0)
  })

  it('goes back to the seed', async () => {
    const adapter = memory()
    const seeded = await snapshot(adapter)
    await adapter.addFunds({ amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'r' })
    await adapter.cancelSubscription({ subscriptionId: 'sub_local_seo' })
    adapter.reset()
    expect(await snapshot(adapter)).toEqual(seeded)
    // Keys are forgotten too: the same key charges again.
    await adapter.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'r' })
    expect((await adapter.getWallet()).balance.amount).toBe(9250)
  })
})

describe('reset with calls in flight', () => {
  it('keeps a write that started before reset out of the fresh seed', async () => {
    const adapter = memory({ latency: 5 })
    const pending = adapter.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'late' })
    adapter.reset()
    await pending
    expect((await adapter.getWallet()).balance).toEqual(usd(4250))
    expect((await adapter.listLedger({})).totalCount).toBe(360)
  })
})

describe('persistence', () => {
  function fakeStorage() {
    const data = new Map<string, string>()
    return {
      data,
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, String(value)),
      removeItem: (key: string) => void data.delete(key),
      clear: () => data.clear(),
      key: (i: number) => [...data.keys()][i] ?? null,
      get length() {
        return data.size
      },
    }
  }

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('saves after each write and restores on creation, seeded history included', async () => {
    const storage = fakeStorage()
    vi.stubGlobal('localStorage', storage)
    const clock = movableClock()
    const first = createMemoryAdapter({ now: clock.now, persist: 'billing-demo' })
    const { entry } = await first.addFunds({
      amount: usd(5000),
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'p1',
    })
    await first.cancelSubscription({ subscriptionId: 'sub_local_seo' })
    const before = await snapshot(first)

    clock.advance(3 * 86_400_000)
    const second = createMemoryAdapter({ now: clock.now, persist: 'billing-demo' })
    const after = await snapshot(second)
    expect(after.ledger).toEqual(before.ledger)
    expect(after.subscriptions).toEqual(before.subscriptions)
    expect(after.wallet.balance).toEqual(usd(9250))
    expect(after.ledger[0].id).toBe(entry.id)
    // The idempotency key survived the reload: no second charge.
    const retried = await second.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'p1' })
    expect(retried.entry.id).toBe(entry.id)
    expect((await second.getWallet()).balance).toEqual(usd(9250))
  })

  it('falls back to the seed on corrupt or foreign data', async () => {
    const storage = fakeStorage()
    vi.stubGlobal('localStorage', storage)
    storage.setItem('k', '{not json')
    expect((await createMemoryAdapter({ now: () => NOW, persist: 'k' }).getWallet()).balance).toEqual(usd(4250))

    const a = createMemoryAdapter({ now: () => NOW, persist: 'k', seed: 1 })
    await a.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'x' })
    const otherSeed = createMemoryAdapter({ now: () => NOW, persist: 'k', seed: 2 })
    expect((await otherSeed.getWallet()).balance).toEqual(usd(4250))
  })

  it('stores only the entries written since creation, not a huge seeded ledger', async () => {
    const storage = fakeStorage()
    vi.stubGlobal('localStorage', storage)
    const adapter = createMemoryAdapter({ now: () => NOW, persist: 'big', ledgerSize: 100_000 })
    await adapter.simulateUsage({ cost: usd(100) })
    expect(storage.getItem('big')?.length).toBeLessThan(20_000)
    const restored = createMemoryAdapter({ now: () => NOW, persist: 'big', ledgerSize: 100_000 })
    expect((await restored.listLedger({})).totalCount).toBe(100_001)
  })

  it('clears the saved state on reset', async () => {
    const storage = fakeStorage()
    vi.stubGlobal('localStorage', storage)
    const adapter = createMemoryAdapter({ now: () => NOW, persist: 'r' })
    await adapter.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'x' })
    expect(storage.getItem('r')).not.toBeNull()
    adapter.reset()
    expect(storage.getItem('r')).toBeNull()
    expect((await createMemoryAdapter({ now: () => NOW, persist: 'r' }).getWallet()).balance).toEqual(usd(4250))
  })

  it('works without localStorage', async () => {
    vi.stubGlobal('localStorage', undefined)
    const adapter = createMemoryAdapter({ now: () => NOW, persist: 'none' })
    await adapter.addFunds({ amount: usd(5000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'x' })
    expect((await adapter.getWallet()).balance).toEqual(usd(9250))
  })
})
