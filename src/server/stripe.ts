/**
 * `react-billing-panel/server/stripe`: real money through Stripe, on the official `stripe`
 * package (an optional peer dependency: install it only if you use this entry).
 *
 *   const stripe = new Stripe(process.env.STRIPE_SECRET_KEY)
 *   const payments = createStripePayments({ stripe, store })
 *   const billing = createBillingService({ store, payments })
 *   const webhook = createStripeWebhookHandler({ stripe, webhookSecret, billing }) // POST /webhooks/stripe
 *
 * Subscriptions that live in Stripe Billing (optional):
 *
 *   const subscriptions = createStripeBillingSource({ stripe, groupMetadataKey: 'billing_group' })
 *   const billing = createBillingService({ store, payments, subscriptions })
 *   await linkStripeCustomer({ stripe, store, accountId, customerId: 'cus_…' }) // once per existing Customer
 */
export {
  STRIPE_METADATA,
  type StripePayments,
  type StripePaymentsOptions,
  cardDetailsOf,
  createStripePayments,
} from './stripe/payments'
export { type StripeWebhookOptions, createStripeWebhookHandler } from './stripe/webhooks'
export {
  type LinkStripeCustomerInput,
  type StripeBillingSourceOptions,
  createStripeBillingSource,
  linkStripeCustomer,
} from './stripe/billing'
