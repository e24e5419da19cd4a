import { type BillingError, isBillingError } from '../../src/adapter/errors'
import type { LedgerEntry, ListLedgerInput } from '../../src/adapter/types'
import { createMemoryAdapter, type MemoryAdapterOptions, type MemoryBillingAdapter } from '../../src/adapter/memory'

export const NOW = new Date('2026-11-26T12:00:00.000Z')

/** A clock tests can move. */
export function movableClock(start: Date = NOW) {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    set: (date: Date | string) => {
      current = new Date(date).getTime()
    },
    advance: (ms: number) => {
      current += ms
    },
  }
}

export function memory(options: MemoryAdapterOptions = {}): MemoryBillingAdapter {
  return createMemoryAdapter({ now: () => NOW, ...options })
}

/** The rejection of a promise, failing the test if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<BillingError> {
  try {
    await promise
  } catch (error) {
    if (!isBillingError(error)) throw new Error(`expected a BillingError, got ${String(error)}`)
    return error
  }
  throw new Error('expected the call to fail, but it succeeded')
}

/** Every page of the ledger for a filter, following cursors. */
export async function allPages(adapter: MemoryBillingAdapter, input: Omit<ListLedgerInput, 'cursor'> = {}) {
  const pages: LedgerEntry[][] = []
  let cursor: string | null = null
  let totalCount: number | null | undefined
  do {
    const page = await adapter.listLedger({ ...input, cursor })
    pages.push(page.entries)
    totalCount ??= page.totalCount
    cursor = page.nextCursor
  } while (cursor)
  return { pages, entries: pages.flat(), totalCount }
}

/** Spends every complimentary credit, so later usage hits the paid balance. */
export async function spendAllCredits(adapter: MemoryBillingAdapter) {
  const wallet = await adapter.getWallet()
  const credits = wallet.credits.reduce((sum, credit) => sum + credit.remaining.amount, 0)
  if (credits > 0)
    await adapter.simulateUsage({ unit: 'sms', quantity: 1, cost: { amount: credits, currency: wallet.currency } })
}

/** Brings the paid balance to exactly `target` with usage (credits must already be spent). */
export async function usageToBalance(adapter: MemoryBillingAdapter, target: number) {
  const wallet = await adapter.getWallet()
  const cost = wallet.balance.amount - target
  if (cost < 0) throw new Error('usage cannot raise the balance')
  return adapter.simulateUsage({ unit: 'sms', quantity: 1, cost: { amount: cost, currency: wallet.currency } })
}
