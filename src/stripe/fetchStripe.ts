import type { Stripe, StripeElementLocale } from '@stripe/stripe-js'
// The pure entry does not inject Stripe's script at import time.
import { loadStripe } from '@stripe/stripe-js/pure'

/** Stripe.js for a publishable key, showing its own texts in the panel's language. */
export async function fetchStripe(publishableKey: string, stripeAccount?: string, locale?: string): Promise<Stripe> {
  const instance = await loadStripe(publishableKey, {
    stripeAccount,
    locale: (locale as StripeElementLocale | undefined) ?? 'auto',
  })
  if (!instance) throw new Error('Failed to load Stripe.js')
  return instance
}
