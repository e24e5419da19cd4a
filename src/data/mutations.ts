'use client'
import { useMutation, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import { toBillingError, type BillingError } from '../adapter/errors'
import type {
  AddFundsInput,
  AddFundsResult,
  AttachPaymentMethodInput,
  AutoRechargeSettings,
  BillingAdapter,
  BillingProfile,
  CancelSubscriptionInput,
  ChangePlanInput,
  InvoiceLinks,
  LedgerPage,
  PaymentMethod,
  SetupIntentResult,
  Subscription,
  Wallet,
  WalletNotifications,
} from '../adapter/types'
import { useBillingContext } from '../provider/context'
import { billingKeys } from './keys'

function require<K extends keyof BillingAdapter>(adapter: BillingAdapter, name: K): NonNullable<BillingAdapter[K]> {
  const method = adapter[name]
  if (typeof method !== 'function') {
    throw new Error(
      `react-billing-panel: The billing adapter has no ${String(name)}(); the action should have been hidden.`,
    )
  }
  return (method as (...args: unknown[]) => unknown).bind(adapter) as NonNullable<BillingAdapter[K]>
}

/** On conflict or not-found the cache is stale: refetch what the failure was about. */
function refreshOnStale(client: QueryClient, error: unknown, keys: readonly (readonly unknown[])[]) {
  const code = toBillingError(error).code
  if (code === 'conflict' || code === 'not_found') {
    for (const queryKey of keys) void client.invalidateQueries({ queryKey })
  }
}

function useBillingMutation<TInput, TResult>(config: {
  run: (adapter: BillingAdapter, input: TInput) => Promise<TResult>
  onSuccess?: (client: QueryClient, scope: string, result: TResult, input: TInput) => unknown
  staleKeys?: (scope: string) => readonly (readonly unknown[])[]
  onMutate?: (client: QueryClient, scope: string, input: TInput) => Promise<unknown> | unknown
  onError?: (client: QueryClient, scope: string, error: BillingError, input: TInput, context: unknown) => void
}) {
  const { adapter, scope, queryClient } = useBillingContext()
  return useMutation<TResult, BillingError, TInput, unknown>(
    {
      mutationFn: async (input) => {
        try {
          return await config.run(adapter, input)
        } catch (error) {
          throw toBillingError(error)
        }
      },
      onMutate: config.onMutate ? (input) => config.onMutate?.(queryClient, scope, input) : undefined,
      onSuccess: (result, input) => config.onSuccess?.(queryClient, scope, result, input),
      onError: (error, input, context) => {
        config.onError?.(queryClient, scope, error, input, context)
        if (config.staleKeys) refreshOnStale(queryClient, error, config.staleKeys(scope))
      },
    },
    queryClient,
  )
}

/** A new key for each top-up intent; the same intent retried keeps its key. */
export function createIdempotencyKey(prefix = 'bp'): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  return `${prefix}_${random}`
}

// ----- Wallet -------------------------------------------------------------------------------

/**
 * New entries arrive at the top of the ledger. Each cached list keeps only its first page and
 * refetches that, instead of refetching every page the user scrolled through (at 100 000
 * entries that could be hundreds of requests after one top-up).
 */
function refreshLedger(client: QueryClient, scope: string) {
  client.setQueriesData<InfiniteData<LedgerPage, string | null>>({ queryKey: billingKeys.ledger(scope) }, (data) =>
    data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
  )
  return client.invalidateQueries({ queryKey: billingKeys.ledger(scope) })
}

/** Moves money: no optimistic update; the wallet and the ledger refetch, nothing else. */
export function useAddFunds() {
  return useBillingMutation<AddFundsInput, AddFundsResult>({
    run: (adapter, input) => require(adapter, 'addFunds')(input),
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
    run: (adapter, input) => require(adapter, 'updateAutoRecharge')(input),
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
    run: (adapter, input) => require(adapter, 'updateWalletNotifications')(input),
    onSuccess: (client, scope, wallet) => {
      client.setQueryData(billingKeys.wallet(scope), wallet)
      return client.invalidateQueries({ queryKey: billingKeys.profile(scope) })
    },
    staleKeys: (scope) => [billingKeys.wallet(scope)],
  })
}

// ----- Subscriptions ------------------------------------------------------------------------

function replaceSubscription(client: QueryClient, scope: string, updated: Subscription) {
  client.setQueryData<Subscription[]>(billingKeys.subscriptions(scope), (list) =>
    list?.map((s) => (s.id === updated.id ? updated : s)),
  )
  return client.invalidateQueries({ queryKey: billingKeys.subscriptions(scope) })
}

export function useCancelSubscription() {
  return useBillingMutation<CancelSubscriptionInput, Subscription>({
    run: (adapter, input) => require(adapter, 'cancelSubscription')(input),
    onSuccess: (client, scope, result) => replaceSubscription(client, scope, result),
    staleKeys: (scope) => [billingKeys.subscriptions(scope)],
  })
}

export function useResumeSubscription() {
  return useBillingMutation<string, Subscription>({
    run: (adapter, id) => require(adapter, 'resumeSubscription')(id),
    onSuccess: (client, scope, result) => replaceSubscription(client, scope, result),
    staleKeys: (scope) => [billingKeys.subscriptions(scope)],
  })
}

export function useChangePlan() {
  return useBillingMutation<ChangePlanInput, Subscription>({
    run: (adapter, input) => require(adapter, 'changePlan')(input),
    onSuccess: (client, scope, result) =>
      Promise.all([replaceSubscription(client, scope, result), refreshLedger(client, scope)]),
    staleKeys: (scope) => [billingKeys.subscriptions(scope)],
  })
}

// ----- Payment methods ----------------------------------------------------------------------

export function useCreateSetupIntent() {
  return useBillingMutation<void, SetupIntentResult>({
    run: (adapter) => require(adapter, 'createSetupIntent')(),
  })
}

export function useAttachPaymentMethod() {
  return useBillingMutation<AttachPaymentMethodInput, PaymentMethod>({
    run: (adapter, input) => require(adapter, 'attachPaymentMethod')(input),
    onSuccess: (client, scope, _result, input) =>
      Promise.all([
        client.invalidateQueries({ queryKey: billingKeys.paymentMethods(scope) }),
        // A new default card re-arms a paused auto-recharge.
        input.makeDefault ? client.invalidateQueries({ queryKey: billingKeys.wallet(scope) }) : undefined,
      ]),
    // The card may exist at Stripe even when recording it failed: always look again.
    onError: (client, scope) => void client.invalidateQueries({ queryKey: billingKeys.paymentMethods(scope) }),
  })
}

export function useRemovePaymentMethod() {
  return useBillingMutation<string, void>({
    run: (adapter, id) => require(adapter, 'removePaymentMethod')(id),
    onSuccess: (client, scope, _result, id) => {
      client.setQueryData<PaymentMethod[]>(billingKeys.paymentMethods(scope), (list) =>
        list?.filter((m) => m.id !== id),
      )
      return client.invalidateQueries({ queryKey: billingKeys.paymentMethods(scope) })
    },
    staleKeys: (scope) => [billingKeys.paymentMethods(scope)],
  })
}

/** Reversible, so optimistic: the badge moves at once and moves back if the adapter refuses. */
export function useSetDefaultPaymentMethod() {
  return useBillingMutation<string, PaymentMethod[]>({
    run: (adapter, id) => require(adapter, 'setDefaultPaymentMethod')(id),
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

// ----- Billing profile ----------------------------------------------------------------------

export function useUpdateBillingProfile() {
  return useBillingMutation<BillingProfile, BillingProfile | null>({
    run: (adapter, profile) => require(adapter, 'updateBillingProfile')(profile),
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

// ----- Invoices -----------------------------------------------------------------------------

/** Signed links expire, so they are asked for at click time and never cached. */
export function useInvoiceLinks() {
  return useBillingMutation<string, InvoiceLinks>({
    run: (adapter, invoiceId) => require(adapter, 'getInvoiceLinks')(invoiceId),
  })
}
