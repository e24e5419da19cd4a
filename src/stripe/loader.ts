import type { Stripe } from '@stripe/stripe-js'

export type StripeSource = Stripe | PromiseLike<Stripe | null> | null

export interface StripeLoaderOptions {
  /** A host Stripe instance or promise (e.g. from their own `loadStripe`). Wins over the key. */
  stripe?: StripeSource
  /** Or a publishable key: Stripe.js is then fetched only when a card form opens. */
  publishableKey?: string
  /** Connected account, for platforms that collect cards on behalf of sub-accounts. */
  stripeAccount?: string
  /** The panel's language tag: Stripe.js shows its own texts in it. */
  locale?: string
}

export type StripeLoader = () => Promise<Stripe>

/**
 * A memoised, lazy Stripe loader. Nothing from Stripe is requested until it is called; a
 * failed load is forgotten so the user can retry.
 */
export function createStripeLoader(options: StripeLoaderOptions): StripeLoader | null {
  const { stripe, publishableKey, stripeAccount, locale } = options
  if (stripe === undefined && !publishableKey) return null
  let pending: Promise<Stripe> | null = null
  return () => {
    if (!pending) {
      pending = resolveStripe().catch((error: unknown) => {
        pending = null
        throw error
      })
    }
    return pending
  }

  async function resolveStripe(): Promise<Stripe> {
    if (stripe !== undefined) {
      const instance = await stripe
      if (!instance)
        throw new Error('react-billing-panel: Failed to load Stripe.js: the host passed an empty Stripe instance.')
      return instance
    }
    // Fetching Stripe.js for the key loads with Stripe's own loader, when a card form first opens.
    const { fetchStripe } = await import('./fetchStripe')
    return fetchStripe(publishableKey as string, stripeAccount, locale)
  }
}
