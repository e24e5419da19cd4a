'use client'
import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import type { BillingAdapter, InvoiceLinks, LedgerFilter, LedgerPage } from '../adapter/types'
import { useBillingContext } from '../provider/context'
import { billingKeys, normalizeLedgerFilter, STALE_TIME } from './keys'
import { adapterMethod, useBillingMutation } from './mutation'

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

export function useLedger(filter: LedgerFilter = {}, options: { pageSize?: number } = {}) {
  const { adapter, scope, queryClient } = useBillingContext()
  return useInfiniteQuery(ledgerQuery(adapter, scope, filter, options.pageSize), queryClient)
}

/**
 * New entries arrive at the top of the ledger. Each cached list keeps only its first page and
 * refetches that, instead of refetching every page the user scrolled through (at 100 000
 * entries that could be hundreds of requests after one top-up).
 */
export function refreshLedger(client: QueryClient, scope: string) {
  client.setQueriesData<InfiniteData<LedgerPage, string | null>>({ queryKey: billingKeys.ledger(scope) }, (data) =>
    data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
  )
  return client.invalidateQueries({ queryKey: billingKeys.ledger(scope) })
}

/** Signed links expire, so they are asked for at click time and never cached. */
export function useInvoiceLinks() {
  return useBillingMutation<string, InvoiceLinks>({
    run: (adapter, invoiceId) => adapterMethod(adapter, 'getInvoiceLinks')(invoiceId),
  })
}
