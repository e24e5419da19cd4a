// After money moves, the ledger shows the new entry on top without refetching every page the
// user scrolled through: at 100 000 entries that would be hundreds of requests per top-up.
import { QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { useAddFunds, useLedger } from '../../src/data'
import { BillingProvider } from '../../src/provider'

const NOW = new Date('2026-11-26T15:00:00Z')

function setup() {
  const adapter = createMemoryAdapter({ seed: 1, now: () => NOW, ledgerSize: 2000 })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <BillingProvider adapter={adapter} queryClient={queryClient} locale="en">
      {children}
    </BillingProvider>
  )
  const view = renderHook(() => ({ ledger: useLedger({}, { pageSize: 50 }), addFunds: useAddFunds() }), { wrapper })
  return { adapter, ...view }
}

describe('the ledger after a top-up', () => {
  it('refetches one page, shows the new entry first, and loads older pages again on demand', async () => {
    const { adapter, result } = setup()
    await waitFor(() => expect(result.current.ledger.data?.pages).toHaveLength(1))
    for (let page = 2; page <= 4; page++) {
      await act(() => result.current.ledger.fetchNextPage())
      await waitFor(() => expect(result.current.ledger.data?.pages).toHaveLength(page))
    }
    const before = adapter.calls.listLedger
    const firstBefore = result.current.ledger.data?.pages[0]?.entries[0]?.id

    await act(() =>
      result.current.addFunds.mutateAsync({
        amount: { amount: 2500, currency: 'USD' },
        paymentMethodId: 'pm_visa_4242',
        idempotencyKey: 'refresh-test',
      }),
    )
    await waitFor(() => expect(result.current.ledger.isFetching).toBe(false))

    // One request, not four: the list starts again from its first page.
    expect(adapter.calls.listLedger - before).toBe(1)
    const pages = result.current.ledger.data?.pages ?? []
    expect(pages).toHaveLength(1)
    expect(pages[0]?.entries[0]).toMatchObject({ type: 'top_up', amount: { amount: 2500, currency: 'USD' } })
    expect(pages[0]?.entries[1]?.id).toBe(firstBefore)
    expect(result.current.ledger.hasNextPage).toBe(true)

    // Scrolling on still works from there.
    await act(() => result.current.ledger.fetchNextPage())
    await waitFor(() => expect(result.current.ledger.data?.pages).toHaveLength(2))
  })
})
