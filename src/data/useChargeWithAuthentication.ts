'use client'
import { useCallback, useRef, useState } from 'react'
import { toBillingError, type BillingError } from '../adapter/errors'
import { useBillingContext } from '../provider/context'
import { useIdempotentIntent } from './useIdempotentIntent'

/** Where a charge stands: the form locks while the card is charged or the bank confirms. */
export type ChargePhase = 'idle' | 'charging' | 'authenticating'

/** Why the last attempt did not go through: the adapter's error, or the bank said no to 3-D Secure. */
export type ChargeFailure = { kind: 'error'; error: BillingError } | { kind: 'auth_failed' }

/** Like `mutate`'s second argument: what to do once the charge went through, or did not. */
export interface ChargeHandlers<TInput, TResult> {
  onSuccess: (result: TResult, input: TInput) => void
  onError?: (error: BillingError) => void
}

/** Outcomes after which the same key would only replay the refusal: nothing was charged. */
function chargedNothing(error: BillingError): boolean {
  return error.code === 'card_declined' || error.code === 'validation' || error.code === 'forbidden'
}

/**
 * Runs an action that may move money: the mutation; when the bank asks for 3-D Secure
 * (`requires_action`), the challenge on-session through Stripe; then the mutation again with the
 * same idempotency key, so the adapter completes the payment the bank confirmed instead of
 * starting another. `run` takes the input without its key: the same input again (a retry after a
 * timeout) keeps the key, so it is charged at most once. A `run` while one is in flight does nothing.
 */
export function useChargeWithAuthentication<TInput extends { idempotencyKey: string }, TResult>(
  mutate: (input: TInput) => Promise<TResult>,
  keyPrefix: string,
) {
  const { loadStripe } = useBillingContext()
  const intent = useIdempotentIntent(keyPrefix)
  const [phase, setPhase] = useState<ChargePhase>('idle')
  const [failure, setFailure] = useState<ChargeFailure | null>(null)
  // A ref as well as state: a second click can arrive before React re-renders the button.
  const inFlight = useRef(false)

  /** True when the bank confirmed. */
  const authenticate = async (clientSecret: string): Promise<boolean> => {
    if (!loadStripe) return false
    try {
      const stripe = await loadStripe()
      const result = await stripe.handleNextAction({ clientSecret })
      return !result.error
    } catch {
      return false
    }
  }

  const run = async (
    request: Omit<TInput, 'idempotencyKey'>,
    { onSuccess, onError }: ChargeHandlers<TInput, TResult>,
  ) => {
    if (inFlight.current) return
    inFlight.current = true
    const input = { ...request, idempotencyKey: intent.keyFor(JSON.stringify(request)) } as TInput
    setFailure(null)
    setPhase('charging')
    try {
      let result: TResult
      try {
        result = await mutate(input)
      } catch (thrown) {
        const error = toBillingError(thrown)
        if (error.code !== 'requires_action' || !error.clientSecret) throw error
        setPhase('authenticating')
        if (!(await authenticate(error.clientSecret))) {
          // The bank said no: nothing was charged, so the next attempt is a new intent.
          intent.complete()
          setFailure({ kind: 'auth_failed' })
          return
        }
        setPhase('charging')
        result = await mutate(input)
      }
      intent.complete()
      onSuccess(result, input)
    } catch (thrown) {
      const error = toBillingError(thrown)
      if (chargedNothing(error)) intent.complete()
      onError?.(error)
      setFailure({ kind: 'error', error })
    } finally {
      inFlight.current = false
      setPhase('idle')
    }
  }

  /** A changed amount, card or plan is a new attempt: the last one's failure no longer applies. */
  const clearFailure = useCallback(() => setFailure(null), [])

  return { phase, pending: phase !== 'idle', failure, run, clearFailure }
}
