'use client'
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { BillingAdapter, PaymentMethod } from '../adapter/types'
import { useBillingContext } from '../provider/context'
import { billingKeys, STALE_TIME } from './keys'
import { adapterMethod, useBillingMutation } from './mutation'

export function paymentMethodsQuery(adapter: BillingAdapter, scope: string) {
  return queryOptions({
    queryKey: billingKeys.paymentMethods(scope),
    queryFn: () => adapter.listPaymentMethods(),
    staleTime: STALE_TIME,
  })
}

export function usePaymentMethods() {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(paymentMethodsQuery(adapter, scope), queryClient)
}

/** Reversible, so optimistic: the badge moves at once and moves back if the adapter refuses. */
export function useSetDefaultPaymentMethod() {
  return useBillingMutation<string, PaymentMethod[]>({
    run: (adapter, id) => adapterMethod(adapter, 'setDefaultPaymentMethod')(id),
    onMutate: async (client, scope, id) => {
      const key = billingKeys.paymentMethods(scope)
      await client.cancelQueries({ queryKey: key })
      const previous = client.getQueryData<PaymentMethod[]>(key)
      client.setQueryData<PaymentMethod[]>(key, (list) => list?.map((m) => ({ ...m, isDefault: m.id === id })))
      return { previous }
    },
    onError: (client, scope, _error, _id, context) => {
      const previous = (context as { previous?: PaymentMethod[] } | undefined)?.previous
      if (previous) client.setQueryData(billingKeys.paymentMethods(scope), previous)
    },
    onSuccess: (client, scope, list) => {
      if (list.length > 0) client.setQueryData(billingKeys.paymentMethods(scope), list)
      return Promise.all([
        client.invalidateQueries({ queryKey: billingKeys.paymentMethods(scope) }),
        client.invalidateQueries({ queryKey: billingKeys.wallet(scope) }),
      ])
    },
    staleKeys: (scope) => [billingKeys.paymentMethods(scope)],
  })
}
