'use client'
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { BillingAdapter, BillingProfile } from '../adapter/types'
import { useBillingContext } from '../provider/context'
import { billingKeys, STALE_TIME } from './keys'
import { adapterMethod, useBillingMutation } from './mutation'

export function billingProfileQuery(adapter: BillingAdapter, scope: string) {
  return queryOptions({
    queryKey: billingKeys.profile(scope),
    queryFn: () => adapter.getBillingProfile(),
    staleTime: STALE_TIME,
  })
}

export function useBillingProfile() {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(billingProfileQuery(adapter, scope), queryClient)
}

export function useUpdateBillingProfile() {
  return useBillingMutation<BillingProfile, BillingProfile | null>({
    run: (adapter, profile) => adapterMethod(adapter, 'updateBillingProfile')(profile),
    onSuccess: (client, scope, profile) => {
      client.setQueryData(billingKeys.profile(scope), profile)
      // The receipts setting is shown with the wallet's emails as well.
      return Promise.all([
        client.invalidateQueries({ queryKey: billingKeys.profile(scope) }),
        client.invalidateQueries({ queryKey: billingKeys.wallet(scope) }),
      ])
    },
    staleKeys: (scope) => [billingKeys.profile(scope)],
  })
}
