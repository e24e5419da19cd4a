'use client'
import { queryOptions, useQuery } from '@tanstack/react-query'
import type { BillingAdapter, SpendSummaryInput } from '../adapter/types'
import { useBillingContext } from '../provider/context'
import { billingKeys, STALE_TIME } from './keys'

export function spendSummaryQuery(adapter: BillingAdapter, scope: string, input: SpendSummaryInput) {
  return queryOptions({
    queryKey: billingKeys.spendSummary(scope, input),
    queryFn: () => {
      if (!adapter.getSpendSummary) throw new Error('react-billing-panel: The adapter cannot summarise spend.')
      return adapter.getSpendSummary(input)
    },
    staleTime: STALE_TIME,
  })
}
export function useSpendSummary(input: SpendSummaryInput) {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(
    { ...spendSummaryQuery(adapter, scope, input), enabled: Boolean(adapter.getSpendSummary) },
    queryClient,
  )
}
