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
  const cardNumbers = new Map<string, string>()
  const requests: string[] = []
  const replays = new Map<string, { fingerprint: string; status: number; body: string }>()
  let rateLimited = 0

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
    if (behaviour.kind === 'succeed') newCharge(pi)
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
    requests,
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
