import { useCallback, useRef } from 'react'
import { createIdempotencyKey } from '../../data'

interface Intent {
  subscriptionId: string
  planId: string
  key: string
}

/**
 * One idempotency key per plan-change intent. Confirming the same plan again (a double press,
 * a retry after a timeout or after 3-D Secure) reuses the key, so the adapter charges the
 * proration at most once; another plan, or a finished change, starts a new intent.
 */
export function usePlanChangeIntent() {
  const intent = useRef<Intent | null>(null)

  const keyFor = useCallback((subscriptionId: string, planId: string): string => {
    const current = intent.current
    if (current && current.subscriptionId === subscriptionId && current.planId === planId) return current.key
    const next = { subscriptionId, planId, key: createIdempotencyKey('plan') }
    intent.current = next
    return next.key
  }, [])

  const complete = useCallback(() => {
    intent.current = null
  }, [])

  return { keyFor, complete }
}
