'use client'
import { useMutation, type QueryClient } from '@tanstack/react-query'
import { toBillingError, type BillingError } from '../adapter/errors'
import type { BillingAdapter } from '../adapter/types'
import { useBillingContext } from '../provider/context'

/** The adapter's method, bound; a missing one means the UI offered an action it should have hidden. */
export function adapterMethod<K extends keyof BillingAdapter>(
  adapter: BillingAdapter,
  name: K,
): NonNullable<BillingAdapter[K]> {
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

export function useBillingMutation<TInput, TResult>(config: {
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
