'use client'
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import type { BillingAdapter, CancelSubscriptionInput, ChangePlanInput, Subscription } from '../adapter/types'
import { useBillingContext } from '../provider/context'
import { billingKeys, STALE_TIME } from './keys'
import { refreshLedger } from './ledger'
import { adapterMethod, useBillingMutation } from './mutation'

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

export function useSubscriptions() {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(subscriptionsQuery(adapter, scope), queryClient)
}

export function usePlans(subscriptionId: string, options: { enabled?: boolean } = {}) {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(
    { ...plansQuery(adapter, scope, subscriptionId), enabled: (options.enabled ?? true) && Boolean(adapter.listPlans) },
    queryClient,
  )
}

export function usePlanChangePreview(subscriptionId: string, planId: string | null) {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(
    {
      ...planPreviewQuery(adapter, scope, subscriptionId, planId ?? ''),
      enabled: planId !== null && Boolean(adapter.previewPlanChange),
    },
    queryClient,
  )
}

function replaceSubscription(client: QueryClient, scope: string, updated: Subscription) {
  client.setQueryData<Subscription[]>(billingKeys.subscriptions(scope), (list) =>
    list?.map((s) => (s.id === updated.id ? updated : s)),
  )
  return client.invalidateQueries({ queryKey: billingKeys.subscriptions(scope) })
}

export function useCancelSubscription() {
  return useBillingMutation<CancelSubscriptionInput, Subscription>({
    run: (adapter, input) => adapterMethod(adapter, 'cancelSubscription')(input),
    onSuccess: (client, scope, result) => replaceSubscription(client, scope, result),
    staleKeys: (scope) => [billingKeys.subscriptions(scope)],
  })
}

export function useResumeSubscription() {
  return useBillingMutation<string, Subscription>({
    run: (adapter, id) => adapterMethod(adapter, 'resumeSubscription')(id),
    onSuccess: (client, scope, result) => replaceSubscription(client, scope, result),
    staleKeys: (scope) => [billingKeys.subscriptions(scope)],
  })
}

export function useChangePlan() {
  return useBillingMutation<ChangePlanInput, Subscription>({
    run: (adapter, input) => adapterMethod(adapter, 'changePlan')(input),
    onSuccess: (client, scope, result) =>
      Promise.all([replaceSubscription(client, scope, result), refreshLedger(client, scope)]),
    staleKeys: (scope) => [billingKeys.subscriptions(scope)],
  })
}
