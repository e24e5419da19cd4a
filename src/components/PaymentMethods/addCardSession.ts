import { useCallback, useRef, useState } from 'react'
import type { AttachPaymentMethodInput } from '../../adapter/types'
import { useBillingContext } from '../../provider/context'

/** What an add-card attempt must not forget when the dialog, or the whole list, unmounts. */
export interface AddCardSession {
  /** An unused SetupIntent's client secret, reused by the next attempt. */
  clientSecret: string | null
  /**
   * Stripe confirmed the card but the adapter has not recorded it yet. While set, the dialog
   * only offers to finish with this same SetupIntent: entering the card again would save it twice.
   */
  pending: AttachPaymentMethodInput | null
}

const EMPTY: AddCardSession = { clientSecret: null, pending: null }

// Per QueryClient and scope, like the cache: a tab switch in the host must not lose a saved card.
const sessions = new WeakMap<object, Map<string, AddCardSession>>()

export function useAddCardSession(): [AddCardSession, (patch: Partial<AddCardSession>) => void] {
  const { queryClient, scope } = useBillingContext()
  const [state, setState] = useState<AddCardSession>(() => sessions.get(queryClient)?.get(scope) ?? EMPTY)
  const current = useRef(state)
  const update = useCallback(
    (patch: Partial<AddCardSession>) => {
      const next = { ...current.current, ...patch }
      current.current = next
      let byScope = sessions.get(queryClient)
      if (!byScope) {
        byScope = new Map()
        sessions.set(queryClient, byScope)
      }
      byScope.set(scope, next)
      setState(next)
    },
    [queryClient, scope],
  )
  return [state, update]
}
