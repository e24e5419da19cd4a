import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { type BillingError, isBillingError } from '../../src/adapter/errors'
import type { LedgerEntry, PaymentMethod } from '../../src/adapter/types'
import type { ChargeOutcome, PaymentProvider } from '../../src/server/payments/provider'
import {
  type AccountBillingService,
  type BillingServiceInstance,
  createBillingService,
} from '../../src/server/service/index'
import type { BillingStore } from '../../src/server/store/repository'
import { type StripePayments, createStripePayments, createStripeWebhookHandler } from '../../src/server/stripe'
import { storeKit } from '../support/stores'
import { type EventFixture, type StripeTestServer, TEST_CARDS, startStripeServer } from '../support/stripe-server'

const WEBHOOK_SECRET = 'whsec_offline_test_secret'
const usd = (amount: number) => ({ amount, currency: 'USD' })
type Kind = 'sqlite' | 'postgres'

const { cleanups, emptyStore } = storeKit()

interface Rig {
  stripeServer: StripeTestServer
  stripe: Stripe
  store: BillingStore
  payments: StripePayments
  billing: BillingServiceInstance
  account: AccountBillingService
  webhook: (request: Request) => Promise<Response>
}

async function rig(
  kind: Kind,
  options: {
    wrap?: (payments: StripePayments) => PaymentProvider
    store?: BillingStore
    stripeServer?: StripeTestServer
  } = {},
): Promise<Rig> {
  const store = options.store ?? (await emptyStore(kind))
  let stripeServer = options.stripeServer
  if (!stripeServer) {
    stripeServer = await startStripeServer()
    cleanups.push(stripeServer.close)
  }
  const stripe = stripeServer.client()
  const payments = createStripePayments({ stripe, store, mirrorProfile: true })
  const billing = createBillingService({ store, payments: options.wrap ? options.wrap(payments) : payments })
  await billing.createAccount({ id: 'acct_a', currency: 'USD', locale: 'en' })
  const webhook = createStripeWebhookHandler({ stripe, webhookSecret: WEBHOOK_SECRET, billing })
  return { stripeServer, stripe, store, payments, billing, account: billing.forAccount('acct_a'), webhook }
}

/** The panel's card flow: a SetupIntent from the server, confirmed by Stripe.js, attached by id. */
async function addCard(r: Rig, number: string, makeDefault = true): Promise<PaymentMethod> {
  const { clientSecret } = await r.account.createSetupIntent()
  const setupIntentId = clientSecret.split('_secret_')[0]
  r.stripeServer.confirmSetupIntent(setupIntentId, number)
  // A browser could send any PaymentMethod id; the server must not use it.
  return r.account.attachPaymentMethod({ setupIntentId, paymentMethodId: 'pm_from_the_browser', makeDefault })
}

function deliver(r: Rig, event: EventFixture, secret = WEBHOOK_SECRET): Promise<Response> {
  const payload = JSON.stringify(event)
  const signature = r.stripe.webhooks.generateTestHeaderString({ payload, secret })
  return r.webhook(
    new Request('http://127.0.0.1/webhooks/stripe', {
      method: 'POST',
      body: payload,
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    }),
  )
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

async function entries(r: Rig): Promise<LedgerEntry[]> {
  return (await r.account.listLedger({ limit: 200 })).entries
}

const balance = async (r: Rig) => (await r.account.getWallet()).balance.amount
const onlyIntent = (r: Rig) => {
  const all = [...r.stripeServer.paymentIntents.values()]
  expect(all).toHaveLength(1)
  return all[0]
}

describe.each<Kind>(['sqlite', 'postgres'])('Stripe payments (%s store)', (kind) => {
  it('saves a card from the SetupIntent Stripe confirmed, with its details read from Stripe', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.visa)
    expect(card).toMatchObject({ brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, isDefault: true })
    const [intent] = [...r.stripeServer.setupIntents.values()]
    const customerId = await r.payments.customerFor('acct_a')
    expect(intent).toMatchObject({ usage: 'off_session', customer: customerId })
    expect(await r.account.listPaymentMethods()).toEqual([card])
    // Default at Stripe too, for its invoices.
    const pm = [...r.stripeServer.paymentMethods.values()][0]
    expect(r.stripeServer.customers.get(customerId)?.invoice_settings.default_payment_method).toBe(pm.id)
  })

  it('refuses to attach a SetupIntent Stripe has not confirmed', async () => {
    const r = await rig(kind)
    const { clientSecret } = await r.account.createSetupIntent()
    const error = await caught(r.account.attachPaymentMethod({ setupIntentId: clientSecret, makeDefault: true }))
    expect(error.code).toBe('validation')
    expect(await r.account.listPaymentMethods()).toEqual([])
  })

  it('tops up through a confirmed PaymentIntent, once per idempotency key', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.visa)
    const input = { amount: usd(2500), paymentMethodId: card.id, idempotencyKey: 'topup-1' }
    const first = await r.account.addFunds(input)
    const again = await r.account.addFunds(input)
    expect(again).toEqual(first)
    expect(first.entry).toMatchObject({ type: 'top_up', status: 'succeeded', amount: usd(2500) })
    expect(await balance(r)).toBe(2500)
    const pi = onlyIntent(r)
    expect(pi).toMatchObject({
      amount: 2500,
      currency: 'usd',
      status: 'succeeded',
      customer: await r.payments.customerFor('acct_a'),
      payment_method: [...r.stripeServer.paymentMethods.keys()][0],
      off_session: false,
    })
    expect(pi.metadata).toMatchObject({ billing_account_id: 'acct_a', billing_payment_method_id: card.id })
    expect((await r.billing.verifyLedger('acct_a')).ok).toBe(true)
  })

  it.each([
    [TEST_CARDS.declined, 'generic_decline'],
    [TEST_CARDS.insufficientFunds, 'insufficient_funds'],
    [TEST_CARDS.expired, 'expired_card'],
  ])('a card Stripe declines (%s) is card_declined with %s, and credits nothing', async (number, declineCode) => {
    const r = await rig(kind)
    const card = await addCard(r, number)
    const input = { amount: usd(1000), paymentMethodId: card.id, idempotencyKey: `decline-${declineCode}` }
    const error = await caught(r.account.addFunds(input))
    expect(error).toMatchObject({ code: 'card_declined', declineCode })
    // Stripe's own wording stays on the server.
    expect(error.message).not.toMatch(/Your card/)
    expect(await caught(r.account.addFunds(input))).toMatchObject({ code: 'card_declined', declineCode })
    expect(onlyIntent(r).status).toBe('requires_payment_method')
    expect(await balance(r)).toBe(0)
    expect((await entries(r)).filter((e) => e.type === 'top_up')).toEqual([])
  })

  it('3-D Secure: the client secret goes to the panel, and the top-up is credited once after Stripe confirms it', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.threeDSecure)
    const input = { amount: usd(3000), paymentMethodId: card.id, idempotencyKey: 'topup-3ds' }
    const challenge = await caught(r.account.addFunds(input))
    const pi = onlyIntent(r)
    expect(challenge).toMatchObject({ code: 'requires_action', clientSecret: pi.client_secret })
    expect(await balance(r)).toBe(0)
    // Asked again before the customer answered: still the same challenge, no second charge.
    expect(await caught(r.account.addFunds(input))).toMatchObject({ code: 'requires_action' })
    r.stripeServer.authenticate(pi.id, true)
    const done = await r.account.addFunds(input)
    expect(done.entry).toMatchObject({ type: 'top_up', amount: usd(3000) })
    expect(await r.account.addFunds(input)).toEqual(done)
    // The webhook for the same success changes nothing more.
    expect((await deliver(r, r.stripeServer.event('payment_intent.succeeded', pi))).status).toBe(200)
    expect(await balance(r)).toBe(3000)
    expect(r.stripeServer.paymentIntents.size).toBe(1)
    expect((await r.billing.verifyLedger('acct_a')).ok).toBe(true)
  })

  it('a PaymentIntent still processing is answered as pending, and credited exactly once when Stripe reports success', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.visa)
    const input = { amount: usd(4000), paymentMethodId: card.id, idempotencyKey: 'topup-processing' }
    r.stripeServer.processNext(1)
    const pending = await r.account.addFunds(input)
    const pi = onlyIntent(r)
    expect(pi.status).toBe('processing')
    expect(pending.entry).toMatchObject({ type: 'top_up', status: 'pending', amount: usd(4000), balanceAfter: null })
    expect(pending.wallet.balance.amount).toBe(0)
    // A retry asks Stripe again: still pending, still one PaymentIntent, nothing credited.
    expect((await r.account.addFunds(input)).entry.status).toBe('pending')
    expect(r.stripeServer.paymentIntents.size).toBe(1)
    expect(await entries(r)).toEqual([])

    r.stripeServer.finishProcessing(pi.id, true)
    const succeeded = r.stripeServer.event('payment_intent.succeeded', pi)
    for (const event of [succeeded, succeeded, r.stripeServer.event('payment_intent.succeeded', pi)]) {
      expect((await deliver(r, event)).status).toBe(200)
    }
    expect(await balance(r)).toBe(4000)
    const topUps = (await entries(r)).filter((e) => e.type === 'top_up')
    expect(topUps).toHaveLength(1)
    expect(topUps[0]).toMatchObject({ status: 'succeeded', amount: usd(4000) })
    // The panel's retry now gets the credited top-up, with no second charge.
    const replay = await r.account.addFunds(input)
    expect(replay.entry).toMatchObject({ id: topUps[0].id, status: 'succeeded' })
    expect(r.stripeServer.paymentIntents.size).toBe(1)
    expect((await r.billing.verifyLedger('acct_a')).ok).toBe(true)
  })

  it('a processing PaymentIntent the bank then declines credits nothing, and the retry answers the decline', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.visa)
    const input = { amount: usd(4000), paymentMethodId: card.id, idempotencyKey: 'topup-processing-fails' }
    r.stripeServer.processNext(1)
    expect((await r.account.addFunds(input)).entry.status).toBe('pending')
    const pi = r.stripeServer.finishProcessing(onlyIntent(r).id, false)
    expect((await deliver(r, r.stripeServer.event('payment_intent.payment_failed', pi))).status).toBe(200)
    expect(await caught(r.account.addFunds(input))).toMatchObject({
      code: 'card_declined',
      declineCode: 'generic_decline',
    })
    expect(await balance(r)).toBe(0)
    expect((await entries(r)).filter((e) => e.type === 'top_up' && e.status === 'succeeded')).toEqual([])
    expect(r.stripeServer.paymentIntents.size).toBe(1)
  })

  it('3-D Secure the customer fails is a decline, with nothing credited', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.threeDSecure)
    const input = { amount: usd(3000), paymentMethodId: card.id, idempotencyKey: 'topup-3ds-fail' }
    await caught(r.account.addFunds(input))
    r.stripeServer.authenticate(onlyIntent(r).id, false)
    expect(await caught(r.account.addFunds(input))).toMatchObject({
      code: 'card_declined',
      declineCode: 'payment_intent_authentication_failure',
    })
    expect(await balance(r)).toBe(0)
  })

  it('off-session auto-recharge that needs authentication fails three times, then pauses with card_declined', async () => {
    const r = await rig(kind)
    await addCard(r, TEST_CARDS.threeDSecure)
    await r.account.updateAutoRecharge({
      enabled: true,
      threshold: usd(1000),
      mode: 'fixed',
      amount: usd(2000),
      monthlyCap: null,
    })
    await r.billing.runAutoRecharge('acct_a')
    await r.billing.runAutoRecharge('acct_a')
    // Paused: a fourth run charges nothing.
    expect(await r.billing.runAutoRecharge('acct_a')).toBeNull()
    const wallet = await r.account.getWallet()
    expect(wallet.autoRecharge.paused?.reason).toBe('card_declined')
    expect(wallet.balance.amount).toBe(0)
    const failed = (await entries(r)).filter((e) => e.type === 'auto_recharge')
    expect(failed.map((e) => [e.status, e.failureReason])).toEqual([
      ['failed', 'authentication_required'],
      ['failed', 'authentication_required'],
      ['failed', 'authentication_required'],
    ])
    const intents = [...r.stripeServer.paymentIntents.values()]
    expect(intents).toHaveLength(3)
    expect(intents.every((pi) => pi.off_session && pi.amount === 2000)).toBe(true)
  })

  it('off-session auto-recharge charges the saved card once', async () => {
    const r = await rig(kind)
    await addCard(r, TEST_CARDS.visa)
    const wallet = await r.account.updateAutoRecharge({
      enabled: true,
      threshold: usd(1000),
      mode: 'fixed',
      amount: usd(2000),
      monthlyCap: null,
    })
    expect(wallet.balance.amount).toBe(2000)
    expect(await r.billing.runAutoRecharge('acct_a')).toBeNull()
    expect(onlyIntent(r)).toMatchObject({ off_session: true, status: 'succeeded', amount: 2000 })
  })

  it('an off-session recharge still processing holds off a second one, and is credited once when it succeeds', async () => {
    const r = await rig(kind)
    await addCard(r, TEST_CARDS.visa)
    r.stripeServer.processNext(1)
    const wallet = await r.account.updateAutoRecharge({
      enabled: true,
      threshold: usd(1000),
      mode: 'fixed',
      amount: usd(2000),
      monthlyCap: null,
    })
    expect(wallet.balance.amount).toBe(0)
    expect(wallet.autoRecharge.consecutiveFailures).toBe(0)
    const pi = onlyIntent(r)
    expect(pi).toMatchObject({ off_session: true, status: 'processing' })
    // Still at the threshold, but one recharge is in flight: no second charge, no failure written.
    expect(await r.billing.runAutoRecharge('acct_a')).toBeNull()
    expect(r.stripeServer.paymentIntents.size).toBe(1)
    expect(await entries(r)).toEqual([])

    r.stripeServer.finishProcessing(pi.id, true)
    const succeeded = r.stripeServer.event('payment_intent.succeeded', pi)
    expect((await deliver(r, succeeded)).status).toBe(200)
    expect((await deliver(r, succeeded)).status).toBe(200)
    expect(await balance(r)).toBe(2000)
    expect((await entries(r)).filter((e) => e.type === 'auto_recharge')).toMatchObject([
      { status: 'succeeded', amount: usd(2000) },
    ])
    expect(r.stripeServer.paymentIntents.size).toBe(1)
    expect((await r.billing.verifyLedger('acct_a')).ok).toBe(true)
  })

  it('two instances using an account for the first time at once create one Customer', async () => {
    const store = await emptyStore(kind)
    const stripeServer = await startStripeServer()
    cleanups.push(stripeServer.close)
    const one = await rig(kind, { store, stripeServer })
    const two = await rig(kind, { store, stripeServer })
    await Promise.all([
      one.account.createSetupIntent(),
      two.account.createSetupIntent(),
      one.account.createSetupIntent(),
      two.account.createSetupIntent(),
    ])
    expect(stripeServer.customers.size).toBe(1)
    const [customer] = stripeServer.customers.keys()
    expect([...stripeServer.setupIntents.values()].map((s) => s.customer)).toEqual([
      customer,
      customer,
      customer,
      customer,
    ])
    expect(await store.read.processorCustomer('acct_a')).toBe(customer)
    expect(await two.payments.customerFor('acct_a')).toBe(customer)
  })

  it('a rate-limited charge is a retryable unavailable that charges nothing; the retry charges once', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.visa)
    const input = { amount: usd(1500), paymentMethodId: card.id, idempotencyKey: 'topup-busy' }
    r.stripeServer.rateLimitNext(1)
    const error = await caught(r.account.addFunds(input))
    expect(error).toMatchObject({ code: 'unavailable', retryable: true })
    expect(r.stripeServer.paymentIntents.size).toBe(0)
    expect(await balance(r)).toBe(0)
    await r.account.addFunds(input)
    expect(await balance(r)).toBe(1500)
    expect(r.stripeServer.paymentIntents.size).toBe(1)
  })

  it('an instance that dies between Stripe’s success and the ledger write is settled by the webhook, once', async () => {
    let answered: (outcome: ChargeOutcome) => void = () => {}
    const stripeAnswered = new Promise<ChargeOutcome>((resolve) => {
      answered = resolve
    })
    // The charge reaches Stripe and succeeds, then this instance never gets to write it.
    const r = await rig(kind, {
      wrap: (payments) => ({
        ...payments,
        async charge(request, now) {
          answered(await payments.charge(request, now))
          return new Promise<never>(() => {})
        },
      }),
    })
    const card = await addCard(r, TEST_CARDS.visa)
    const input = { amount: usd(4000), paymentMethodId: card.id, idempotencyKey: 'topup-crash' }
    r.account.addFunds(input).catch(() => {})
    expect(await stripeAnswered).toMatchObject({ status: 'succeeded' })
    expect(await balance(r)).toBe(0)

    const pi = onlyIntent(r)
    const succeeded = r.stripeServer.event('payment_intent.succeeded', pi)
    for (let i = 0; i < 3; i++) expect((await deliver(r, succeeded)).status).toBe(200)
    // A stale failure report for the same PaymentIntent, delivered late, changes nothing.
    const stale = r.stripeServer.event('payment_intent.payment_failed', { ...pi, status: 'requires_payment_method' })
    expect((await deliver(r, stale)).status).toBe(200)
    expect(await balance(r)).toBe(4000)
    const topUps = (await entries(r)).filter((e) => e.type === 'top_up')
    expect(topUps).toHaveLength(1)

    // Another instance asked with the same key answers with that one entry.
    const other = createBillingService({ store: r.store, payments: r.payments }).forAccount('acct_a')
    expect((await other.addFunds(input)).entry.id).toBe(topUps[0].id)
    expect(r.stripeServer.paymentIntents.size).toBe(1)
    expect((await r.billing.verifyLedger('acct_a')).ok).toBe(true)
  })

  it('refunds: each refund total is written once, whatever the order and number of deliveries', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.visa)
    await r.account.addFunds({ amount: usd(2500), paymentMethodId: card.id, idempotencyKey: 'topup-refund' })
    const pi = onlyIntent(r)
    const partial = r.stripeServer.event('charge.refunded', r.stripeServer.refund(pi.id, 500))
    const more = r.stripeServer.event('charge.refunded', r.stripeServer.refund(pi.id, 300))
    for (const event of [more, partial, more, partial, more]) expect((await deliver(r, event)).status).toBe(200)
    const refunds = (await entries(r)).filter((e) => e.type === 'refund')
    expect(refunds).toHaveLength(1)
    expect(refunds[0]).toMatchObject({ status: 'succeeded', amount: usd(800), paymentMethodId: card.id })
    expect(await balance(r)).toBe(1700)
    // A later, larger total adds only the difference.
    await deliver(r, r.stripeServer.event('charge.refunded', r.stripeServer.refund(pi.id, 200)))
    expect((await entries(r)).filter((e) => e.type === 'refund').map((e) => e.amount?.amount)).toEqual([200, 800])
    expect(await balance(r)).toBe(1500)
    expect((await r.billing.verifyLedger('acct_a')).ok).toBe(true)
  })

  it('records a dispute on the account once', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.visa)
    await r.account.addFunds({ amount: usd(2500), paymentMethodId: card.id, idempotencyKey: 'topup-dispute' })
    const dispute = r.stripeServer.dispute(onlyIntent(r).id)
    const event = r.stripeServer.event('charge.dispute.created', dispute)
    await deliver(r, event)
    await deliver(r, r.stripeServer.event('charge.dispute.created', dispute))
    expect(await r.billing.processorEvents.disputes('acct_a')).toEqual([
      expect.objectContaining({ id: dispute.id, amount: 2500, currency: 'USD', reason: 'fraudulent' }),
    ])
  })

  it('a bad signature is a 400 and changes nothing; the genuine delivery then applies', async () => {
    const r = await rig(kind)
    const card = await addCard(r, TEST_CARDS.visa)
    await r.account.addFunds({ amount: usd(2500), paymentMethodId: card.id, idempotencyKey: 'topup-sig' })
    const event = r.stripeServer.event('charge.refunded', r.stripeServer.refund(onlyIntent(r).id, 1000))
    expect((await deliver(r, event, 'whsec_someone_else')).status).toBe(400)
    const payload = JSON.stringify(event)
    const signature = r.stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })
    const tampered = await r.webhook(
      new Request('http://127.0.0.1/webhooks/stripe', {
        method: 'POST',
        body: payload.replace('"amount_refunded":1000', '"amount_refunded":2500'),
        headers: { 'Stripe-Signature': signature },
      }),
    )
    expect(tampered.status).toBe(400)
    const unsigned = await r.webhook(new Request('http://127.0.0.1/webhooks/stripe', { method: 'POST', body: payload }))
    expect(unsigned.status).toBe(400)
    expect(await balance(r)).toBe(2500)
    expect(await r.store.read.processorEventSeen(event.id)).toBe(false)
    expect((await deliver(r, event)).status).toBe(200)
    expect(await balance(r)).toBe(1500)
  })

  it('card events: a new expiry is kept, a card confirmed in another tab is attached once, a detached card is removed', async () => {
    const r = await rig(kind)
    const first = await addCard(r, TEST_CARDS.visa)
    const [pm] = r.stripeServer.paymentMethods.values()
    pm.card.exp_year = 2033
    pm.card.exp_month = 3
    await deliver(r, r.stripeServer.event('payment_method.automatically_updated', pm))
    expect(await r.account.listPaymentMethods()).toEqual([{ ...first, expMonth: 3, expYear: 2033 }])

    const { clientSecret } = await r.account.createSetupIntent()
    const setupIntentId = clientSecret.split('_secret_')[0]
    const otherPm = r.stripeServer.confirmSetupIntent(setupIntentId, '5555555555554444')
    const event = r.stripeServer.event('setup_intent.succeeded', r.stripeServer.setupIntents.get(setupIntentId))
    await deliver(r, event)
    await deliver(r, r.stripeServer.event('setup_intent.succeeded', r.stripeServer.setupIntents.get(setupIntentId)))
    const cards = await r.account.listPaymentMethods()
    expect(cards.map((c) => [c.brand, c.last4, c.isDefault])).toEqual([
      ['visa', '4242', true],
      ['mastercard', '4444', false],
    ])
    // The tab that confirmed it attaches it too, and gets the same card.
    expect((await r.account.attachPaymentMethod({ setupIntentId, makeDefault: false })).id).toBe(cards[1].id)

    otherPm.customer = null
    await deliver(r, r.stripeServer.event('payment_method.detached', otherPm))
    expect((await r.account.listPaymentMethods()).map((c) => c.last4)).toEqual(['4242'])
  })

  it('removing a card detaches it at Stripe; profile changes are mirrored to the Customer', async () => {
    const r = await rig(kind)
    await addCard(r, TEST_CARDS.visa)
    const second = await addCard(r, TEST_CARDS.visa, false)
    await r.account.removePaymentMethod(second.id)
    const detached = [...r.stripeServer.paymentMethods.values()][1]
    expect(detached.customer).toBeNull()

    await r.account.updateBillingProfile({
      name: 'Ana García',
      company: 'Acme SA',
      email: 'billing@acme.example',
      address: { line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES', region: 'Madrid' },
      taxId: { type: 'es_cif', value: 'B12345678' },
      walletReceipts: false,
    })
    const customer = r.stripeServer.customers.get(await r.payments.customerFor('acct_a'))
    expect(customer).toMatchObject({
      name: 'Acme SA',
      email: 'billing@acme.example',
      address: expect.objectContaining({ line1: 'Calle Mayor 1', city: 'Madrid', country: 'ES' }),
    })
    expect([...r.stripeServer.taxIds.values()].map((t) => [t.type, t.value])).toEqual([['es_cif', 'B12345678']])
  })
})

const liveKey = process.env.STRIPE_SECRET_KEY
if (liveKey) {
  describe('Stripe test mode (live, STRIPE_SECRET_KEY)', () => {
    it('saves a test card and tops up with it once', async () => {
      expect(liveKey.startsWith('sk_test_')).toBe(true)
      const store = await emptyStore('sqlite')
      const stripe = new Stripe(liveKey)
      const payments = createStripePayments({ stripe, store })
      const billing = createBillingService({ store, payments })
      await billing.createAccount({ id: `acct_live_${Date.now()}`, currency: 'USD' })
      const [accountId] = (await store.sql.all<{ id: string }>('SELECT id FROM accounts')).map((a) => a.id)
      const account = billing.forAccount(accountId)
      const { clientSecret } = await account.createSetupIntent()
      const setupIntentId = clientSecret.split('_secret_')[0]
      await stripe.setupIntents.confirm(setupIntentId, { payment_method: 'pm_card_visa' })
      const card = await account.attachPaymentMethod({ setupIntentId, makeDefault: true })
      const input = { amount: usd(500), paymentMethodId: card.id, idempotencyKey: `live-${Date.now()}` }
      const first = await account.addFunds(input)
      expect(await account.addFunds(input)).toEqual(first)
      expect((await account.getWallet()).balance.amount).toBe(500)
    }, 60_000)
  })
} else {
  console.info('Stripe test mode: not run (set STRIPE_SECRET_KEY=sk_test_… to run it against Stripe).')
}
