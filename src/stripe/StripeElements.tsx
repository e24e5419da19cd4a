'use client'
/**
 * Stripe Elements for the add-card dialog. This module is imported lazily (see
 * `loadStripeCardForm`), so @stripe/react-stripe-js is fetched only when a card is being added.
 * Card numbers are typed into Stripe's iframe; this code only ever sees ids.
 */
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js'
import type { SetupIntent, StripeElementLocale } from '@stripe/stripe-js'
import { useImperativeHandle, useMemo } from 'react'
import type { ConfirmSetupOutcome, StripeCardFormHandle, StripeCardFormProps } from './cardFormContract'

// Processing is how bank debits come back; the card is on file, the bank settles later.
const CONFIRMED: ReadonlySet<SetupIntent.Status> = new Set(['succeeded', 'processing'])

function paymentMethodIdOf(intent: SetupIntent): string | null {
  const pm = intent.payment_method
  if (typeof pm === 'string') return pm
  return pm?.id ?? null
}

function Bridge({
  handleRef,
  onReady,
  onLoadError,
  onChange,
}: Omit<StripeCardFormProps, 'stripe' | 'clientSecret' | 'locale' | 'appearance'>) {
  const stripe = useStripe()
  const elements = useElements()

  useImperativeHandle(
    handleRef,
    (): StripeCardFormHandle => ({
      async confirm(): Promise<ConfirmSetupOutcome> {
        if (!stripe || !elements) return { status: 'failed', type: 'not_ready' }
        try {
          const result = await stripe.confirmSetup({ elements, redirect: 'if_required' })
          if (result.error) {
            return {
              status: 'failed',
              type: result.error.type,
              code: result.error.code,
              declineCode: result.error.decline_code,
              message: result.error.message,
            }
          }
          const intent = result.setupIntent
          if (!CONFIRMED.has(intent.status)) return { status: 'failed', type: 'incomplete', code: intent.status }
          return { status: 'confirmed', setupIntentId: intent.id, paymentMethodId: paymentMethodIdOf(intent) }
        } catch (error) {
          // Integration errors are thrown, not returned; show them as a failed save, not a crash.
          return {
            status: 'failed',
            type: 'unexpected',
            message: undefined,
            code: error instanceof Error ? error.name : undefined,
          }
        }
      },
      focus() {
        elements?.getElement('payment')?.focus()
      },
    }),
    [stripe, elements],
  )

  return (
    <PaymentElement
      options={{ layout: 'tabs' }}
      onReady={() => onReady?.()}
      onLoadError={(event) => onLoadError?.(event.error?.message)}
      onChange={(event) => onChange?.({ complete: event.complete, empty: event.empty })}
    />
  )
}

/** `<Elements>` with the SetupIntent's client secret, the user's locale and our theme. */
export function StripeCardForm({ stripe, clientSecret, locale, appearance, ...bridge }: StripeCardFormProps) {
  // Elements compares options deeply; memoising keeps the iframe from re-rendering needlessly.
  const appearanceKey = JSON.stringify(appearance)
  // biome-ignore lint/correctness/useExhaustiveDependencies: appearanceKey stands for appearance
  const options = useMemo(
    () => ({ clientSecret, locale: locale as StripeElementLocale, appearance }),
    [clientSecret, locale, appearanceKey],
  )
  return (
    <Elements stripe={stripe} options={options}>
      <Bridge {...bridge} />
    </Elements>
  )
}

export default StripeCardForm
