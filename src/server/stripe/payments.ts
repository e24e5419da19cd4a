/**
 * `createStripePayments`: the service's `PaymentProvider` on the official `stripe` package. One
 * Stripe Customer per sub-account (created on first need, kept in our store), cards saved through
 * SetupIntents for off-session use, charges as PaymentIntents confirmed on the server with our
 * processor key as Stripe's idempotency key. Stripe's card errors become declines; anything else
 * it throws (rate limits, network) is rethrown, so the service answers a retryable `unavailable`.
 */
import type Stripe from 'stripe'
import { BillingError } from '../../adapter/errors'
import { type BillingProfile, CARD_BRANDS, type CardBrand, type CardWallet } from '../../adapter/types'
import type { CardDetails, ChargeOutcome, ChargeRequest, PaymentProvider } from '../payments/provider'
import type { BillingStore } from '../store/repository'

/** The metadata every object we create carries, so a webhook can find what it belongs to. */
export const STRIPE_METADATA = {
  account: 'billing_account_id',
  processorKey: 'billing_processor_key',
  paymentMethod: 'billing_payment_method_id',
} as const

export interface StripePaymentsOptions {
  /** `new Stripe(secretKey, { … })`, the host's client. */
  stripe: Stripe
  /** The billing store: it keeps each account's Customer id and each charge's PaymentIntent id. */
  store: BillingStore
  /** Copy billing profile changes (name, email, address, tax id) to the Customer. Default false. */
  mirrorProfile?: boolean
}

export interface StripePayments extends PaymentProvider {
  /** The account's Customer id, creating the Customer on first need (one per account, even under concurrency). */
  customerFor(accountId: string): Promise<string>
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null)

/** The card as we store it, read from Stripe's PaymentMethod. */
export function cardDetailsOf(pm: Stripe.PaymentMethod): CardDetails {
  const card = pm.card
  const brand = (CARD_BRANDS as readonly string[]).includes(card?.brand ?? '') ? (card?.brand as CardBrand) : 'unknown'
  const wallet = card?.wallet?.type
  return {
    brand,
    last4: card?.last4 ?? '',
    expMonth: card?.exp_month ?? null,
    expYear: card?.exp_year ?? null,
    wallet: wallet === 'apple_pay' || wallet === 'google_pay' || wallet === 'link' ? (wallet as CardWallet) : null,
    holderName: pm.billing_details?.name ?? null,
    providerId: pm.id,
  }
}

/** Why a PaymentIntent did not go through, as a Stripe decline code (never Stripe's message). */
export function declineCodeOf(pi: Pick<Stripe.PaymentIntent, 'last_payment_error'>): string {
  const error = pi.last_payment_error
  return error?.decline_code || error?.code || 'card_declined'
}

/** A PaymentIntent's current state as a charge outcome. */
export function outcomeOf(pi: Stripe.PaymentIntent): ChargeOutcome {
  switch (pi.status) {
    case 'succeeded':
      return { status: 'succeeded', reference: pi.id }
    // Not final: the key stays claimed (never freed for a second charge) until a retry or the
    // webhook reads the final state.
    case 'processing':
      return { status: 'pending', reference: pi.id }
    case 'requires_action':
    case 'requires_confirmation':
      if (!pi.client_secret) throw new Error('react-billing-panel: The PaymentIntent came without a client secret.')
      return { status: 'requires_action', clientSecret: pi.client_secret }
    default:
      return { status: 'declined', declineCode: declineCodeOf(pi) }
  }
}

/** Stripe failed outside a charge: a retryable code for what may pass on retry, never Stripe's message. */
export function unavailable(stripe: Stripe, error: unknown): BillingError {
  if (error instanceof BillingError) return error
  if (error instanceof stripe.errors.StripeRateLimitError) {
    return new BillingError('rate_limited', { message: 'The card processor is busy; try again.', cause: error })
  }
  const transient =
    error instanceof stripe.errors.StripeConnectionError || error instanceof stripe.errors.StripeAPIError
  return new BillingError('unavailable', {
    message: 'The card processor could not be reached; try again.',
    retryable: transient,
    cause: error,
  })
}

export function createStripePayments(options: StripePaymentsOptions): StripePayments {
  const { stripe, store } = options
  if (!stripe || !store) throw new TypeError('react-billing-panel: createStripePayments needs { stripe, store }.')
  // In-process memory of what the store also holds: `findCharge` may run inside the service's
  // write transaction, where a store call could wait on that very transaction (SQLite).
  const customers = new Map<string, string>()
  const intents = new Map<string, string>()
  const creating = new Map<string, Promise<string>>()

  async function createCustomer(accountId: string): Promise<string> {
    // Deterministic parameters and key: two instances racing get Stripe's one Customer back.
    const customer = await stripe.customers.create(
      { metadata: { [STRIPE_METADATA.account]: accountId } },
      { idempotencyKey: `billing-customer:${accountId}` },
    )
    await store.transaction((tx) => tx.insertProcessorCustomer(accountId, customer.id, new Date().toISOString()))
    // Whoever inserted first wins; a Customer made in a race we lost is never used.
    return (await store.read.processorCustomer(accountId)) ?? customer.id
  }

  async function customerFor(accountId: string): Promise<string> {
    const cached = customers.get(accountId)
    if (cached) return cached
    const stored = await store.read.processorCustomer(accountId)
    if (stored) {
      customers.set(accountId, stored)
      return stored
    }
    let pending = creating.get(accountId)
    if (!pending) {
      pending = createCustomer(accountId).finally(() => creating.delete(accountId))
      creating.set(accountId, pending)
    }
    const id = await pending
    customers.set(accountId, id)
    return id
  }

  async function remember(request: ChargeRequest, intentId: string) {
    intents.set(request.idempotencyKey, intentId)
    await store.transaction((tx) =>
      tx.insertProcessorCharge(
        { processorKey: request.idempotencyKey, accountId: request.accountId, intentId },
        new Date().toISOString(),
      ),
    )
  }

  /**
   * The PaymentIntent for this processor key: read back when we know its id (after 3-D Secure,
   * a takeover), created otherwise. Creation repeats the same parameters under the same
   * idempotency key, so Stripe answers a repeat with its first answer instead of charging again.
   */
  async function chargeOnce(request: ChargeRequest, keep: boolean): Promise<ChargeOutcome> {
    const known =
      intents.get(request.idempotencyKey) ??
      (keep ? (await store.read.processorCharge(request.idempotencyKey))?.intentId : undefined)
    if (known) return outcomeOf(await stripe.paymentIntents.retrieve(known))
    const paymentMethod = request.card.providerId
    // A card saved without Stripe (seeded or simulated) cannot be charged here.
    if (!paymentMethod) return { status: 'declined', declineCode: 'card_not_supported' }
    const customer = await customerFor(request.accountId)
    try {
      const intent = await stripe.paymentIntents.create(
        {
          amount: request.amount.amount,
          currency: request.amount.currency.toLowerCase(),
          customer,
          payment_method: paymentMethod,
          allowed_payment_method_types: ['card'],
          confirm: true,
          ...(request.session === 'off' ? { off_session: true } : {}),
          description: request.description,
          metadata: {
            [STRIPE_METADATA.account]: request.accountId,
            [STRIPE_METADATA.processorKey]: request.idempotencyKey,
            [STRIPE_METADATA.paymentMethod]: request.card.id,
          },
        },
        { idempotencyKey: request.idempotencyKey },
      )
      if (keep) await remember(request, intent.id)
      else intents.set(request.idempotencyKey, intent.id)
      return outcomeOf(intent)
    } catch (error) {
      if (!(error instanceof stripe.errors.StripeCardError)) throw error
      const intentId = error.payment_intent?.id
      if (intentId) {
        if (keep) await remember(request, intentId)
        else intents.set(request.idempotencyKey, intentId)
      }
      return { status: 'declined', declineCode: error.decline_code || error.code || 'card_declined' }
    }
  }

  return {
    customerFor,

    async createSetupIntent({ accountId }) {
      try {
        const customer = await customerFor(accountId)
        const intent = await stripe.setupIntents.create({
          customer,
          usage: 'off_session',
          allowed_payment_method_types: ['card'],
          metadata: { [STRIPE_METADATA.account]: accountId },
        })
        if (!intent.client_secret) throw new Error('react-billing-panel: The SetupIntent came without a client secret.')
        return { id: intent.id, clientSecret: intent.client_secret }
      } catch (error) {
        throw unavailable(stripe, error)
      }
    },

    // The browser's paymentMethodId is ignored: the card is whatever Stripe says this account's
    // succeeded SetupIntent saved.
    async cardFromSetupIntent({ accountId, setupIntentId }) {
      try {
        const customer = await customerFor(accountId)
        const intent = await stripe.setupIntents.retrieve(setupIntentId)
        if (idOf(intent.customer) !== customer) {
          throw new BillingError('not_found', { message: `No SetupIntent ${setupIntentId}.` })
        }
        const paymentMethod = idOf(intent.payment_method)
        if (intent.status !== 'succeeded' || !paymentMethod) {
          throw new BillingError('validation', {
            message: 'The card has not been confirmed yet.',
            fieldErrors: { setupIntentId: 'not_confirmed' },
          })
        }
        return cardDetailsOf(await stripe.paymentMethods.retrieve(paymentMethod))
      } catch (error) {
        throw unavailable(stripe, error)
      }
    },

    charge: (request) => chargeOnce(request, true),

    // Asked on a takeover, possibly inside the service's write transaction: it touches only the
    // in-process memory and Stripe. A key Stripe has seen answers with that charge; one it has
    // not is charged now, as the instance that died meant to.
    findCharge: (request) => chargeOnce(request, false),

    async detachPaymentMethod({ providerId }) {
      await stripe.paymentMethods.detach(providerId)
    },

    async setDefaultPaymentMethod({ accountId, providerId }) {
      const customer = await customerFor(accountId)
      await stripe.customers.update(customer, { invoice_settings: { default_payment_method: providerId } })
    },

    async updateCustomer({ accountId, profile }) {
      if (!options.mirrorProfile) return
      const customer = await customerFor(accountId)
      await stripe.customers.update(customer, customerFields(profile))
      await mirrorTaxId(stripe, customer, profile)
    },
  }
}

function customerFields(p: BillingProfile): Stripe.CustomerUpdateParams {
  return {
    name: p.company || p.name,
    email: p.email,
    address: {
      line1: p.address.line1,
      line2: p.address.line2 ?? '',
      city: p.address.city,
      state: p.address.region ?? '',
      postal_code: p.address.postalCode ?? '',
      country: p.address.country,
    },
  }
}

/** Keeps exactly the profile's tax id on the Customer. */
async function mirrorTaxId(stripe: Stripe, customer: string, p: BillingProfile) {
  const existing = (await stripe.customers.listTaxIds(customer, { limit: 100 })).data
  const wanted = p.taxId
  for (const t of existing) {
    if (!wanted || t.type !== wanted.type || t.value !== wanted.value)
      await stripe.customers.deleteTaxId(customer, t.id)
  }
  if (wanted && !existing.some((t) => t.type === wanted.type && t.value === wanted.value)) {
    await stripe.customers.createTaxId(customer, {
      type: wanted.type as Stripe.CustomerCreateTaxIdParams['type'],
      value: wanted.value,
    })
  }
}
