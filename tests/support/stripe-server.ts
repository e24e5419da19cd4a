/**
 * A Stripe-shaped HTTP server on 127.0.0.1 for offline tests, spoken to by the real `stripe`
 * client: form-encoded requests with bracket keys, Bearer secret keys, Stripe's error JSON
 * (card errors as 402 with `code` / `decline_code` / `payment_intent`), and Idempotency-Key
 * semantics (the same key and parameters replay the first response; other parameters are a 400
 * `idempotency_error`). Its objects are typed with the `stripe` package's own types (the fields
 * this project reads), so a field renamed upstream breaks the build here.
 *
 * Cards behave like Stripe's test numbers: 4242… succeeds, 4000 0000 0000 0002 is a generic
 * decline, …9995 insufficient funds, …0069 expired, 4000 0027 6000 3184 always asks for
 * 3-D Secure (and so fails off-session with authentication_required).
 *
 * Stripe Billing as far as the panel reads it: Subscriptions (listed per Customer, retrieved,
 * `cancel_at_period_end` set and cleared), their Products, and paid Invoices with Stripe's
 * hosted page and PDF links. A test puts them there as the host's Stripe set-up would.
 */
import { randomBytes } from 'node:crypto'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

type Card = Pick<Stripe.PaymentMethod.Card, 'brand' | 'last4' | 'exp_month' | 'exp_year' | 'funding' | 'country'> & {
  wallet: Pick<Stripe.PaymentMethod.Card.Wallet, 'type'> | null
}
export type PaymentMethodFixture = Pick<
  Stripe.PaymentMethod,
  'id' | 'object' | 'type' | 'customer' | 'created' | 'livemode' | 'metadata'
> & { card: Card; billing_details: Pick<Stripe.PaymentMethod.BillingDetails, 'name' | 'email'> }
export type CustomerFixture = Pick<
  Stripe.Customer,
  'id' | 'object' | 'created' | 'livemode' | 'metadata' | 'name' | 'email' | 'address'
> & { invoice_settings: Pick<Stripe.Customer.InvoiceSettings, 'default_payment_method'> }
export type SetupIntentFixture = Pick<
  Stripe.SetupIntent,
  'id' | 'object' | 'client_secret' | 'customer' | 'payment_method' | 'status' | 'usage' | 'metadata' | 'created'
>
type PaymentError = Pick<Stripe.PaymentIntent.LastPaymentError, 'type' | 'code' | 'decline_code' | 'message'>
export type PaymentIntentFixture = Pick<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'amount'
  | 'currency'
  | 'customer'
  | 'payment_method'
  | 'status'
  | 'client_secret'
  | 'description'
  | 'metadata'
  | 'created'
  | 'livemode'
  | 'latest_charge'
> & { last_payment_error: PaymentError | null; off_session: boolean }
export type ChargeFixture = Pick<
  Stripe.Charge,
  'id' | 'object' | 'amount' | 'amount_refunded' | 'refunded' | 'currency' | 'payment_intent' | 'customer' | 'status'
>
export type DisputeFixture = Pick<
  Stripe.Dispute,
  'id' | 'object' | 'amount' | 'currency' | 'charge' | 'payment_intent' | 'reason' | 'status' | 'created' | 'livemode'
>
export type TaxIdFixture = Pick<Stripe.TaxId, 'id' | 'object' | 'type' | 'value'>
export type ProductFixture = Pick<Stripe.Product, 'id' | 'object' | 'name' | 'description' | 'metadata' | 'active'>
export type PriceFixture = Pick<
  Stripe.Price,
  'id' | 'object' | 'currency' | 'unit_amount' | 'nickname' | 'metadata' | 'product' | 'type' | 'active'
> & { recurring: Pick<Stripe.Price.Recurring, 'interval' | 'interval_count'> | null }
export type SubscriptionItemFixture = Pick<
  Stripe.SubscriptionItem,
  'id' | 'object' | 'quantity' | 'current_period_start' | 'current_period_end'
> & { price: PriceFixture }
export type SubscriptionFixture = Pick<
  Stripe.Subscription,
  | 'id'
  | 'object'
  | 'customer'
  | 'status'
  | 'cancel_at'
  | 'cancel_at_period_end'
  | 'canceled_at'
  | 'start_date'
  | 'trial_end'
  | 'default_payment_method'
  | 'description'
  | 'metadata'
  | 'created'
  | 'livemode'
> & {
  items: { object: 'list'; data: SubscriptionItemFixture[]; has_more: boolean; url: string }
  cancellation_details: Pick<Stripe.Subscription.CancellationDetails, 'feedback' | 'comment'>
}
type InvoiceLineFixture = Pick<Stripe.InvoiceLineItem, 'id' | 'object' | 'amount' | 'currency' | 'description'>
export type InvoiceFixture = Pick<
  Stripe.Invoice,
  | 'id'
  | 'object'
  | 'customer'
  | 'number'
  | 'status'
  | 'amount_paid'
  | 'amount_due'
  | 'currency'
  | 'hosted_invoice_url'
  | 'invoice_pdf'
  | 'description'
  | 'created'
  | 'livemode'
> & { lines: { object: 'list'; data: InvoiceLineFixture[]; has_more: boolean; url: string } }
/** What a test names when it puts a subscription on a Customer. */
export interface SubscriptionSpec {
  customer: string
  product: { name: string; description?: string | null; metadata?: Record<string, string> }
  price: { unitAmount: number; currency: string; interval?: Stripe.Price.Recurring.Interval; intervalCount?: number }
  quantity?: number
  status?: Stripe.Subscription.Status
  metadata?: Record<string, string>
  defaultPaymentMethod?: string | null
}
export type EventFixture = Pick<Stripe.Event, 'id' | 'object' | 'api_version' | 'created' | 'livemode' | 'type'> & {
  pending_webhooks: number
  data: { object: unknown }
}

type Behaviour =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; decline_code: string; message: string }
  | { kind: 'authenticate' }

export const TEST_CARDS = {
  visa: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expired: '4000000000000069',
  threeDSecure: '4000002760003184',
} as const

const BEHAVIOUR: Record<string, Behaviour> = {
  [TEST_CARDS.visa]: { kind: 'succeed' },
  [TEST_CARDS.declined]: {
    kind: 'decline',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
  },
  [TEST_CARDS.insufficientFunds]: {
    kind: 'decline',
    code: 'card_declined',
    decline_code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  [TEST_CARDS.expired]: {
    kind: 'decline',
    code: 'expired_card',
    decline_code: 'expired_card',
    message: 'Your card has expired.',
  },
  [TEST_CARDS.threeDSecure]: { kind: 'authenticate' },
}

const hex = (n: number) => randomBytes(n).toString('hex')
const now = () => Math.floor(Date.now() / 1000)

/** `a[b][c]=v` form bodies into nested objects (arrays stay objects keyed "0", "1", …). */
export function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[')
    let node = out
    for (const part of path.slice(0, -1)) {
      node[part] ??= {}
      node = node[part] as Record<string, unknown>
    }
    node[path[path.length - 1]] = value
  }
  return out
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message))
  }
}
const missing = (what: string, id: string) =>
  new HttpError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${what}: '${id}'`,
    param: 'id',
  })

export interface StripeTestServer {
  url: string
  port: number
  /** A `stripe` client pointed at this server. */
  client(): Stripe
  readonly customers: Map<string, CustomerFixture>
  readonly setupIntents: Map<string, SetupIntentFixture>
  readonly paymentMethods: Map<string, PaymentMethodFixture>
  readonly paymentIntents: Map<string, PaymentIntentFixture>
  readonly charges: Map<string, ChargeFixture>
  readonly taxIds: Map<string, TaxIdFixture & { customer: string }>
  readonly products: Map<string, ProductFixture>
  readonly subscriptions: Map<string, SubscriptionFixture>
  readonly invoices: Map<string, InvoiceFixture>
  /** What the host set up in Stripe Billing: a Subscription (with its Product and Price) on a Customer. */
  addSubscription(spec: SubscriptionSpec): SubscriptionFixture
  /** Stripe bills the subscription's period: a paid invoice with its hosted page and PDF. */
  payInvoice(subscriptionId: string): InvoiceFixture
  /** The next `count` requests, whatever they are, answer this error (e.g. a 500 `api_error`). */
  failNext(count: number, status: number, error: { type: string; message: string; code?: string }): void
  /** Every request received, as "METHOD /path". */
  readonly requests: string[]
  /** What the browser does with Stripe.js: confirms the SetupIntent with a test card number. */
  confirmSetupIntent(setupIntentId: string, number: string, card?: Partial<Card>): PaymentMethodFixture
  /** The customer answers (or fails) the 3-D Secure challenge of a PaymentIntent. */
  authenticate(intentId: string, succeed: boolean): PaymentIntentFixture
  /** A refund of `amount` on the PaymentIntent's charge; returns the charge as the event carries it. */
  refund(intentId: string, amount: number): ChargeFixture
  dispute(intentId: string, reason?: Stripe.Dispute['reason']): DisputeFixture
  /** The next `count` PaymentIntent creations answer 429 (Stripe's rate limit). */
  rateLimitNext(count: number): void
  /** The next `count` confirmed PaymentIntents stay `processing` (the bank has not answered yet). */
  processNext(count: number): void
  /** The bank answers a `processing` PaymentIntent: it succeeds, or fails with a decline. */
  finishProcessing(intentId: string, succeed: boolean): PaymentIntentFixture
  event(type: Stripe.Event['type'], object: unknown): EventFixture
  close(): Promise<void>
}

export async function startStripeServer(secretKey = 'sk_test_offline'): Promise<StripeTestServer> {
  const customers = new Map<string, CustomerFixture>()
  const setupIntents = new Map<string, SetupIntentFixture>()
  const paymentMethods = new Map<string, PaymentMethodFixture>()
  const paymentIntents = new Map<string, PaymentIntentFixture>()
  const charges = new Map<string, ChargeFixture>()
  const taxIds = new Map<string, TaxIdFixture & { customer: string }>()
  const products = new Map<string, ProductFixture>()
  const subscriptions = new Map<string, SubscriptionFixture>()
  const invoices = new Map<string, InvoiceFixture>()
  let failing: { count: number; status: number; error: Record<string, unknown> } | null = null
  let invoiceCount = 0
  const cardNumbers = new Map<string, string>()
  const requests: string[] = []
  const replays = new Map<string, { fingerprint: string; status: number; body: string }>()
  let rateLimited = 0
  let processing = 0

  const customer = (id: string) => {
    const c = customers.get(id)
    if (!c) throw missing('customer', id)
    return c
  }

  function newCharge(pi: PaymentIntentFixture): void {
    const charge: ChargeFixture = {
      id: `ch_${hex(12)}`,
      object: 'charge',
      amount: pi.amount,
      amount_refunded: 0,
      refunded: false,
      currency: pi.currency,
      payment_intent: pi.id,
      customer: pi.customer,
      status: 'succeeded',
    }
    charges.set(charge.id, charge)
    pi.latest_charge = charge.id
    pi.status = 'succeeded'
    pi.last_payment_error = null
  }

  function createPaymentIntent(p: Record<string, unknown>): PaymentIntentFixture {
    if (rateLimited > 0) {
      rateLimited -= 1
      throw new HttpError(429, {
        type: 'invalid_request_error',
        code: 'rate_limit',
        message: 'Too many requests hit the API too quickly.',
      })
    }
    const cust = customer(String(p.customer))
    const pmId = String(p.payment_method)
    const pm = paymentMethods.get(pmId)
    if (!pm) throw missing('payment_method', pmId)
    if (pm.customer !== cust.id) {
      throw new HttpError(400, {
        type: 'invalid_request_error',
        code: 'payment_method_not_attached',
        message: 'The PaymentMethod is not attached to this Customer.',
      })
    }
    const id = `pi_${hex(12)}`
    const pi: PaymentIntentFixture = {
      id,
      object: 'payment_intent',
      amount: Number(p.amount),
      currency: String(p.currency),
      customer: cust.id,
      payment_method: pmId,
      status: 'requires_confirmation',
      client_secret: `${id}_secret_${hex(8)}`,
      description: (p.description as string) ?? null,
      metadata: (p.metadata as Record<string, string>) ?? {},
      created: now(),
      livemode: false,
      latest_charge: null,
      last_payment_error: null,
      off_session: p.off_session === 'true',
    }
    paymentIntents.set(id, pi)
    if (p.confirm !== 'true') return pi
    const behaviour = BEHAVIOUR[cardNumbers.get(pmId) ?? ''] ?? { kind: 'succeed' }
    let decline: PaymentError | null = null
    if (processing > 0) {
      processing -= 1
      pi.status = 'processing'
    } else if (behaviour.kind === 'succeed') newCharge(pi)
    else if (behaviour.kind === 'decline') {
      decline = {
        type: 'card_error',
        code: behaviour.code,
        decline_code: behaviour.decline_code,
        message: behaviour.message,
      }
    } else if (pi.off_session) {
      decline = {
        type: 'card_error',
        code: 'authentication_required',
        decline_code: 'authentication_required',
        message: 'This payment requires authentication.',
      }
    } else pi.status = 'requires_action'
    if (decline) {
      pi.status = 'requires_payment_method'
      pi.last_payment_error = decline
      throw new HttpError(402, { ...decline, payment_intent: pi })
    }
    return pi
  }

  function route(method: string, path: string, p: Record<string, unknown>): unknown {
    const parts = path.split('/').filter(Boolean).slice(1)
    const [resource, id, sub, subId] = parts
    if (resource === 'customers') {
      if (method === 'POST' && !id) {
        const c: CustomerFixture = {
          id: `cus_${hex(7)}`,
          object: 'customer',
          created: now(),
          livemode: false,
          metadata: (p.metadata as Record<string, string>) ?? {},
          name: null,
          email: null,
          address: null,
          invoice_settings: { default_payment_method: null },
        }
        customers.set(c.id, c)
        return c
      }
      const c = customer(id)
      if (sub === 'tax_ids') {
        if (method === 'GET') return { object: 'list', data: [...taxIds.values()].filter((t) => t.customer === id) }
        if (method === 'POST') {
          const t = {
            id: `txi_${hex(6)}`,
            object: 'tax_id' as const,
            type: p.type as Stripe.TaxId.Type,
            value: String(p.value),
          }
          taxIds.set(t.id, { ...t, customer: id })
          return t
        }
        if (method === 'DELETE') {
          taxIds.delete(subId)
          return { id: subId, object: 'tax_id', deleted: true }
        }
      }
      if (method === 'POST') {
        if (typeof p.name === 'string') c.name = p.name
        if (typeof p.email === 'string') c.email = p.email
        if (p.address) c.address = p.address as Stripe.Address
        const settings = p.invoice_settings as { default_payment_method?: string } | undefined
        if (settings?.default_payment_method) {
          c.invoice_settings.default_payment_method = settings.default_payment_method
        }
      }
      return c
    }
    if (resource === 'setup_intents') {
      if (method === 'POST' && !id) {
        customer(String(p.customer))
        const sid = `seti_${hex(12)}`
        const si: SetupIntentFixture = {
          id: sid,
          object: 'setup_intent',
          client_secret: `${sid}_secret_${hex(8)}`,
          customer: String(p.customer),
          payment_method: null,
          status: 'requires_payment_method',
          usage: String(p.usage),
          metadata: (p.metadata as Record<string, string>) ?? {},
          created: now(),
        }
        setupIntents.set(sid, si)
        return si
      }
      const si = setupIntents.get(id)
      if (!si) throw missing('setup_intent', id)
      return si
    }
    if (resource === 'payment_methods') {
      const pm = paymentMethods.get(id)
      if (!pm) throw missing('payment_method', id)
      if (method === 'POST' && sub === 'detach') pm.customer = null
      return pm
    }
    if (resource === 'subscriptions') {
      if (method === 'GET' && !id) {
        const data = [...subscriptions.values()].filter(
          (s) =>
            (!p.customer || s.customer === p.customer) &&
            // Stripe's default list leaves out ended subscriptions.
            (p.status === 'all' || (s.status !== 'canceled' && s.status !== 'incomplete_expired')),
        )
        return { object: 'list', data, has_more: false, url: '/v1/subscriptions' }
      }
      const s = subscriptions.get(id)
      if (!s) throw missing('subscription', id)
      if (method === 'POST') {
        if (s.status === 'canceled') {
          throw new HttpError(400, {
            type: 'invalid_request_error',
            message: 'A canceled subscription can only update its cancellation_details and metadata.',
          })
        }
        if (p.cancel_at_period_end === 'true') {
          s.cancel_at_period_end = true
          s.cancel_at = s.items.data[0]?.current_period_end ?? null
          s.canceled_at = now()
        } else if (p.cancel_at_period_end === 'false') {
          s.cancel_at_period_end = false
          s.cancel_at = null
          s.canceled_at = null
        }
        const details = p.cancellation_details as { feedback?: string; comment?: string } | undefined
        if (details) {
          if (details.feedback !== undefined)
            s.cancellation_details.feedback = (details.feedback ||
              null) as Stripe.Subscription.CancellationDetails['feedback']
          if (details.comment !== undefined) s.cancellation_details.comment = details.comment || null
        }
      }
      return s
    }
    if (resource === 'products' && method === 'GET' && !id) {
      const ids = Object.values((p.ids as Record<string, string>) ?? {})
      const data = [...products.values()].filter((prod) => ids.length === 0 || ids.includes(prod.id))
      return { object: 'list', data, has_more: false, url: '/v1/products' }
    }
    if (resource === 'invoices') {
      const inv = invoices.get(id)
      if (!inv || method !== 'GET') throw missing('invoice', id)
      return inv
    }
    if (resource === 'payment_intents') {
      if (method === 'POST' && !id) return createPaymentIntent(p)
      const pi = paymentIntents.get(id)
      if (!pi) throw missing('payment_intent', id)
      return pi
    }
    throw new HttpError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}).`,
    })
  }

  async function respond(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    requests.push(`${method} ${url.pathname}`)
    const send = (status: number, body: string, replayed = false) => {
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Request-Id': `req_${hex(7)}`,
        ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
      })
      res.end(body)
    }
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      send(401, JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } }))
      return
    }
    if (failing && failing.count > 0) {
      failing.count -= 1
      send(failing.status, JSON.stringify({ error: failing.error }))
      return
    }
    const key = req.headers['idempotency-key']
    const fingerprint = `${method} ${url.pathname} ${raw}`
    if (typeof key === 'string' && method === 'POST') {
      const seen = replays.get(key)
      if (seen && seen.fingerprint !== fingerprint) {
        send(
          400,
          JSON.stringify({
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
            },
          }),
        )
        return
      }
      if (seen) {
        send(seen.status, seen.body, true)
        return
      }
    }
    let status = 200
    let body: string
    try {
      body = JSON.stringify(route(method, url.pathname, parseForm(method === 'GET' ? url.search.slice(1) : raw)))
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      status = error.status
      body = JSON.stringify({ error: error.body })
    }
    // Stripe keeps the answer for the key, errors included, except those worth retrying.
    if (typeof key === 'string' && method === 'POST' && status !== 429 && status < 500) {
      replays.set(key, { fingerprint, status, body })
    }
    send(status, body)
  }

  const server = createServer((req, res) => {
    respond(req, res).catch(() => {
      res.writeHead(500)
      res.end(JSON.stringify({ error: { type: 'api_error', message: 'Test server failure.' } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  const intent = (id: string) => {
    const pi = paymentIntents.get(id)
    if (!pi) throw new Error(`no PaymentIntent ${id}`)
    return pi
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    client: () => new Stripe(secretKey, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 }),
    customers,
    setupIntents,
    paymentMethods,
    paymentIntents,
    charges,
    taxIds,
    products,
    subscriptions,
    invoices,
    requests,
    addSubscription(spec) {
      const product: ProductFixture = {
        id: `prod_${hex(7)}`,
        object: 'product',
        name: spec.product.name,
        description: spec.product.description ?? null,
        metadata: spec.product.metadata ?? {},
        active: true,
      }
      products.set(product.id, product)
      const interval = spec.price.interval ?? 'month'
      const intervalCount = spec.price.intervalCount ?? 1
      const start = now() - 86_400
      const days = ({ day: 1, week: 7, month: 30, year: 365 } as Record<string, number>)[interval] * intervalCount
      const id = `sub_${hex(12)}`
      const sub: SubscriptionFixture = {
        id,
        object: 'subscription',
        customer: spec.customer,
        status: spec.status ?? 'active',
        cancel_at: null,
        cancel_at_period_end: false,
        canceled_at: null,
        cancellation_details: { feedback: null, comment: null },
        start_date: start,
        trial_end: null,
        default_payment_method: spec.defaultPaymentMethod ?? null,
        description: null,
        metadata: spec.metadata ?? {},
        created: start,
        livemode: false,
        items: {
          object: 'list',
          has_more: false,
          url: `/v1/subscription_items?subscription=${id}`,
          data: [
            {
              id: `si_${hex(7)}`,
              object: 'subscription_item',
              quantity: spec.quantity ?? 1,
              current_period_start: start,
              current_period_end: start + days * 86_400,
              price: {
                id: `price_${hex(7)}`,
                object: 'price',
                active: true,
                currency: spec.price.currency.toLowerCase(),
                unit_amount: spec.price.unitAmount,
                nickname: null,
                metadata: {},
                product: product.id,
                type: 'recurring',
                recurring: { interval, interval_count: intervalCount },
              },
            },
          ],
        },
      }
      subscriptions.set(id, sub)
      return sub
    },
    payInvoice(subscriptionId) {
      const sub = subscriptions.get(subscriptionId)
      if (!sub) throw new Error(`no Subscription ${subscriptionId}`)
      const item = sub.items.data[0]
      const product = products.get(String(item.price.product))
      const amount = (item.price.unit_amount ?? 0) * (item.quantity ?? 1)
      invoiceCount += 1
      const id = `in_${hex(12)}`
      const invoice: InvoiceFixture = {
        id,
        object: 'invoice',
        customer: sub.customer,
        number: `ABCD1234-${String(invoiceCount).padStart(4, '0')}`,
        status: 'paid',
        amount_paid: amount,
        amount_due: amount,
        currency: item.price.currency,
        hosted_invoice_url: `https://invoice.stripe.test/i/${id}`,
        invoice_pdf: `https://pay.stripe.test/invoice/${id}/pdf`,
        description: null,
        created: now(),
        livemode: false,
        lines: {
          object: 'list',
          has_more: false,
          url: `/v1/invoices/${id}/lines`,
          data: [
            {
              id: `il_${hex(7)}`,
              object: 'line_item',
              amount,
              currency: item.price.currency,
              description: `${item.quantity ?? 1} × ${product?.name ?? 'Subscription'}`,
            },
          ],
        },
      }
      invoices.set(id, invoice)
      return invoice
    },
    failNext(count, status, error) {
      failing = { count, status, error }
    },
    confirmSetupIntent(setupIntentId, number, card = {}) {
      const si = setupIntents.get(setupIntentId)
      if (!si) throw new Error(`no SetupIntent ${setupIntentId}`)
      const pm: PaymentMethodFixture = {
        id: `pm_${hex(12)}`,
        object: 'payment_method',
        type: 'card',
        customer: si.customer as string,
        created: now(),
        livemode: false,
        metadata: {},
        billing_details: { name: 'Ana García', email: null },
        card: {
          brand: number.startsWith('5') ? 'mastercard' : 'visa',
          last4: number.slice(-4),
          exp_month: 12,
          exp_year: 2030,
          funding: 'credit',
          country: 'US',
          wallet: null,
          ...card,
        },
      }
      paymentMethods.set(pm.id, pm)
      cardNumbers.set(pm.id, number)
      si.payment_method = pm.id
      si.status = 'succeeded'
      return pm
    },
    authenticate(intentId, succeed) {
      const pi = intent(intentId)
      if (succeed) newCharge(pi)
      else {
        pi.status = 'requires_payment_method'
        pi.last_payment_error = {
          type: 'card_error',
          code: 'payment_intent_authentication_failure',
          decline_code: undefined,
          message: 'The provided PaymentMethod has failed authentication.',
        }
      }
      return pi
    },
    refund(intentId, amount) {
      const charge = charges.get(String(intent(intentId).latest_charge))
      if (!charge) throw new Error(`PaymentIntent ${intentId} has no charge`)
      charge.amount_refunded += amount
      charge.refunded = charge.amount_refunded >= charge.amount
      return { ...charge }
    },
    dispute(intentId, reason = 'fraudulent') {
      const pi = intent(intentId)
      return {
        id: `dp_${hex(10)}`,
        object: 'dispute',
        amount: pi.amount,
        currency: pi.currency,
        charge: String(pi.latest_charge),
        payment_intent: pi.id,
        reason,
        status: 'needs_response',
        created: now(),
        livemode: false,
      }
    },
    rateLimitNext(count) {
      rateLimited = count
    },
    processNext(count) {
      processing = count
    },
    finishProcessing(intentId, succeed) {
      const pi = intent(intentId)
      if (pi.status !== 'processing') throw new Error(`PaymentIntent ${intentId} is ${pi.status}, not processing`)
      if (succeed) newCharge(pi)
      else {
        pi.status = 'requires_payment_method'
        pi.last_payment_error = {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
        }
      }
      return pi
    },
    event(type, object) {
      return {
        id: `evt_${hex(12)}`,
        object: 'event',
        api_version: null,
        created: now(),
        livemode: false,
        pending_webhooks: 1,
        type,
        data: { object },
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
