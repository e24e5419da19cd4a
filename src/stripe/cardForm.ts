/**
 * The tiny loader of the Stripe card form, so the dialog's own chunk never pulls in
 * @stripe/react-stripe-js; the contract both sides share is in `cardFormContract`.
 */
import type { ComponentType } from 'react'
import type { StripeCardFormProps } from './cardFormContract'

export type { ConfirmSetupOutcome, StripeCardFormHandle, StripeCardFormProps } from './cardFormContract'

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
