import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { BillingAdapter } from '../adapter/types'
import type { StripeLoader } from '../stripe/loader'
import type { AppearanceVariables, ThemeName } from './appearance'

/** What the account user may do. Everything is allowed unless the host says otherwise. */
export interface BillingPermissions {
  manageSubscriptions: boolean
  managePaymentMethods: boolean
  editBillingInfo: boolean
  /** Add funds and change auto-recharge: actions that move money. */
  manageWallet: boolean
}

export interface BillingContextValue {
  /** The host adapter, wrapped with boundary checks. */
  adapter: BillingAdapter
  queryClient: QueryClient
  /** Keeps query keys of several sub-accounts apart in a shared host QueryClient. */
  scope: string
  permissions: BillingPermissions
  readOnly: boolean
  theme: ThemeName
  variables: AppearanceVariables | undefined
  portalContainer: HTMLElement | null
  /** Lazily loads Stripe; null when the host configured none. */
  loadStripe: StripeLoader | null
  /** The CRM's brand, used in the platform subscription group's title. */
  brandName: string
}

export const BillingContext = createContext<BillingContextValue | null>(null)

export function useBillingContext(): BillingContextValue {
  const value = useContext(BillingContext)
  if (!value) {
    throw new Error(
      'react-billing-panel: this component or hook must be used inside <BillingProvider>. Wrap it in <BillingProvider adapter={yourAdapter}>…</BillingProvider>.',
    )
  }
  return value
}
