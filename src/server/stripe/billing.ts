/**
 * `createStripeBillingSource`: subscriptions and invoices straight from Stripe Billing, for hosts
 * whose subscriptions already live there. Each account's Stripe Subscriptions are listed and
 * grouped by a metadata key the host names; cancel at period end and resume set
 * `cancel_at_period_end` at Stripe; an invoice's links are Stripe's own hosted page and PDF.
 *
 * The Customer is always the one our store keeps for the account (`linkStripeCustomer` or the
 * first card saved), and every id a caller sends is read back from Stripe and checked against it:
 * another Customer's subscription or invoice is "not found", exactly like one that does not exist.
 * Plan changes are not offered through this source; the panel hides them.
 */
import type Stripe from 'stripe'
import { BillingError } from '../../adapter/errors'
import {
  type BillingInterval,
  CANCEL_REASONS,
  type CancelSubscriptionInput,
  type InvoiceLinks,
  type Subscription,
  type SubscriptionKind,
  type SubscriptionStatus,
} from '../../adapter/types'
import type { SubscriptionSource, SubscriptionSourceScope } from '../service/subscription-source'
import type { BillingStore } from '../store/repository'
import { unavailable } from './payments'

const KINDS: readonly SubscriptionKind[] = ['platform', 'resale', 'marketplace']
const INTERVALS: readonly BillingInterval[] = ['day', 'week', 'month', 'year']

export interface StripeBillingSourceOptions {
  /** `new Stripe(secretKey, { … })`, the host's client. */
  stripe: Stripe
  /**
   * The metadata key that names a subscription's group (`platform`, `resale` or `marketplace`),
   * read from the Subscription, then its Price, then its Product.
   */
  groupMetadataKey: string
  /** The group of a subscription whose metadata names none (or an unknown one). Default `platform`. */
  defaultGroup?: SubscriptionKind
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null)

const isoOf = (seconds: number | null | undefined) =>
  typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null

/** Stripe's links are shown as links: anything but http(s) is dropped. */
const safeUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null)

function notFound(what: string): BillingError {
  return new BillingError('not_found', { message: `No ${what}.` })
}

function conflict(message: string): BillingError {
  return new BillingError('conflict', { message, retryable: false })
}

/** Stripe's errors in our words: a missing object is not_found, a reused key a conflict, the rest retryable or not. */
function billingErrorOf(stripe: Stripe, error: unknown, what: string): BillingError {
  if (error instanceof stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') {
    return notFound(what)
  }
  if (error instanceof stripe.errors.StripeIdempotencyError) {
    return conflict('The idempotency key was already used with different parameters.')
  }
  return unavailable(stripe, error)
}

/** Stripe's statuses the panel knows as they are; the others keep their name in `rawStatus`. */
function statusOf(status: Stripe.Subscription.Status): { status: SubscriptionStatus; rawStatus: string | null } {
  switch (status) {
    case 'active':
    case 'trialing':
    case 'past_due':
    case 'paused':
    case 'canceled':
    case 'incomplete':
      return { status: status as SubscriptionStatus, rawStatus: null }
    case 'unpaid':
      return { status: 'past_due', rawStatus: status }
    case 'incomplete_expired':
      return { status: 'canceled', rawStatus: status }
    default:
      return { status: 'unknown', rawStatus: String(status) }
  }
}

export function createStripeBillingSource(options: StripeBillingSourceOptions): SubscriptionSource {
  const { stripe, groupMetadataKey } = options
  if (!stripe || typeof groupMetadataKey !== 'string' || groupMetadataKey === '') {
    throw new TypeError(
      'react-billing-panel: createStripeBillingSource needs { stripe, groupMetadataKey }: the metadata key naming platform, resale or marketplace.',
    )
  }
  const defaultGroup = options.defaultGroup ?? 'platform'
  if (!KINDS.includes(defaultGroup)) {
    throw new TypeError(`react-billing-panel: defaultGroup must be one of ${KINDS.join(', ')}, not "${defaultGroup}".`)
  }

  const groupIn = (metadata: Stripe.Metadata | null | undefined) => {
    const value = metadata?.[groupMetadataKey]
    return KINDS.includes(value as SubscriptionKind) ? (value as SubscriptionKind) : null
  }

  async function productsOf(subs: Stripe.Subscription[]): Promise<Map<string, Stripe.Product>> {
    const ids = [
      ...new Set(subs.flatMap((s) => s.items.data.map((i) => idOf(i.price.product)).filter((id) => id !== null))),
    ]
    const products = new Map<string, Stripe.Product>()
    // Expanding `data.items.data.price.product` would exceed Stripe's four levels: one list call instead.
    for (let i = 0; i < ids.length; i += 100) {
      const page = await stripe.products.list({ ids: ids.slice(i, i + 100), limit: 100 })
      for (const p of page.data) products.set(p.id, p)
    }
    return products
  }

  function toSubscription(
    scope: SubscriptionSourceScope,
    sub: Stripe.Subscription,
    products: Map<string, Stripe.Product>,
  ): Subscription {
    const items = sub.items.data
    const first = items[0]
    const product = first ? products.get(idOf(first.price.product) ?? '') : undefined
    const { status, rawStatus } = statusOf(sub.status)
    const recurring = first?.price.recurring
    // One line: its unit price and quantity. Several: their total, if they bill alike.
    const alike = items.every(
      (i) =>
        i.price.currency === first?.price.currency &&
        i.price.recurring?.interval === recurring?.interval &&
        i.price.recurring?.interval_count === recurring?.interval_count &&
        typeof i.price.unit_amount === 'number',
    )
    let price: Subscription['price'] = null
    let quantity = 1
    if (first && alike) {
      const currency = first.price.currency.toUpperCase()
      if (items.length === 1) {
        price = { amount: first.price.unit_amount ?? 0, currency }
        quantity = first.quantity ?? 1
      } else {
        price = { amount: items.reduce((sum, i) => sum + (i.price.unit_amount ?? 0) * (i.quantity ?? 1), 0), currency }
      }
    }
    const interval = INTERVALS.includes(recurring?.interval as BillingInterval)
      ? (recurring?.interval as BillingInterval)
      : null
    const periodEnds = items.map((i) => i.current_period_end).filter((n) => typeof n === 'number')
    return {
      id: sub.id,
      kind: groupIn(sub.metadata) ?? groupIn(first?.price.metadata) ?? groupIn(product?.metadata) ?? defaultGroup,
      name: product?.name ?? first?.price.nickname ?? sub.description ?? sub.id,
      description: product?.description ?? null,
      status,
      rawStatus,
      price,
      quantity,
      interval,
      intervalCount: recurring?.interval_count ?? 1,
      startDate: isoOf(sub.start_date),
      currentPeriodEnd: periodEnds.length > 0 ? isoOf(Math.min(...periodEnds)) : null,
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      canceledAt: isoOf(sub.canceled_at),
      trialEnd: isoOf(sub.trial_end),
      paymentMethodId: scope.cardId(idOf(sub.default_payment_method)),
      planId: first?.price.id ?? null,
      manageUrl: null,
    }
  }

  async function present(scope: SubscriptionSourceScope, sub: Stripe.Subscription): Promise<Subscription> {
    return toSubscription(scope, sub, await productsOf([sub]))
  }

  /** The account's own subscription, read from Stripe; any other is not found. */
  async function owned(scope: SubscriptionSourceScope, subscriptionId: string): Promise<Stripe.Subscription> {
    const what = `subscription ${subscriptionId}`
    if (!scope.customerId || typeof subscriptionId !== 'string' || subscriptionId === '') throw notFound(what)
    let sub: Stripe.Subscription
    try {
      sub = await stripe.subscriptions.retrieve(subscriptionId)
    } catch (error) {
      throw billingErrorOf(stripe, error, what)
    }
    if (idOf(sub.customer) !== scope.customerId) throw notFound(what)
    return sub
  }

  async function setCancel(
    scope: SubscriptionSourceScope,
    sub: Stripe.Subscription,
    params: Stripe.SubscriptionUpdateParams,
    operation: string,
    idempotencyKey: string | null,
  ): Promise<Subscription> {
    try {
      const updated = await stripe.subscriptions.update(
        sub.id,
        params,
        // Scoped to the account and the operation, so one client key never replays another's answer.
        idempotencyKey ? { idempotencyKey: `${scope.accountId}:${operation}:${idempotencyKey}` } : undefined,
      )
      return await present(scope, updated)
    } catch (error) {
      throw billingErrorOf(stripe, error, `subscription ${sub.id}`)
    }
  }

  return {
    async listSubscriptions(scope) {
      if (!scope.customerId) return []
      try {
        // Stripe's list leaves out ended subscriptions; one set to cancel stays until its period ends.
        const subs = await stripe.subscriptions.list({ customer: scope.customerId, limit: 100 }).autoPagingToArray({
          limit: 1000,
        })
        const mine = subs.filter((s) => idOf(s.customer) === scope.customerId)
        const products = await productsOf(mine)
        return mine.map((s) => toSubscription(scope, s, products))
      } catch (error) {
        throw billingErrorOf(stripe, error, 'subscriptions')
      }
    },

    async cancelSubscription(scope, input: CancelSubscriptionInput, idempotencyKey) {
      if (input.reason !== undefined && !(CANCEL_REASONS as readonly string[]).includes(input.reason)) {
        throw new BillingError('validation', {
          message: 'Some fields are not valid.',
          fieldErrors: { reason: 'invalid' },
        })
      }
      if (input.comment !== undefined && typeof input.comment !== 'string') {
        throw new BillingError('validation', {
          message: 'Some fields are not valid.',
          fieldErrors: { comment: 'invalid' },
        })
      }
      const sub = await owned(scope, input.subscriptionId)
      if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
        throw conflict('The subscription is already canceled.')
      }
      // A retry with the request's key is answered by Stripe with the first answer, not a conflict.
      if (sub.cancel_at_period_end && !idempotencyKey) throw conflict('The subscription is already set to cancel.')
      const details: Stripe.SubscriptionUpdateParams.CancellationDetails = {}
      if (input.reason) details.feedback = input.reason
      if (input.comment) details.comment = input.comment.slice(0, 2000)
      return setCancel(
        scope,
        sub,
        { cancel_at_period_end: true, ...(input.reason || input.comment ? { cancellation_details: details } : {}) },
        'cancelSubscription',
        idempotencyKey,
      )
    },

    async resumeSubscription(scope, subscriptionId, idempotencyKey) {
      const sub = await owned(scope, subscriptionId)
      if (
        sub.status === 'canceled' ||
        sub.status === 'incomplete_expired' ||
        (!sub.cancel_at_period_end && !idempotencyKey)
      ) {
        throw conflict('The subscription is not set to cancel.')
      }
      return setCancel(
        scope,
        sub,
        { cancel_at_period_end: false, cancellation_details: { feedback: '', comment: '' } },
        'resumeSubscription',
        idempotencyKey,
      )
    },

    async getInvoiceLinks(scope, invoiceId): Promise<InvoiceLinks> {
      const what = `invoice ${invoiceId}`
      if (!scope.customerId) throw notFound(what)
      let invoice: Stripe.Invoice
      try {
        invoice = await stripe.invoices.retrieve(invoiceId)
      } catch (error) {
        throw billingErrorOf(stripe, error, what)
      }
      if (idOf(invoice.customer) !== scope.customerId) throw notFound(what)
      // Stripe's links do not expire on a schedule we know; they are asked for at click time anyway.
      return {
        viewUrl: safeUrl(invoice.hosted_invoice_url),
        downloadUrl: safeUrl(invoice.invoice_pdf),
        expiresAt: null,
      }
    },
  }
}

export interface LinkStripeCustomerInput {
  stripe: Stripe
  store: BillingStore
  /** Our sub-account, as the host's own back end knows it (never from a browser request). */
  accountId: string
  /** The Stripe Customer that already holds the account's subscriptions (`cus_…`). */
  customerId: string
}

/**
 * Ties an account to the Stripe Customer its subscriptions already live under, before the panel
 * first asks for them. A Customer belongs to one account only; linking an account that already
 * has another Customer, or a Customer another account has, is a conflict and changes nothing.
 */
export async function linkStripeCustomer(input: LinkStripeCustomerInput): Promise<void> {
  const { stripe, store, accountId, customerId } = input
  if (!(await store.read.account(accountId))) throw notFound('billing account')
  if (typeof customerId !== 'string' || !customerId.startsWith('cus_')) {
    throw new BillingError('validation', {
      message: 'Not a Stripe Customer id.',
      fieldErrors: { customerId: 'invalid' },
    })
  }
  let customer: Stripe.Customer | Stripe.DeletedCustomer
  try {
    customer = await stripe.customers.retrieve(customerId)
  } catch (error) {
    throw billingErrorOf(stripe, error, `Stripe Customer ${customerId}`)
  }
  if ('deleted' in customer && customer.deleted) throw notFound(`Stripe Customer ${customerId}`)
  await store.transaction((tx) => tx.insertProcessorCustomer(accountId, customerId, new Date().toISOString()))
  const linked = await store.read.processorCustomer(accountId)
  if (linked !== customerId) {
    throw conflict(
      linked
        ? `Account ${accountId} is already linked to another Stripe Customer.`
        : `Stripe Customer ${customerId} is already linked to another account.`,
    )
  }
}
