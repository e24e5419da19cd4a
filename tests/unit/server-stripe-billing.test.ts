import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { type BillingError, isBillingError } from '../../src/adapter/errors'
import { createBillingHandler } from '../../src/server/handler'
import {
  type BillingServiceInstance,
  type SourcedAccountBillingService,
  createBillingService,
} from '../../src/server/service/index'
import type { BillingStore } from '../../src/server/store/repository'
import {
  createStripeBillingSource,
  createStripePayments,
  createStripeWebhookHandler,
  linkStripeCustomer,
} from '../../src/server/stripe'
import { TEST_DOCUMENT_SECRET } from '../../examples/server/test-kit'
import { startExampleServer } from '../support/example-server'
import { storeKit } from '../support/stores'
import { type EventFixture, type StripeTestServer, TEST_CARDS, startStripeServer } from '../support/stripe-server'

const WEBHOOK_SECRET = 'whsec_offline_test_secret'
const GROUP_KEY = 'billing_group'
type Kind = 'sqlite' | 'postgres'

const { cleanups, emptyStore } = storeKit()

interface Rig {
  stripeServer: StripeTestServer
  stripe: Stripe
  store: BillingStore
  billing: BillingServiceInstance<SourcedAccountBillingService>
  /** acct_a, linked to the Stripe Customer `customerA`. */
  a: SourcedAccountBillingService
  /** acct_b, linked to `customerB`. */
  b: SourcedAccountBillingService
  customerA: string
  customerB: string
  webhook: (request: Request) => Promise<Response>
}

async function rig(kind: Kind, webhookOptions: { maxBodyBytes?: number } = {}): Promise<Rig> {
  const store = await emptyStore(kind)
  const stripeServer = await startStripeServer()
  cleanups.push(stripeServer.close)
  const stripe = stripeServer.client()
  const billing = createBillingService({
    store,
    payments: createStripePayments({ stripe, store }),
    subscriptions: createStripeBillingSource({ stripe, groupMetadataKey: GROUP_KEY }),
    documents: { secret: TEST_DOCUMENT_SECRET, baseUrl: 'http://127.0.0.1/documents', brandName: 'Acme CRM' },
  })
  await billing.createAccount({ id: 'acct_a', currency: 'USD', locale: 'en' })
  await billing.createAccount({ id: 'acct_b', currency: 'USD', locale: 'es' })
  // The host's Customers already exist in Stripe; it links each to its sub-account once.
  const customerA = (await stripe.customers.create({ name: 'Agency A' })).id
  const customerB = (await stripe.customers.create({ name: 'Agency B' })).id
  await linkStripeCustomer({ stripe, store, accountId: 'acct_a', customerId: customerA })
  await linkStripeCustomer({ stripe, store, accountId: 'acct_b', customerId: customerB })
  const webhook = createStripeWebhookHandler({ stripe, webhookSecret: WEBHOOK_SECRET, billing, ...webhookOptions })
  return {
    stripeServer,
    stripe,
    store,
    billing,
    a: billing.forAccount('acct_a'),
    b: billing.forAccount('acct_b'),
    customerA,
    customerB,
    webhook,
  }
}

function signed(r: Rig, payload: string): Request {
  const signature = r.stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })
  return new Request('http://127.0.0.1/webhooks/stripe', {
    method: 'POST',
    body: payload,
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
  })
}

const deliver = (r: Rig, event: EventFixture) => r.webhook(signed(r, JSON.stringify(event)))

async function caught(action: Promise<unknown>): Promise<BillingError> {
  try {
    await action
  } catch (error) {
    if (isBillingError(error)) return error
    throw error
  }
  throw new Error('expected a BillingError, but the call succeeded')
}

const subscriptionPosts = (r: Rig) => r.stripeServer.requests.filter((q) => q.startsWith('POST /v1/subscriptions/'))

describe.each<Kind>(['sqlite', 'postgres'])('Stripe Billing source (%s store)', (kind) => {
  it('lists the Customer’s subscriptions, grouped by the host’s metadata key, in our shapes', async () => {
    const r = await rig(kind)
    const { clientSecret } = await r.a.createSetupIntent()
    const setupIntentId = clientSecret.split('_secret_')[0]
    const pm = r.stripeServer.confirmSetupIntent(setupIntentId, TEST_CARDS.visa)
    const card = await r.a.attachPaymentMethod({ setupIntentId, paymentMethodId: null, makeDefault: true })
    const crm = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'CRM Pro', description: 'The whole CRM' },
      price: { unitAmount: 9700, currency: 'usd', interval: 'month' },
      metadata: { [GROUP_KEY]: 'platform' },
      defaultPaymentMethod: pm.id,
    })
    const seo = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'SEO package', metadata: { [GROUP_KEY]: 'resale' } },
      price: { unitAmount: 15000, currency: 'usd', interval: 'month', intervalCount: 3 },
      quantity: 2,
      status: 'past_due',
    })
    const app = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'Calendar sync' },
      price: { unitAmount: 1200, currency: 'usd', interval: 'year' },
      metadata: { [GROUP_KEY]: 'marketplace' },
      status: 'unpaid',
      defaultPaymentMethod: 'pm_not_saved_here',
    })
    const unnamed = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'Legacy add-on' },
      price: { unitAmount: 500, currency: 'usd' },
      metadata: { [GROUP_KEY]: 'something-else' },
    })
    r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'Ended long ago' },
      price: { unitAmount: 100, currency: 'usd' },
      status: 'canceled',
    })

    const subs = await r.a.listSubscriptions()
    const byId = new Map(subs.map((s) => [s.id, s]))
    expect(subs).toHaveLength(4)
    expect(byId.get(crm.id)).toEqual({
      id: crm.id,
      kind: 'platform',
      name: 'CRM Pro',
      description: 'The whole CRM',
      status: 'active',
      rawStatus: null,
      price: { amount: 9700, currency: 'USD' },
      quantity: 1,
      interval: 'month',
      intervalCount: 1,
      startDate: new Date(crm.start_date * 1000).toISOString(),
      currentPeriodEnd: new Date(crm.items.data[0].current_period_end * 1000).toISOString(),
      cancelAtPeriodEnd: false,
      canceledAt: null,
      trialEnd: null,
      // Our id of the card, not Stripe's.
      paymentMethodId: card.id,
      planId: crm.items.data[0].price.id,
      manageUrl: null,
    })
    expect(byId.get(seo.id)).toMatchObject({
      kind: 'resale',
      status: 'past_due',
      price: { amount: 15000, currency: 'USD' },
      quantity: 2,
      interval: 'month',
      intervalCount: 3,
      paymentMethodId: null,
    })
    expect(byId.get(app.id)).toMatchObject({
      kind: 'marketplace',
      status: 'past_due',
      rawStatus: 'unpaid',
      interval: 'year',
      paymentMethodId: null,
    })
    expect(byId.get(unnamed.id)).toMatchObject({ kind: 'platform', name: 'Legacy add-on' })
  })

  it('offers no plan changes: those capabilities are absent, and the panel hides them', async () => {
    const r = await rig(kind)
    expect(r.a.listPlans).toBeUndefined()
    expect(r.a.previewPlanChange).toBeUndefined()
    expect(r.a.changePlan).toBeUndefined()
    const handler = createBillingHandler({
      resolve: () => ({ service: r.a, permissions: { read: true, write: true, moveMoney: true } }),
    })
    const response = await handler(new Request('http://127.0.0.1/v1/capabilities'))
    const { methods } = (await response.json()) as { methods: string[] }
    expect(methods).toEqual(expect.arrayContaining(['cancelSubscription', 'resumeSubscription', 'getInvoiceLinks']))
    expect(methods).not.toContain('changePlan')
    expect(methods).not.toContain('listPlans')
    expect(methods).not.toContain('previewPlanChange')
  })

  it('cancels at period end and resumes through Stripe, and refuses what Stripe would not change', async () => {
    const r = await rig(kind)
    const sub = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'CRM Pro' },
      price: { unitAmount: 9700, currency: 'usd' },
    })
    const bad = await caught(r.a.cancelSubscription({ subscriptionId: sub.id, reason: 'bored' as 'other' }))
    expect(bad).toMatchObject({ code: 'validation', fieldErrors: { reason: 'invalid' } })
    expect(subscriptionPosts(r)).toHaveLength(0)

    const canceled = await r.a.cancelSubscription({
      subscriptionId: sub.id,
      reason: 'too_expensive',
      comment: 'Budget cuts',
    })
    expect(canceled).toMatchObject({ id: sub.id, cancelAtPeriodEnd: true, status: 'active' })
    expect(canceled.canceledAt).not.toBeNull()
    const atStripe = r.stripeServer.subscriptions.get(sub.id)
    expect(atStripe).toMatchObject({
      cancel_at_period_end: true,
      cancellation_details: { feedback: 'too_expensive', comment: 'Budget cuts' },
    })
    expect((await r.a.listSubscriptions())[0]).toMatchObject({ id: sub.id, cancelAtPeriodEnd: true })
    expect(await caught(r.a.cancelSubscription({ subscriptionId: sub.id }))).toMatchObject({ code: 'conflict' })
    expect(subscriptionPosts(r)).toHaveLength(1)

    const resumed = await r.a.resumeSubscription(sub.id)
    expect(resumed).toMatchObject({ id: sub.id, cancelAtPeriodEnd: false, canceledAt: null })
    expect(r.stripeServer.subscriptions.get(sub.id)).toMatchObject({
      cancel_at_period_end: false,
      cancellation_details: { feedback: null, comment: null },
    })
    expect(await caught(r.a.resumeSubscription(sub.id))).toMatchObject({ code: 'conflict' })
    expect(subscriptionPosts(r)).toHaveLength(2)
  })

  it('a retried cancel with the same Idempotency-Key answers what the first one did', async () => {
    const r = await rig(kind)
    const sub = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'CRM Pro' },
      price: { unitAmount: 9700, currency: 'usd' },
    })
    const context = { idempotencyKey: 'cancel-1', request: new Request('http://127.0.0.1/') }
    const first = await r.a.cancelSubscription({ subscriptionId: sub.id, reason: 'unused' }, context)
    const retry = await r.a.cancelSubscription({ subscriptionId: sub.id, reason: 'unused' }, context)
    expect(retry).toEqual(first)
    // The same key for other parameters is refused, and changes nothing.
    const reused = await caught(r.a.cancelSubscription({ subscriptionId: sub.id, reason: 'other' }, context))
    expect(reused).toMatchObject({ code: 'conflict' })
    expect(r.stripeServer.subscriptions.get(sub.id)?.cancellation_details.feedback).toBe('unused')
  })

  it('a paid Stripe invoice appears once in the history, and its links are Stripe’s hosted page and PDF', async () => {
    const r = await rig(kind)
    const sub = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'CRM Pro' },
      price: { unitAmount: 9700, currency: 'usd' },
    })
    const invoice = r.stripeServer.payInvoice(sub.id)
    const event = r.stripeServer.event('invoice.paid', invoice)
    for (const delivery of [event, event, { ...r.stripeServer.event('invoice.paid', invoice) }]) {
      expect((await deliver(r, delivery)).status).toBe(200)
    }
    const { entries } = await r.a.listLedger({ limit: 50 })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      type: 'subscription_charge',
      status: 'succeeded',
      description: '1 × CRM Pro',
      amount: { amount: -9700, currency: 'USD' },
      balanceAfter: null,
      invoice: { id: invoice.id, number: invoice.number },
    })
    expect((await r.a.getWallet()).balance.amount).toBe(0)
    expect(await r.a.getInvoiceLinks(invoice.id)).toEqual({
      viewUrl: invoice.hosted_invoice_url,
      downloadUrl: invoice.invoice_pdf,
      expiresAt: null,
    })
    expect((await r.b.listLedger({ limit: 50 })).entries).toHaveLength(0)
  })

  it('subscription events need no work (nothing is cached); invoices of unknown Customers or other currencies are skipped', async () => {
    const r = await rig(kind)
    const sub = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'CRM Pro' },
      price: { unitAmount: 9700, currency: 'usd' },
    })
    expect((await r.a.listSubscriptions())[0].status).toBe('active')
    // Changed in the Stripe Dashboard: the next read shows it, the event is only acknowledged.
    const atStripe = r.stripeServer.subscriptions.get(sub.id)!
    atStripe.status = 'past_due'
    for (const type of ['customer.subscription.updated', 'customer.subscription.deleted'] as const) {
      expect((await deliver(r, r.stripeServer.event(type, atStripe))).status).toBe(200)
    }
    expect((await r.a.listSubscriptions())[0].status).toBe('past_due')

    const stranger = (await r.stripe.customers.create({ name: 'Not ours' })).id
    const theirs = r.stripeServer.addSubscription({
      customer: stranger,
      product: { name: 'Elsewhere' },
      price: { unitAmount: 100, currency: 'usd' },
    })
    const euros = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'EU add-on' },
      price: { unitAmount: 900, currency: 'eur' },
    })
    for (const invoice of [r.stripeServer.payInvoice(theirs.id), r.stripeServer.payInvoice(euros.id)]) {
      expect((await deliver(r, r.stripeServer.event('invoice.paid', invoice))).status).toBe(200)
    }
    expect((await r.a.listLedger({ limit: 50 })).entries).toEqual([])
  })

  it('our own receipts keep their signed links beside Stripe’s invoices', async () => {
    const r = await rig(kind)
    const { clientSecret } = await r.a.createSetupIntent()
    const setupIntentId = clientSecret.split('_secret_')[0]
    r.stripeServer.confirmSetupIntent(setupIntentId, TEST_CARDS.visa)
    const card = await r.a.attachPaymentMethod({ setupIntentId, paymentMethodId: null, makeDefault: true })
    const { entry } = await r.a.addFunds({
      amount: { amount: 2500, currency: 'USD' },
      paymentMethodId: card.id,
      idempotencyKey: 'top-up-1',
    })
    const receipt = entry.invoice?.id as string
    const links = await r.a.getInvoiceLinks(receipt)
    expect(links.viewUrl).toMatch(/^http:\/\/127\.0\.0\.1\/documents\//)
    expect(r.stripeServer.requests.filter((q) => q.startsWith('GET /v1/invoices'))).toHaveLength(0)
  })

  it('Stripe’s failures become our typed errors, never Stripe’s own words', async () => {
    const r = await rig(kind)
    r.stripeServer.failNext(1, 500, { type: 'api_error', message: 'Shard db-7 is down (internal ref 0xdead)' })
    const down = await caught(r.a.listSubscriptions())
    expect(down).toMatchObject({ code: 'unavailable', retryable: true })
    expect(down.message).not.toMatch(/shard|0xdead/i)

    r.stripeServer.failNext(1, 429, { type: 'invalid_request_error', code: 'rate_limit', message: 'Slow down, acct_x' })
    const busy = await caught(r.a.listSubscriptions())
    expect(busy.code).toBe('rate_limited')
    expect(busy.message).not.toMatch(/acct_x/)

    const missing = await caught(r.a.cancelSubscription({ subscriptionId: 'sub_does_not_exist' }))
    expect(missing).toMatchObject({ code: 'not_found', message: 'No subscription sub_does_not_exist.' })
    expect(await r.a.listSubscriptions()).toEqual([])
  })

  it('one account never reaches another’s subscriptions, invoices or Customer', async () => {
    const r = await rig(kind)
    const mine = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'CRM Pro' },
      price: { unitAmount: 9700, currency: 'usd' },
    })
    const theirs = r.stripeServer.addSubscription({
      customer: r.customerB,
      product: { name: 'CRM Starter' },
      price: { unitAmount: 2900, currency: 'usd' },
    })
    const theirInvoice = r.stripeServer.payInvoice(theirs.id)
    await deliver(r, r.stripeServer.event('invoice.paid', theirInvoice))

    expect((await r.a.listSubscriptions()).map((s) => s.id)).toEqual([mine.id])
    expect((await r.b.listSubscriptions()).map((s) => s.id)).toEqual([theirs.id])
    // Another Customer's ids answer exactly like ids that do not exist, and change nothing.
    expect(await caught(r.a.cancelSubscription({ subscriptionId: theirs.id }))).toMatchObject({
      code: 'not_found',
      message: `No subscription ${theirs.id}.`,
    })
    r.stripeServer.subscriptions.get(theirs.id)!.cancel_at_period_end = true
    expect(await caught(r.a.resumeSubscription(theirs.id))).toMatchObject({ code: 'not_found' })
    expect(r.stripeServer.subscriptions.get(theirs.id)?.cancel_at_period_end).toBe(true)
    expect(subscriptionPosts(r)).toHaveLength(0)
    expect(await caught(r.a.getInvoiceLinks(theirInvoice.id))).toMatchObject({ code: 'not_found' })
    expect((await r.b.getInvoiceLinks(theirInvoice.id)).viewUrl).toBe(theirInvoice.hosted_invoice_url)
    expect((await r.a.listLedger({ limit: 50 })).entries).toHaveLength(0)

    // A Customer belongs to one account: relinking either way is refused and changes nothing.
    const relink = await caught(
      linkStripeCustomer({ stripe: r.stripe, store: r.store, accountId: 'acct_a', customerId: r.customerB }),
    )
    expect(relink.code).toBe('conflict')
    expect(await r.store.read.processorCustomer('acct_a')).toBe(r.customerA)

    // An account with no Customer has no Stripe subscriptions, and nothing is asked of Stripe.
    await r.billing.createAccount({ id: 'acct_new', currency: 'USD', locale: 'en' })
    const before = r.stripeServer.requests.length
    expect(await r.billing.forAccount('acct_new').listSubscriptions()).toEqual([])
    expect(r.stripeServer.requests.length).toBe(before)
  })
})

describe('Stripe webhook route limits', () => {
  it('answers 413 to a body over the limit before checking its signature, and handles nothing', async () => {
    const r = await rig('sqlite', { maxBodyBytes: 4096 })
    const sub = r.stripeServer.addSubscription({
      customer: r.customerA,
      product: { name: 'CRM Pro' },
      price: { unitAmount: 9700, currency: 'usd' },
    })
    const invoice = r.stripeServer.payInvoice(sub.id)
    const padded = { ...r.stripeServer.event('invoice.paid', invoice), padding: 'x'.repeat(5000) }
    const tooLarge = await r.webhook(signed(r, JSON.stringify(padded)))
    expect(tooLarge.status).toBe(413)
    // Not even a genuine signature gets a body that size read.
    const unsigned = await r.webhook(
      new Request('http://127.0.0.1/webhooks/stripe', {
        method: 'POST',
        body: 'x'.repeat(5000),
        headers: { 'Stripe-Signature': 't=1,v1=00' },
      }),
    )
    expect(unsigned.status).toBe(413)
    expect(r.stripeServer.requests.filter((q) => q.startsWith('GET /v1/invoices'))).toHaveLength(0)
    expect(await r.store.read.processorEventSeen(padded.id)).toBe(false)
    expect((await r.a.listLedger({ limit: 50 })).entries).toHaveLength(0)

    const fits = r.stripeServer.event('invoice.paid', invoice)
    expect((await deliver(r, fits)).status).toBe(200)
    expect((await r.a.listLedger({ limit: 50 })).entries).toHaveLength(1)
  })
})

describe('the example server with STRIPE_BILLING=1', () => {
  it('serves the linked Customer’s Stripe subscriptions and offers no plan changes', async () => {
    const stripeServer = await startStripeServer()
    cleanups.push(stripeServer.close)
    const customer = (await stripeServer.client().customers.create({ name: 'Demo EN' })).id
    const sub = stripeServer.addSubscription({
      customer,
      product: { name: 'CRM Agency' },
      price: { unitAmount: 29700, currency: 'usd' },
      metadata: { billing_group: 'platform' },
    })
    const server = await startExampleServer({
      BILLING_DB: ':memory:',
      STRIPE_SECRET_KEY: 'sk_test_offline',
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(stripeServer.port),
      STRIPE_API_PROTOCOL: 'http',
      STRIPE_BILLING: '1',
      STRIPE_BILLING_CUSTOMERS: `acct_demo_en=${customer}`,
    })
    cleanups.push(() => server.kill())
    const get = async (route: string, token: string) =>
      (await fetch(`${server.url}/v1${route}`, { headers: { Authorization: `Bearer ${token}` } })).json()
    expect(await get('/subscriptions', 'demo-en')).toMatchObject([
      { id: sub.id, kind: 'platform', name: 'CRM Agency', price: { amount: 29700, currency: 'USD' } },
    ])
    // A demo account with no Customer linked has no Stripe subscriptions.
    expect(await get('/subscriptions', 'demo-es')).toEqual([])
    const { methods } = (await get('/capabilities', 'demo-en')) as { methods: string[] }
    expect(methods).toContain('cancelSubscription')
    expect(methods).not.toContain('changePlan')
    expect(server.output()).toContain('subscriptions and invoices from Stripe Billing')
  })
})
