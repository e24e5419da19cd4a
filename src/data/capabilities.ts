'use client'
import {
  type CapabilityName,
  capabilityOf,
  METHODS,
  type MethodRegistry,
  type PanelPermission,
} from '../adapter/methods'
import type { BillingAdapter } from '../adapter/types'
import { type BillingPermissions, useBillingContext } from '../provider/context'

/**
 * Which optional actions the adapter offers and the user may take, one key per `capability` in
 * the method registry: cancelSubscription, resumeSubscription, changePlan (listPlans,
 * previewPlanChange and changePlan), addPaymentMethod (a SetupIntent, attaching, and Stripe),
 * removePaymentMethod, setDefaultPaymentMethod, updateBillingProfile, addFunds,
 * updateAutoRecharge, updateWalletNotifications (the low-balance alert and receipts), invoices
 * (reading, so read-only users keep it) and spendInsights (spend by category and the forecast).
 */
export type BillingCapabilities = CapabilitiesOf<typeof METHODS>

/** The capabilities a registry contributes, each true or false. */
export type CapabilitiesOf<R extends MethodRegistry> = { [K in CapabilityName<R>]: boolean }

export function capabilitiesOf(
  adapter: BillingAdapter,
  permissions: BillingPermissions,
  stripeConfigured: boolean,
): BillingCapabilities {
  return capabilitiesFrom(METHODS, adapter, permissions, stripeConfigured)
}

/**
 * `capabilitiesOf` over any registry: a capability is on when every method naming it is
 * there, the user has each one's permission, and Stripe is configured where one needs it.
 */
export function capabilitiesFrom<R extends MethodRegistry>(
  methods: R,
  adapter: object,
  permissions: Readonly<Record<PanelPermission, boolean>>,
  stripeConfigured: boolean,
): CapabilitiesOf<R> {
  const capabilities: Record<string, boolean> = {}
  for (const [name, spec] of Object.entries(methods)) {
    const capability = capabilityOf(name, spec)
    if (!capability) continue
    const usable =
      typeof (adapter as Record<string, unknown>)[name] === 'function' &&
      (!spec.permission || permissions[spec.permission]) &&
      (!spec.stripe || stripeConfigured)
    capabilities[capability] = (capabilities[capability] ?? true) && usable
  }
  return capabilities as CapabilitiesOf<R>
}

export function useCapabilities(): BillingCapabilities {
  const { adapter, permissions, loadStripe } = useBillingContext()
  return capabilitiesOf(adapter, permissions, loadStripe !== null)
}
