import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { BillingAdapter, LedgerFilter, SpendSummaryInput } from '../adapter/types'
import { billingKeys, normalizeLedgerFilter } from './keys'

/** Reads stay fresh this long: switching sections back and forth costs no adapter call. */
export const STALE_TIME = 30_000

export function billingProfileQuery(adapter: BillingAdapter, scope: string) {
  return queryOptions({
    queryKey: billingKeys.profile(scope),
    queryFn: () => adapter.getBillingProfile(),
    staleTime: STALE_TIME,
  })
}

export function subscriptionsQuery(adapter: BillingAdapter, scope: string) {
  return queryOptions({
    queryKey: billingKeys.subscriptions(scope),
    queryFn: () => adapter.listSubscriptions(),
    staleTime: STALE_TIME,
  })
}

export function plansQuery(adapter: BillingAdapter, scope: string, subscriptionId: string) {
  return queryOptions({
    queryKey: billingKeys.plans(scope, subscriptionId),
    queryFn: () => {
      if (!adapter.listPlans) throw new Error('react-billing-panel: The adapter cannot list plans.')
      return adapter.listPlans(subscriptionId)
    },
    staleTime: STALE_TIME,
  })
}

export function planPreviewQuery(adapter: BillingAdapter, scope: string, subscriptionId: string, planId: string) {
  return queryOptions({
    queryKey: billingKeys.planPreview(scope, subscriptionId, planId),
    queryFn: () => {
      if (!adapter.previewPlanChange) throw new Error('react-billing-panel: The adapter cannot preview plan changes.')
      return adapter.previewPlanChange({ subscriptionId, planId })
    },
    // Proration depends on the minute; never show an old quote.
    staleTime: 0,
    gcTime: 60_000,
  })
}

export function paymentMethodsQuery(adapter: BillingAdapter, scope: string) {
  return queryOptions({
    queryKey: billingKeys.paymentMethods(scope),
    queryFn: () => adapter.listPaymentMethods(),
    staleTime: STALE_TIME,
  })
}

export function walletQuery(adapter: BillingAdapter, scope: string) {
  return queryOptions({
    queryKey: billingKeys.wallet(scope),
    queryFn: () => adapter.getWallet(),
    staleTime: STALE_TIME,
  })
}

export function ledgerQuery(adapter: BillingAdapter, scope: string, filter: LedgerFilter = {}, pageSize = 50) {
  const normalized = normalizeLedgerFilter(filter)
  return infiniteQueryOptions({
    queryKey: billingKeys.ledgerList(scope, normalized, pageSize),
    queryFn: ({ pageParam, signal }) => {
      void signal
      return adapter.listLedger({
        filter: {
          types: normalized.types.length > 0 ? normalized.types : undefined,
          from: normalized.from,
          to: normalized.to,
        },
        cursor: pageParam,
        limit: pageSize,
      })
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: STALE_TIME,
  })
}

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
