'use client'
import { queryOptions, useQuery } from '@tanstack/react-query'
import type {
  AddFundsInput,
  AddFundsResult,
  AutoRechargeSettings,
  BillingAdapter,
  Wallet,
  WalletNotifications,
} from '../adapter/types'
import { useBillingContext } from '../provider/context'
import { billingKeys, STALE_TIME } from './keys'
import { refreshLedger } from './ledger'
import { adapterMethod, useBillingMutation } from './mutation'

export function walletQuery(adapter: BillingAdapter, scope: string) {
  return queryOptions({
    queryKey: billingKeys.wallet(scope),
    queryFn: () => adapter.getWallet(),
    staleTime: STALE_TIME,
  })
}

export function useWallet() {
  const { adapter, scope, queryClient } = useBillingContext()
  return useQuery(walletQuery(adapter, scope), queryClient)
}

/** Moves money: no optimistic update; the wallet and the ledger refetch, nothing else. */
export function useAddFunds() {
  return useBillingMutation<AddFundsInput, AddFundsResult>({
    run: (adapter, input) => adapterMethod(adapter, 'addFunds')(input),
    onSuccess: (client, scope, result) => {
      client.setQueryData(billingKeys.wallet(scope), result.wallet)
      return Promise.all([
        client.invalidateQueries({ queryKey: billingKeys.wallet(scope) }),
        refreshLedger(client, scope),
      ])
    },
    staleKeys: (scope) => [billingKeys.wallet(scope), billingKeys.paymentMethods(scope)],
  })
}

/** Saving may charge at once (enabled below the threshold), so the ledger refetches too. */
export function useUpdateAutoRecharge() {
  return useBillingMutation<AutoRechargeSettings, Wallet>({
    run: (adapter, input) => adapterMethod(adapter, 'updateAutoRecharge')(input),
    onSuccess: (client, scope, wallet) => {
      client.setQueryData(billingKeys.wallet(scope), wallet)
      return refreshLedger(client, scope)
    },
    staleKeys: (scope) => [billingKeys.wallet(scope)],
  })
}

/** The wallet's emails; the receipts setting is the billing profile's too, so that refetches. */
export function useUpdateWalletNotifications() {
  return useBillingMutation<WalletNotifications, Wallet>({
    run: (adapter, input) => adapterMethod(adapter, 'updateWalletNotifications')(input),
    onSuccess: (client, scope, wallet) => {
      client.setQueryData(billingKeys.wallet(scope), wallet)
      return client.invalidateQueries({ queryKey: billingKeys.profile(scope) })
    },
    staleKeys: (scope) => [billingKeys.wallet(scope)],
  })
}
