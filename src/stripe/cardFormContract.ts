/**
 * The contract between the add-card dialog and the lazily loaded Stripe card form: types only,
 * so both sides import it and neither imports the other.
 */
import type { Appearance, Stripe } from '@stripe/stripe-js'
import type { Ref } from 'react'

/** What confirming a SetupIntent came to. Card data never appears here: ids only. */
export type ConfirmSetupOutcome =
  | {
      status: 'confirmed'
      setupIntentId: string
      /** Stripe's PaymentMethod id, when Stripe returned it. */
      paymentMethodId: string | null
    }
  | {
      status: 'failed'
      /** Stripe's error type: card_error, validation_error, api_connection_error…, or `incomplete`. */
      type: string
      code?: string
      declineCode?: string
      /** Stripe's own message, already in the locale Elements was given. */
      message?: string
    }

export interface StripeCardFormHandle {
  /** `stripe.confirmSetup({ elements, redirect: 'if_required' })`, 3-D Secure included. */
  confirm(): Promise<ConfirmSetupOutcome>
  focus(): void
}

export interface StripeCardFormProps {
  stripe: Stripe
  clientSecret: string
  /** The panel's language tag ("es", "pt-BR"…): Stripe shows its labels and errors in it. */
  locale: string
  appearance: Appearance
  handleRef: Ref<StripeCardFormHandle>
  /** The Payment Element is on screen and accepts input. */
  onReady?: () => void
  /** The Payment Element could not load (blocked iframe, bad client secret…). */
  onLoadError?: (message: string | undefined) => void
  onChange?: (state: { complete: boolean; empty: boolean }) => void
}
