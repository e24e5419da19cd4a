/**
 * The contract between the add-card dialog and the lazily loaded Stripe card form. Only types
 * and a tiny loader live here, so the dialog's own chunk never pulls in @stripe/react-stripe-js.
 */
import type { Appearance, Stripe } from '@stripe/stripe-js'
import type { ComponentType, Ref } from 'react'

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
  /** "es" or "en": Stripe shows its labels and errors in it. */
  locale: string
  appearance: Appearance
  handleRef: Ref<StripeCardFormHandle>
  /** The Payment Element is on screen and accepts input. */
  onReady?: () => void
  /** The Payment Element could not load (blocked iframe, bad client secret…). */
  onLoadError?: (message: string | undefined) => void
  onChange?: (state: { complete: boolean; empty: boolean }) => void
}

let pending: Promise<ComponentType<StripeCardFormProps>> | null = null

/** Imports the Stripe card form once; a failed import is forgotten so a retry fetches again. */
export function loadStripeCardForm(): Promise<ComponentType<StripeCardFormProps>> {
  if (!pending) {
    pending = import('./StripeElements').then(
      (module) => module.StripeCardForm,
      (error: unknown) => {
        pending = null
        throw error
      },
    )
  }
  return pending
}

export class StripeLoadTimeoutError extends Error {
  override readonly name = 'StripeLoadTimeoutError'
  constructor(ms: number) {
    super(`Stripe did not load within ${ms} ms`)
  }
}

/** Rejects with StripeLoadTimeoutError when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StripeLoadTimeoutError(ms)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
