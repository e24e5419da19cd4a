/**
 * `createStripeWebhookHandler`: Stripe's webhooks as a web-standard route. The signature is
 * checked on the raw bytes before anything is read; each event id is handled once; and every
 * effect is safe to repeat and to receive out of order, because a PaymentIntent or a card is
 * read back from Stripe (its state now, not the event's snapshot) and each write is fenced by
 * the state it changes. A failure answers 500 so Stripe delivers the event again.
 */
import type Stripe from 'stripe'
import { isBillingError } from '../../adapter/errors'
import { readBodyWithin } from '../body'
import type { BillingServiceInstance, SourcedAccountBillingService } from '../service/index'
import { STRIPE_METADATA, cardDetailsOf, declineCodeOf } from './payments'

export interface StripeWebhookOptions {
  stripe: Stripe
  /** The endpoint's signing secret (`whsec_…`, or the one `stripe listen` prints). */
  webhookSecret: string
  billing: Pick<BillingServiceInstance<SourcedAccountBillingService>, 'processorEvents' | 'store'>
  /** How old a signature may be, in seconds. Default Stripe's 300. */
  toleranceSeconds?: number
  /** A larger body is answered 413 before any signature work. Default 1 MiB (Stripe's events are far smaller). */
  maxBodyBytes?: number
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } })

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null)

export function createStripeWebhookHandler(options: StripeWebhookOptions): (request: Request) => Promise<Response> {
  const { stripe, webhookSecret, billing } = options
  if (!stripe || !webhookSecret || !billing) {
    throw new TypeError('react-billing-panel: createStripeWebhookHandler needs { stripe, webhookSecret, billing }.')
  }
  const events = billing.processorEvents
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  const reads = billing.store.read

  async function paymentIntent(id: string) {
    const pi = await stripe.paymentIntents.retrieve(id)
    const accountId = pi.metadata?.[STRIPE_METADATA.account]
    const processorKey = pi.metadata?.[STRIPE_METADATA.processorKey]
    const paymentMethodId = pi.metadata?.[STRIPE_METADATA.paymentMethod]
    if (!accountId || !processorKey || !paymentMethodId) return
    // Metadata is ours, but the Customer must be this account's too.
    if ((await reads.processorCustomer(accountId)) !== idOf(pi.customer)) return
    // Kept even when the charging instance died before it could, so refunds and disputes find it.
    await billing.store.transaction((tx) =>
      tx.insertProcessorCharge({ processorKey, accountId, intentId: pi.id }, new Date().toISOString()),
    )
    let outcome: { status: 'succeeded'; reference: string } | { status: 'declined'; declineCode: string }
    if (pi.status === 'succeeded') outcome = { status: 'succeeded', reference: pi.id }
    else if (pi.status === 'requires_payment_method' || pi.status === 'canceled')
      outcome = { status: 'declined', declineCode: declineCodeOf(pi) }
    else return // Not final yet; a later event reports the outcome.
    await events.settleCharge({
      accountId,
      processorKey,
      paymentMethodId,
      amount: { amount: pi.amount, currency: pi.currency.toUpperCase() },
      outcome,
    })
  }

  async function handle(event: Stripe.Event) {
    switch (event.type) {
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed':
        return paymentIntent(event.data.object.id)
      case 'charge.refunded': {
        const charge = event.data.object
        const intentId = idOf(charge.payment_intent)
        if (intentId) await events.refund({ intentId, refundedTotal: charge.amount_refunded })
        return
      }
      case 'charge.dispute.created': {
        const dispute = event.data.object
        await events.recordDispute({
          id: dispute.id,
          chargeId: idOf(dispute.charge),
          intentId: idOf(dispute.payment_intent),
          amount: dispute.amount,
          currency: dispute.currency.toUpperCase(),
          reason: dispute.reason ?? null,
          status: dispute.status,
          createdAt: new Date(dispute.created * 1000).toISOString(),
        })
        return
      }
      case 'payment_method.updated':
      case 'payment_method.automatically_updated': {
        const pm = await stripe.paymentMethods.retrieve(event.data.object.id)
        if (!pm.card) return
        const card = cardDetailsOf(pm)
        await events.refreshCard({
          providerId: pm.id,
          brand: card.brand,
          last4: card.last4,
          expMonth: card.expMonth,
          expYear: card.expYear,
        })
        return
      }
      case 'payment_method.detached':
        await events.removeCard({ providerId: event.data.object.id })
        return
      case 'setup_intent.succeeded': {
        const intent = event.data.object
        const customer = idOf(intent.customer)
        const accountId = customer ? await reads.processorAccountForCustomer(customer) : null
        if (accountId) {
          await events.attachFromSetupIntent({
            accountId,
            setupIntentId: intent.id,
            paymentMethodId: idOf(intent.payment_method),
          })
        }
        return
      }
      case 'invoice.paid': {
        // Read back: the invoice as it is now, and whose it is, not what the event claims.
        const invoice = await stripe.invoices.retrieve(event.data.object.id as string)
        const customerId = idOf(invoice.customer)
        if (!customerId || invoice.status !== 'paid' || !invoice.id) return
        await events.recordSourceInvoice({
          customerId,
          invoiceId: invoice.id,
          number: invoice.number ?? invoice.id,
          amountPaid: invoice.amount_paid,
          currency: invoice.currency,
          description: invoice.lines?.data[0]?.description || invoice.description || invoice.number || invoice.id,
        })
        return
      }
      // The Billing source reads subscriptions from Stripe on every request and caches nothing, so
      // customer.subscription.* and the other invoice.* events need no work here.
      default:
        return
    }
  }

  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' })
    const signature = request.headers.get('stripe-signature')
    if (!signature) return json(400, { error: 'invalid_signature' })
    // The signature covers the exact bytes Stripe sent: nothing may parse or re-encode them first.
    const body = await readBodyWithin(request, maxBodyBytes)
    if (!body) return json(413, { error: 'payload_too_large' })
    let event: Stripe.Event
    try {
      event = await stripe.webhooks.constructEventAsync(body, signature, webhookSecret, options.toleranceSeconds)
    } catch {
      return json(400, { error: 'invalid_signature' })
    }
    if (await events.seen(event.id)) return json(200, { received: true, duplicate: true })
    try {
      await handle(event)
    } catch (error) {
      // Something of ours that no longer exists (a card removed meanwhile): nothing left to do.
      if (!(isBillingError(error) && (error.code === 'not_found' || error.code === 'validation'))) {
        return json(500, { error: 'not_processed' })
      }
    }
    await events.record(event.id, event.type)
    return json(200, { received: true })
  }
}
