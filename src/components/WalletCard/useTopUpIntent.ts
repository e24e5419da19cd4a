import { useCallback, useRef } from 'react'
import { createIdempotencyKey } from '../../data'

interface Intent {
  amount: number
  paymentMethodId: string
  key: string
}

/**
 * One idempotency key per top-up intent. Retrying the same amount on the same card (a double
 * click, a retry after a timeout, a retry after 3-D Secure) reuses the key, so the adapter
 * charges at most once; a different amount or card, or a finished top-up, starts a new intent.
 */
export function useTopUpIntent() {
  const intent = useRef<Intent | null>(null)

  const keyFor = useCallback((amount: number, paymentMethodId: string): string => {
    const current = intent.current
    if (current && current.amount === amount && current.paymentMethodId === paymentMethodId) return current.key
    const next = { amount, paymentMethodId, key: createIdempotencyKey('topup') }
    intent.current = next
    return next.key
  }, [])

  const complete = useCallback(() => {
    intent.current = null
  }, [])

  return { keyFor, complete }
}
