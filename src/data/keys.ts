import type { LedgerFilter, SpendSummaryInput } from '../adapter/types'

const ROOT = 'react-billing-panel' as const

/** Reads stay fresh this long: switching sections back and forth costs no adapter call. */
export const STALE_TIME = 30_000

/** Normalised so that equal filters share one cache entry whatever their key order. */
export function normalizeLedgerFilter(filter: LedgerFilter = {}): Required<LedgerFilter> {
  return {
    types: [...new Set(filter.types ?? [])].toSorted(),
    from: filter.from ?? null,
    to: filter.to ?? null,
  }
}

/** Every query key of the panel, under one root and one sub-account scope. */
export const billingKeys = {
  all: () => [ROOT] as const,
  scope: (scope: string) => [ROOT, scope] as const,
  profile: (scope: string) => [ROOT, scope, 'profile'] as const,
  subscriptions: (scope: string) => [ROOT, scope, 'subscriptions'] as const,
  plans: (scope: string, subscriptionId: string) => [ROOT, scope, 'subscriptions', 'plans', subscriptionId] as const,
  planPreview: (scope: string, subscriptionId: string, planId: string) =>
    [ROOT, scope, 'subscriptions', 'preview', subscriptionId, planId] as const,
  paymentMethods: (scope: string) => [ROOT, scope, 'payment-methods'] as const,
  wallet: (scope: string) => [ROOT, scope, 'wallet'] as const,
  ledger: (scope: string) => [ROOT, scope, 'ledger'] as const,
  ledgerList: (scope: string, filter?: LedgerFilter, pageSize = 50) =>
    [ROOT, scope, 'ledger', 'list', normalizeLedgerFilter(filter), pageSize] as const,
  /** Apart from `ledger`: its lists are paged data, a summary is not. */
  spendSummary: (scope: string, input: SpendSummaryInput) =>
    [ROOT, scope, 'spend', input.granularity, input.from, input.to] as const,
}
