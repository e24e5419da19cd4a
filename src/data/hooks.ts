'use client'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { BillingAdapter, LedgerFilter, SpendSummaryInput } from '../adapter/types'
import { useBillingContext } from '../provider/context'
import {
  billingProfileQuery,
  ledgerQuery,
  paymentMethodsQuery,
  planPreviewQuery,
  plansQuery,
  spendSummaryQuery,
  subscriptionsQuery,
  walletQuery,
} from './queries'

export function useBillingProfile() {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(billingProfileQuery(adapter, scope), queryClient)
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

export function usePaymentMethods() {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(paymentMethodsQuery(adapter, scope), queryClient)
}

export function useWallet() {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(walletQuery(adapter, scope), queryClient)
}

export function useLedger(filter: LedgerFilter = {}, options: { pageSize?: number } = {}) {
  const { adapter, scope, queryClient } = useBillingContext()
  return useInfiniteQuery(ledgerQuery(adapter, scope, filter, options.pageSize), queryClient)
}

export function useSpendSummary(input: SpendSummaryInput) {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(
    { ...spendSummaryQuery(adapter, scope, input), enabled: Boolean(adapter.getSpendSummary) },
    queryClient,
  )
}

/** Which optional actions the adapter offers and the user may take. */
export interface BillingCapabilities {
  cancelSubscription: boolean
  resumeSubscription: boolean
  changePlan: boolean
  addPaymentMethod: boolean
  removePaymentMethod: boolean
  setDefaultPaymentMethod: boolean
  updateBillingProfile: boolean
  addFunds: boolean
  updateAutoRecharge: boolean
  /** The wallet's emails: low-balance alert and receipts. */
  updateWalletNotifications: boolean
  invoices: boolean
  /** Spend by category and the run-rate forecast; reading only. */
  spendInsights: boolean
}

export function capabilitiesOf(
  adapter: BillingAdapter,
  permissions: ReturnType<typeof useBillingContext>['permissions'],
  stripeConfigured: boolean,
): BillingCapabilities {
  const has = (name: keyof BillingAdapter) => typeof adapter[name] === 'function'
  return {
    cancelSubscription: permissions.manageSubscriptions && has('cancelSubscription'),
    resumeSubscription: permissions.manageSubscriptions && has('resumeSubscription'),
    changePlan: permissions.manageSubscriptions && has('listPlans') && has('previewPlanChange') && has('changePlan'),
    addPaymentMethod:
      permissions.managePaymentMethods && stripeConfigured && has('createSetupIntent') && has('attachPaymentMethod'),
    removePaymentMethod: permissions.managePaymentMethods && has('removePaymentMethod'),
    setDefaultPaymentMethod: permissions.managePaymentMethods && has('setDefaultPaymentMethod'),
    updateBillingProfile: permissions.editBillingInfo && has('updateBillingProfile'),
    addFunds: permissions.manageWallet && has('addFunds'),
    updateAutoRecharge: permissions.manageWallet && has('updateAutoRecharge'),
    updateWalletNotifications: permissions.manageWallet && has('updateWalletNotifications'),
    // Reading invoices changes nothing, so read-only users keep it.
    invoices: has('getInvoiceLinks'),
    spendInsights: has('getSpendSummary'),
  }
}

export function useCapabilities(): BillingCapabilities {
  const { adapter, permissions, loadStripe } = useBillingContext()
  return capabilitiesOf(adapter, permissions, loadStripe !== null)
}
