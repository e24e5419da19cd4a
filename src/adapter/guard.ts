import { toBillingError } from './errors'
import {
  sanitizeBillingProfile,
  sanitizeInvoiceLinks,
  sanitizeLedgerEntry,
  sanitizeLedgerPage,
  sanitizePaymentMethod,
  sanitizePaymentMethods,
  sanitizePlanChangePreview,
  sanitizePlans,
  sanitizeSpendSummary,
  sanitizeSubscription,
  sanitizeSubscriptions,
  sanitizeWallet,
} from './sanitize'
import type { AddFundsResult, BillingAdapter } from './types'

const GUARDED = Symbol.for('react-billing-panel.guarded')

type Cleaners = { [K in keyof BillingAdapter]-?: (value: unknown) => unknown }

const CLEAN: Cleaners = {
  getBillingProfile: sanitizeBillingProfile,
  listSubscriptions: sanitizeSubscriptions,
  listPaymentMethods: sanitizePaymentMethods,
  getWallet: sanitizeWallet,
  listLedger: sanitizeLedgerPage,
  getInvoiceLinks: sanitizeInvoiceLinks,
  cancelSubscription: sanitizeSubscription,
  resumeSubscription: sanitizeSubscription,
  listPlans: sanitizePlans,
  previewPlanChange: sanitizePlanChangePreview,
  changePlan: sanitizeSubscription,
  createSetupIntent: (value) => value,
  attachPaymentMethod: sanitizePaymentMethod,
  removePaymentMethod: () => undefined,
  setDefaultPaymentMethod: (value) => (Array.isArray(value) ? sanitizePaymentMethods(value) : []),
  updateBillingProfile: sanitizeBillingProfile,
  addFunds: (value): AddFundsResult => {
    const v = (value ?? {}) as { entry?: unknown; wallet?: unknown }
    return { entry: sanitizeLedgerEntry(v.entry), wallet: sanitizeWallet(v.wallet) }
  },
  updateAutoRecharge: sanitizeWallet,
  updateWalletNotifications: sanitizeWallet,
  getSpendSummary: sanitizeSpendSummary,
}

/**
 * Wraps a host adapter so every result is checked at the boundary and every failure is a
 * BillingError. Capabilities stay as the host defined them: a missing method stays missing.
 */
export function guardAdapter(adapter: BillingAdapter): BillingAdapter {
  if ((adapter as { [GUARDED]?: boolean })[GUARDED]) return adapter
  const guarded: Partial<Record<keyof BillingAdapter, unknown>> & { [GUARDED]: true } = { [GUARDED]: true }
  for (const name of Object.keys(CLEAN) as (keyof BillingAdapter)[]) {
    const method = adapter[name] as ((...args: unknown[]) => Promise<unknown>) | undefined
    if (typeof method !== 'function') continue
    const clean = CLEAN[name]
    guarded[name] = async (...args: unknown[]) => {
      let result: unknown
      try {
        result = await method.apply(adapter, args)
      } catch (error) {
        throw toBillingError(error)
      }
      return clean(result)
    }
  }
  return guarded as unknown as BillingAdapter
}
