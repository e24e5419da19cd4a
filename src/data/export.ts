'use client'
import { useCallback } from 'react'
import { BillingError, toBillingError } from '../adapter/errors'
import type { BillingAdapter, LedgerFilter, LedgerPage } from '../adapter/types'
import { useBillingContext } from '../provider/context'

export interface LedgerPagesOptions {
  filter?: LedgerFilter
  /** Entries per adapter call; adapters may cap it. Default 200. */
  pageSize?: number
  /** Stops between pages; the generator then throws an `AbortError`. */
  signal?: AbortSignal
}

function abortError(): DOMException {
  return new DOMException('The ledger read was aborted.', 'AbortError')
}

/**
 * Every ledger page matching the filter, newest first, one adapter call at a time (an export
 * should not hammer the backend). Reads past the query cache on purpose: an export wants all
 * of the ledger, and caching 100 000 entries in the QueryClient would cost the page its memory.
 */
export async function* fetchLedgerPages(
  adapter: Pick<BillingAdapter, 'listLedger'>,
  { filter, pageSize = 200, signal }: LedgerPagesOptions = {},
): AsyncGenerator<LedgerPage> {
  const seen = new Set<string>()
  let cursor: string | null = null
  do {
    if (signal?.aborted) throw abortError()
    let page: LedgerPage
    try {
      page = await adapter.listLedger({ filter, cursor, limit: pageSize })
    } catch (error) {
      throw toBillingError(error)
    }
    if (signal?.aborted) throw abortError()
    yield page
    const next: string | null = page.nextCursor ?? null
    // A cursor that comes back again would page forever.
    if (next !== null && seen.has(next)) {
      throw new BillingError('invalid_response', {
        message: 'The billing adapter returned the same ledger cursor twice.',
      })
    }
    if (next !== null) seen.add(next)
    cursor = next
  } while (cursor !== null)
}

/** `fetchLedgerPages` on the provider's adapter, for components that export the ledger. */
export function useLedgerPages(): (options?: LedgerPagesOptions) => AsyncGenerator<LedgerPage> {
  const { adapter } = useBillingContext()
  return useCallback((options?: LedgerPagesOptions) => fetchLedgerPages(adapter, options), [adapter])
}
